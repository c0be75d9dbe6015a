/**
 * Map model
 * =========
 * What the map draws for a year window, without a DOM: one marker per place with coordinates
 * (sized by how many claims name it, coloured by the relation kind of what happened there in the
 * window), the territorial changes of the window at their places, and the places without
 * coordinates, listed rather than dropped. A happening is in the window [from, to] when its years
 * meet it (startYear ≤ to and endYear ≥ from, the views' one rule); an undated one is shown only
 * when no window is set, and counted otherwise.
 */
import type { MapHappening, MapPlace, PlacesMap, RelationKind } from "../../contract/api.ts";

export interface Marker {
  place: MapPlace;
  lon: number;
  lat: number;
  radius: number;
  /** What happened there in the window, in time order. */
  happenings: MapHappening[];
  /** The relation kind most of those happenings have (war first on a tie); undefined when none. */
  relation?: RelationKind;
  /** Pixel offset that fans out markers sharing one point (the Caspian Sea and its coasts). */
  offset: [number, number];
}

export interface MapFrame {
  markers: Marker[];
  /** Territorial changes in the window, in time order. */
  changes: MapHappening[];
  /** Places with no coordinates, by label. */
  unplaced: MapPlace[];
  /** Happenings left out because they have no years while a window is set. */
  undated: number;
}

/** Tie-break order when a place saw several kinds of relation in one window. */
const RELATION_PRIORITY: RelationKind[] = ["war", "threat", "rivalry", "treatyParty", "alliance", "thirdParty", "role", "place", "time", "citation", "other"];

export const meets = (h: { startYear?: number; endYear?: number }, from?: number, to?: number): boolean => {
  if (from === undefined && to === undefined) return true;
  if (h.startYear === undefined) return false;
  return h.startYear <= (to ?? Infinity) && (h.endYear ?? h.startYear) >= (from ?? -Infinity);
};

/** Marker radius in pixels: area grows with the number of claims naming the place. */
export const markerRadius = (mentions: number): number => Math.min(16, 3 + 1.6 * Math.sqrt(mentions));

function dominant(happenings: MapHappening[]): RelationKind | undefined {
  if (!happenings.length) return undefined;
  const counts = new Map<RelationKind, number>();
  for (const h of happenings) counts.set(h.relation, (counts.get(h.relation) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || RELATION_PRIORITY.indexOf(a[0]) - RELATION_PRIORITY.indexOf(b[0]))[0]![0];
}

const FAN_PX = 9;

export function mapFrame(data: PlacesMap, from?: number, to?: number): MapFrame {
  const windowed = from !== undefined || to !== undefined;
  const byPlace = new Map<string, MapHappening[]>();
  let undated = 0;
  const changes: MapHappening[] = [];
  for (const h of data.happenings) {
    if (windowed && h.startYear === undefined) {
      undated++;
      continue;
    }
    if (!meets(h, from, to)) continue;
    (byPlace.get(h.place) ?? byPlace.set(h.place, []).get(h.place)!).push(h);
    if (h.change) changes.push(h);
  }
  const placed = data.places.filter((p) => p.lat !== undefined && p.long !== undefined);
  // Places sharing one point are fanned out around it, in label order, so each stays clickable.
  const atPoint = new Map<string, MapPlace[]>();
  for (const p of placed) {
    const key = `${p.lat},${p.long}`;
    (atPoint.get(key) ?? atPoint.set(key, []).get(key)!).push(p);
  }
  const markers: Marker[] = placed.map((place) => {
    const group = atPoint.get(`${place.lat},${place.long}`)!;
    const i = group.indexOf(place);
    const angle = (2 * Math.PI * i) / group.length - Math.PI / 2;
    const offset: [number, number] = group.length > 1 ? [FAN_PX * Math.cos(angle), FAN_PX * Math.sin(angle)] : [0, 0];
    const happenings = byPlace.get(place.iri) ?? [];
    return { place, lon: place.long!, lat: place.lat!, radius: markerRadius(place.mentions), happenings, relation: dominant(happenings), offset };
  });
  // Big markers first, so small ones stay on top and clickable.
  markers.sort((a, b) => b.radius - a.radius || (a.place.iri < b.place.iri ? -1 : 1));
  return {
    markers,
    changes,
    unplaced: data.places.filter((p) => p.lat === undefined || p.long === undefined),
    undated,
  };
}

/** "1813", "1722–1991": a happening's years as the map labels them (BC as negative years shown "500 BC"). */
export function yearsLabel(h: { startYear?: number; endYear?: number; yearsOfPeriod?: boolean }): string {
  if (h.startYear === undefined) return "undated";
  const y = (n: number) => (n < 0 ? `${-n} BC` : String(n));
  const years = h.endYear !== undefined && h.endYear !== h.startYear ? `${y(h.startYear)}–${y(h.endYear)}` : y(h.startYear);
  // Years borrowed from a period are bounds, not the date of the thing itself.
  return h.yearsOfPeriod ? `within ${years}` : years;
}
