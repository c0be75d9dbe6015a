/**
 * Map geometry
 * ============
 * The base map and the projection the Map view and the exported map figure share, without a DOM:
 * Natural Earth's 1:50m land and modern borders from the `world-atlas` TopoJSON (offline, no tile
 * server), and a Lambert conformal conic projection centred on the Caspian and fitted to the
 * region the article's argument plays in (the Black Sea to Khorasan, the Persian Gulf to Moscow).
 */
import { geoConicConformal, geoPath, type GeoProjection } from "d3-geo";
import type { MultiLineString, MultiPolygon } from "geojson";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

/** world-atlas's countries-50m.json: countries (with names) and land. */
export type WorldTopology = Topology<{ countries: GeometryCollection<{ name: string }>; land: GeometryCollection }>;

export interface BaseLayers {
  /** Land: fills and coastlines (the Caspian is the hole Natural Earth leaves in it). */
  land: MultiPolygon;
  /** Modern borders between countries: drawn faintly, for orientation only. */
  borders: MultiLineString;
}

export function baseLayers(topology: WorldTopology): BaseLayers {
  const countries = topology.objects.countries;
  const land = feature(topology, topology.objects.land) as unknown as { features?: { geometry: MultiPolygon }[]; geometry?: MultiPolygon };
  return {
    // The file's own land object: cheaper than merging 241 countries on every page load.
    land: land.geometry ?? { type: "MultiPolygon", coordinates: (land.features ?? []).flatMap((f) => (f.geometry.type === "MultiPolygon" ? f.geometry.coordinates : [(f.geometry as unknown as { coordinates: MultiPolygon["coordinates"][number] }).coordinates])) },
    // Arcs shared by two different countries: borders, not coastlines.
    borders: mesh(topology, countries, (a, b) => a !== b),
  };
}

/** The region a map opens on, as [west, south], [east, north] in degrees. */
export const REGION_BOUNDS: [[number, number], [number, number]] = [[27, 24], [64, 58]];

/** A conic projection for the region, fitted into `width` × `height` pixels with a margin. */
export function regionProjection(width: number, height: number, margin = 8, bounds = REGION_BOUNDS): GeoProjection {
  const [[w, s], [e, n]] = bounds;
  const outline = {
    type: "MultiPoint" as const,
    coordinates: [[w, s], [e, s], [w, n], [e, n], [(w + e) / 2, n], [(w + e) / 2, s]],
  };
  return geoConicConformal()
    .parallels([30, 50])
    .rotate([-(w + e) / 2, 0])
    .fitExtent([[margin, margin], [Math.max(margin + 1, width - margin), Math.max(margin + 1, height - margin)]], outline)
    // Far-away land is cut off rather than drawn to infinity (Washington lies off the map).
    .clipExtent([[-width * 2, -height * 2], [width * 3, height * 3]]);
}

/** SVG path data of the base layers under `projection`, rounded to 0.1 px so the text is stable. */
export function basePaths(layers: BaseLayers, projection: GeoProjection): { land: string; borders: string } {
  const path = geoPath(projection).digits(1);
  return { land: path(layers.land) ?? "", borders: path(layers.borders) ?? "" };
}

/** Great-circle distance in kilometres between two [lon, lat] points (for the scale bar). */
export function kilometres(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const [l1, p1] = [a[0] * rad, a[1] * rad];
  const [l2, p2] = [b[0] * rad, b[1] * rad];
  const h = Math.sin((p2 - p1) / 2) ** 2 + Math.cos(p1) * Math.cos(p2) * Math.sin((l2 - l1) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** A round scale-bar length (km) that spans at most `maxPx` at `lat` under `projection`, and its pixels. */
export function scaleBar(projection: GeoProjection, maxPx: number, lon: number, lat: number): { km: number; px: number } {
  const a = projection([lon, lat]);
  const b = projection.invert?.([a![0] + maxPx, a![1]]);
  const span = b ? kilometres([lon, lat], [b[0], b[1]]) : 1;
  const pxPerKm = maxPx / span;
  const nice = [50, 100, 200, 250, 500, 1000, 2000];
  const km = [...nice].reverse().find((k) => k <= span) ?? nice[0]!;
  return { km, px: km * pxPerKm };
}
