/**
 * Map view (SVG)
 * ==============
 * Draws the base map (geometry.ts) and a MapFrame (mapModel.ts) into one SVG: land and faint
 * modern borders in a group that pans and zooms by transform (so a drag repaints no path), the
 * markers and the marked territorial changes above it, placed in screen space so they keep their
 * size. Drag pans, the wheel and +/- zoom, hover shows a tooltip, click or Enter selects. Every
 * label from the data is set as textContent: never HTML.
 */
import type { GeoProjection } from "d3-geo";
import type { MapHappening } from "../../contract/api.ts";
import { RELATION_LABEL, RELATION_STYLE } from "../graph/palette.ts";
import { basePaths, regionProjection, REGION_BOUNDS, type BaseLayers } from "./geometry.ts";
import { yearsLabel, type MapFrame, type Marker } from "./mapModel.ts";

const SVG_NS = "http://www.w3.org/2000/svg";

/** Where the map looks: the centre in degrees and the zoom factor over the fitted region. */
export interface MapCamera {
  lon: number;
  lat: number;
  zoom: number;
}

export interface MapViewEvents {
  select(iri: string): void;
  /** The camera settled after a pan or zoom. */
  camera(camera: MapCamera): void;
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

const MIN_ZOOM = 0.5;
const MAX_ZOOM = 12;
const DEFAULT_CAMERA: MapCamera = { lon: (REGION_BOUNDS[0][0] + REGION_BOUNDS[1][0]) / 2, lat: (REGION_BOUNDS[0][1] + REGION_BOUNDS[1][1]) / 2, zoom: 1 };

export const CHANGE_COLOR = "#c0392b";

export class MapView {
  readonly svg: SVGSVGElement;
  private readonly base = svg("g", { class: "map-base" });
  private readonly land = svg("path", { class: "map-land" });
  private readonly borders = svg("path", { class: "map-borders", "vector-effect": "non-scaling-stroke" });
  private readonly changeLayer = svg("g", { class: "map-changes" });
  private readonly markerLayer = svg("g", { class: "map-markers" });
  private readonly tooltip: HTMLDivElement;
  private projection: GeoProjection | undefined;
  private layers: BaseLayers | undefined;
  private frame: MapFrame | undefined;
  private size = { width: 0, height: 0 };
  private camera: MapCamera = { ...DEFAULT_CAMERA };
  private selected: string | undefined;
  private markerNodes: { marker: Marker; node: SVGGElement; x: number; y: number }[] = [];
  private changeNodes: { node: SVGGElement; x: number; y: number }[] = [];
  private pending = 0;
  private settle: ReturnType<typeof setTimeout> | undefined;
  /** JS time of each transform repaint (ms), for the benchmark. */
  readonly frameTimes: number[] = [];

  constructor(
    private readonly container: HTMLElement,
    private readonly events: MapViewEvents,
  ) {
    this.svg = svg("svg", { class: "map-svg", role: "group", "aria-label": "Map of the article's places", tabindex: "0" });
    const sea = svg("rect", { class: "map-sea", x: 0, y: 0, width: "100%", height: "100%" });
    this.base.append(this.land, this.borders);
    this.svg.append(sea, this.base, this.changeLayer, this.markerLayer);
    this.tooltip = document.createElement("div");
    this.tooltip.className = "map-tooltip";
    this.tooltip.hidden = true;
    this.tooltip.setAttribute("role", "tooltip");
    container.append(this.svg, this.tooltip);
    this.wire();
  }

  setBase(layers: BaseLayers): void {
    this.layers = layers;
    this.resize();
  }

  setFrame(frame: MapFrame): void {
    this.frame = frame;
    this.drawMarkers();
  }

  setSelected(iri: string | undefined): void {
    this.selected = iri;
    for (const { marker, node } of this.markerNodes) {
      const on = marker.place.iri === iri || marker.happenings.some((h) => h.iri === iri);
      node.classList.toggle("selected", on);
    }
  }

  getCamera(): MapCamera {
    return { ...this.camera };
  }

  setCamera(camera: MapCamera | undefined): void {
    this.camera = camera ? { ...camera, zoom: clampZoom(camera.zoom) } : { ...DEFAULT_CAMERA };
    this.applyTransform();
  }

  /** Zooms by `factor` around the view's centre (the +/- buttons and keys). */
  zoomBy(factor: number): void {
    this.camera.zoom = clampZoom(this.camera.zoom * factor);
    this.applyTransform();
    this.settled();
  }

  /** Pans by pixels (drags, arrow keys, the benchmark). */
  panBy(dx: number, dy: number): void {
    if (!this.projection) return;
    const [cx, cy] = this.screenOf([this.camera.lon, this.camera.lat]);
    const next = this.lonLatOf(cx - dx, cy - dy);
    if (next) [this.camera.lon, this.camera.lat] = next;
    this.schedule();
  }

  resize(): void {
    const width = Math.max(200, Math.floor(this.container.clientWidth));
    const height = Math.max(200, Math.floor(this.container.clientHeight));
    if (width === this.size.width && height === this.size.height && this.projection) return;
    this.size = { width, height };
    this.svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    this.projection = regionProjection(width, height);
    if (this.layers) {
      const paths = basePaths(this.layers, this.projection);
      this.land.setAttribute("d", paths.land);
      this.borders.setAttribute("d", paths.borders);
    }
    this.drawMarkers();
  }

  // ------------------------------------------------------------------ drawing

  /** Screen position of a point under the current camera. */
  private screenOf(lonLat: [number, number]): [number, number] {
    const [x, y] = this.projection!(lonLat) ?? [NaN, NaN];
    const [tx, ty, k] = this.transform();
    return [tx + k * x, ty + k * y];
  }

  private lonLatOf(sx: number, sy: number): [number, number] | undefined {
    const [tx, ty, k] = this.transform();
    const p = this.projection!.invert?.([(sx - tx) / k, (sy - ty) / k]);
    return p ? [p[0], p[1]] : undefined;
  }

  private transform(): [number, number, number] {
    const k = this.camera.zoom;
    const [x, y] = this.projection!([this.camera.lon, this.camera.lat]) ?? [this.size.width / 2, this.size.height / 2];
    return [this.size.width / 2 - k * x, this.size.height / 2 - k * y, k];
  }

  private schedule(): void {
    if (!this.pending) this.pending = requestAnimationFrame(() => {
      this.pending = 0;
      this.applyTransform();
    });
  }

  private applyTransform(): void {
    if (!this.projection) return;
    const started = performance.now();
    const [tx, ty, k] = this.transform();
    this.base.setAttribute("transform", `translate(${tx.toFixed(1)},${ty.toFixed(1)}) scale(${k.toFixed(4)})`);
    for (const item of [...this.markerNodes, ...this.changeNodes]) {
      item.node.setAttribute("transform", `translate(${(tx + k * item.x).toFixed(1)},${(ty + k * item.y).toFixed(1)})`);
    }
    this.frameTimes.push(performance.now() - started);
    if (this.frameTimes.length > 1000) this.frameTimes.splice(0, 500);
  }

  private drawMarkers(): void {
    if (!this.projection || !this.frame) return;
    const frame = this.frame;
    const windowed = frame.markers.some((m) => m.happenings.length) || frame.changes.length > 0;
    this.markerNodes = [];
    this.changeNodes = [];
    const markers: SVGGElement[] = [];
    const byPlace = new Map<string, { x: number; y: number; ox: number; oy: number; radius: number }>();
    for (const marker of frame.markers) {
      const p = this.projection([marker.lon, marker.lat]);
      if (!p) continue;
      const active = marker.happenings.length > 0;
      const color = marker.relation ? RELATION_STYLE[marker.relation].color : "#8a8f98";
      const node = svg("g", {
        class: `map-marker${active ? " active" : ""}${marker.place.approximate ? " approximate" : ""}`,
        "data-iri": marker.place.iri,
        "data-place": marker.place.label,
        role: "button",
        tabindex: "0",
      });
      node.setAttribute("aria-label", `${marker.place.label}${active ? `: ${marker.happenings.length} in this window` : ""}`);
      const [ox, oy] = marker.offset;
      node.append(svg("circle", { cx: ox, cy: oy, r: marker.radius.toFixed(1), fill: active ? color : "#ffffff", stroke: active ? "#1d1d1d" : color }));
      // Labels: every place active in the window; without one, the much-named places.
      if (active || (!windowed && marker.radius >= 7)) {
        node.append(svg("text", { x: ox + marker.radius + 3, y: oy + 4, class: "map-label" }, marker.place.label));
      }
      this.markerNodes.push({ marker, node, x: p[0], y: p[1] });
      byPlace.set(marker.place.iri, { x: p[0], y: p[1], ox, oy, radius: marker.radius });
      node.addEventListener("pointerenter", () => this.showTooltip(node, placeTooltip(marker)));
      node.addEventListener("pointerleave", () => this.hideTooltip());
      node.addEventListener("focus", () => this.showTooltip(node, placeTooltip(marker)));
      node.addEventListener("blur", () => this.hideTooltip());
      node.addEventListener("click", (event) => {
        event.stopPropagation();
        this.events.select(marker.place.iri);
      });
      node.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          this.events.select(marker.place.iri);
        }
      });
      markers.push(node);
    }
    const changes: SVGGElement[] = [];
    const perPlace = new Map<string, number>();
    for (const change of frame.changes) {
      const at = byPlace.get(change.place);
      if (!at) continue;
      const i = perPlace.get(change.place) ?? 0;
      perPlace.set(change.place, i + 1);
      const node = svg("g", { class: "map-change", "data-change": change.change ?? "", "data-iri": change.iri, "data-place-iri": change.place, role: "button", tabindex: "0" });
      node.setAttribute("aria-label", `${change.label}, ${yearsLabel(change)}: ${change.change}`);
      const r = at.radius + 4 + 3 * i;
      node.append(
        svg("circle", { cx: at.ox, cy: at.oy, r: r.toFixed(1), fill: "none", stroke: CHANGE_COLOR, "stroke-width": 2, "stroke-dasharray": "4 2" }),
        // Left of the marker, stacked, so the place's own label on the right stays readable.
        svg("text", { x: (at.ox - r - 3).toFixed(1), y: (at.oy + 4 + 12 * i).toFixed(1), "text-anchor": "end", class: "map-change-label", fill: CHANGE_COLOR }, `${yearsLabel(change)} ${change.change}`),
      );
      node.addEventListener("pointerenter", () => this.showTooltip(node, changeTooltip(change)));
      node.addEventListener("pointerleave", () => this.hideTooltip());
      node.addEventListener("click", (event) => {
        event.stopPropagation();
        this.events.select(change.iri);
      });
      node.addEventListener("keydown", (event) => {
        if (event.key === "Enter") this.events.select(change.iri);
      });
      this.changeNodes.push({ node, x: at.x, y: at.y });
      changes.push(node);
    }
    this.markerLayer.replaceChildren(...markers);
    this.changeLayer.replaceChildren(...changes);
    this.setSelected(this.selected);
    this.applyTransform();
  }

  // ------------------------------------------------------------------ tooltip

  private showTooltip(anchor: Element, lines: string[][]): void {
    const box = this.container.getBoundingClientRect();
    const at = anchor.getBoundingClientRect();
    this.tooltip.replaceChildren(
      ...lines.map(([cls, text]) => {
        const p = document.createElement("p");
        p.className = cls!;
        p.textContent = text!;
        return p;
      }),
    );
    this.tooltip.style.left = `${Math.min(box.width - 280, Math.max(0, at.right - box.left + 8))}px`;
    this.tooltip.style.top = `${Math.max(0, at.top - box.top - 4)}px`;
    this.tooltip.hidden = false;
  }

  private hideTooltip(): void {
    this.tooltip.hidden = true;
  }

  // ------------------------------------------------------------------ input

  private settled(): void {
    if (this.settle) clearTimeout(this.settle);
    this.settle = setTimeout(() => this.events.camera(this.getCamera()), 200);
  }

  private wire(): void {
    let drag: { x: number; y: number; id: number } | undefined;
    this.svg.addEventListener("pointerdown", (event) => {
      if ((event.target as Element).closest(".map-marker, .map-change")) return;
      drag = { x: event.clientX, y: event.clientY, id: event.pointerId };
      this.svg.setPointerCapture(event.pointerId);
      this.svg.classList.add("dragging");
    });
    this.svg.addEventListener("pointermove", (event) => {
      if (!drag || event.pointerId !== drag.id) return;
      this.panBy(event.clientX - drag.x, event.clientY - drag.y);
      drag.x = event.clientX;
      drag.y = event.clientY;
    });
    const end = (event: PointerEvent) => {
      if (!drag || event.pointerId !== drag.id) return;
      drag = undefined;
      this.svg.classList.remove("dragging");
      this.settled();
    };
    this.svg.addEventListener("pointerup", end);
    this.svg.addEventListener("pointercancel", end);
    this.svg.addEventListener("wheel", (event) => {
      event.preventDefault();
      if (!this.projection) return;
      const box = this.svg.getBoundingClientRect();
      const sx = event.clientX - box.left;
      const sy = event.clientY - box.top;
      const before = this.lonLatOf(sx, sy);
      this.camera.zoom = clampZoom(this.camera.zoom * Math.exp(-event.deltaY / 500));
      // Keep the point under the cursor where it was.
      if (before) {
        const [ax, ay] = this.screenOf(before);
        const centre = this.lonLatOf(this.size.width / 2 + (ax - sx), this.size.height / 2 + (ay - sy));
        if (centre) [this.camera.lon, this.camera.lat] = centre;
      }
      this.schedule();
      this.settled();
    }, { passive: false });
    this.svg.addEventListener("keydown", (event) => {
      const moves: Record<string, [number, number]> = { ArrowLeft: [60, 0], ArrowRight: [-60, 0], ArrowUp: [0, 60], ArrowDown: [0, -60] };
      const move = moves[event.key];
      if (move && event.target === this.svg) {
        event.preventDefault();
        this.panBy(move[0], move[1]);
        this.settled();
      } else if (event.key === "+" || event.key === "=") this.zoomBy(1.4);
      else if (event.key === "-") this.zoomBy(1 / 1.4);
    });
  }
}

const clampZoom = (zoom: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Number.isFinite(zoom) ? zoom : 1));

function placeTooltip(marker: Marker): string[][] {
  const { place } = marker;
  const lines: string[][] = [["map-tip-title", place.label]];
  if (place.altLabels.length) lines.push(["map-tip-alt", `Also written: ${place.altLabels.join(", ")}`]);
  const gazetteer = place.sources.map((s) => s.label).join("; ");
  if (gazetteer) lines.push(["map-tip-source", `Gazetteer: ${gazetteer}`]);
  if (place.approximate) lines.push(["map-tip-note", `Approximate point. ${place.note ?? ""}`.trim()]);
  else if (place.note) lines.push(["map-tip-note", place.note]);
  lines.push(["map-tip-count", `${place.mentions} claim${place.mentions === 1 ? "" : "s"} name it`]);
  for (const h of marker.happenings.slice(0, 6)) {
    lines.push(["map-tip-happening", `${yearsLabel(h)} · ${h.label} (${h.change ?? RELATION_LABEL[h.relation]})`]);
  }
  if (marker.happenings.length > 6) lines.push(["map-tip-more", `and ${marker.happenings.length - 6} more`]);
  return lines;
}

function changeTooltip(change: MapHappening): string[][] {
  const lines: string[][] = [["map-tip-title", `${yearsLabel(change)}: ${change.label}`], ["map-tip-change", `Territory ${change.change}${change.treaty ? ` by the ${change.treaty.label}` : ""}`]];
  if (change.quote) lines.push(["map-tip-quote", `“${change.quote}”`]);
  lines.push(["map-tip-hint", "Click to open its evidence"]);
  return lines;
}
