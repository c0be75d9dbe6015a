/**
 * Graph view
 * ==========
 * The sigma renderer over the explorer's graphology graph: reducers for filters, focus and
 * highlights; hover and click events; the camera. Settings switch to big-graph mode (edges and
 * labels hidden while moving, sparser labels) so 50,000 nodes still pan.
 */
import EdgeCurveProgram, { EdgeCurvedArrowProgram } from "@sigma/edge-curve";
import Sigma from "sigma";
import { rankNodesByImportance } from "../graph/importance.ts";
import { pickLabels, type LabelCandidate } from "../graph/labelPick.ts";
import type { ExplorerGraph } from "../graph/model.ts";
import { curveParallelEdges } from "../graph/parallelEdges.ts";
import { displayLabel } from "../graph/homonyms.ts";
import { focusSet, isNodeVisible, reduceEdge, reduceNode, type FocusState } from "../graph/reducers.ts";
import { makeDrawHover } from "./drawHover.ts";

export const BIG_GRAPH = 5000;
/** Below this camera ratio (zoomed in), every visible edge shows its label. */
export const EDGE_LABEL_RATIO = 0.35;

function rootFontScale(): number {
  const size = parseFloat(getComputedStyle(document.documentElement).fontSize || "16");
  return Number.isFinite(size) && size > 0 ? size / 16 : 1;
}

/** Label appearance the reader sets (Gephi Lite's sliders): how many labels, and how big. */
export interface LabelSettings {
  /** 0..1: 1 packs labels as tight as they fit, 0 keeps only the few most important. */
  density: number;
  /** Label font size in CSS pixels before the page's type scale. */
  size: number;
}

export const DEFAULT_LABELS: LabelSettings = { density: 0.6, size: 14 };

export interface ThemeColors {
  background: string;
  text: string;
  dim: string;
  shadow: string;
}

export interface GraphViewEvents {
  clickNode(node: string): void;
  clickEdge(edge: string): void;
  clickStage(): void;
  camera(state: { x: number; y: number; ratio: number }): void;
}

export class GraphView {
  readonly sigma: Sigma;
  private graph: ExplorerGraph;
  private focus: FocusState;
  private focusCache: Set<string> | undefined;
  private edgeLabelsByZoom = false;
  private hoveredEdge: string | undefined;
  private readonly resizeObserver: ResizeObserver;
  /** Node keys, most important first (client/graph/importance.ts). */
  private ranking: string[] = [];
  private labels: LabelSettings = DEFAULT_LABELS;
  private relabelPending = false;

  constructor(container: HTMLElement, graph: ExplorerGraph, colors: ThemeColors, private readonly events: GraphViewEvents) {
    this.graph = graph;
    curveParallelEdges(graph);
    this.focus = { hidden: new Set(), dimColor: colors.dim };
    const big = graph.order > BIG_GRAPH;
    this.sigma = new Sigma(graph, container, {
      renderEdgeLabels: true,
      enableEdgeEvents: !big,
      hideEdgesOnMove: big,
      hideLabelsOnMove: big,
      labelDensity: big ? 0.4 : 1,
      labelGridCellSize: big ? 120 : 80,
      labelRenderedSizeThreshold: big ? 10 : 7,
      labelFont: "system-ui, sans-serif",
      // Canvas labels follow the page's type scale (larger on wide screens and projectors).
      labelSize: Math.round(DEFAULT_LABELS.size * rootFontScale()),
      edgeLabelSize: Math.round(12 * rootFontScale()),
      labelColor: { color: colors.text },
      edgeLabelColor: { color: colors.text },
      defaultDrawNodeHover: makeDrawHover(colors),
      zIndex: true,
      // A graph drawn into a panel not laid out yet (a hidden tab, a result box just inserted)
      // has no width: sigma waits for the ResizeObserver below instead of throwing.
      allowInvalidContainer: true,
      // Parallel and reciprocal edges are bent apart (client/graph/parallelEdges.ts).
      edgeProgramClasses: { curved: EdgeCurveProgram, curvedArrow: EdgeCurvedArrowProgram },
      minCameraRatio: 0.02,
      maxCameraRatio: 5,
      nodeReducer: (node, attrs) => reduceNode(node, attrs as never, this.focus, this.focusCache) as never,
      edgeReducer: (edge, attrs) => {
        // sigma's own graph: while a new graph is being swapped in, sigma may still draw the old one.
        const drawnGraph = (this.sigma?.getGraph() ?? this.graph) as ExplorerGraph;
        const out = reduceEdge(drawnGraph, edge, attrs as never, this.focus, this.focusCache);
        if (edge === this.hoveredEdge && !out.hidden) return { ...out, forceLabel: true, size: Math.max((out.size ?? 1) * 2, 3), zIndex: 2 } as never;
        // Edge labels show on focus (forceLabel) or once zoomed in enough to read them.
        if (!out.forceLabel && !this.edgeLabelsByZoom) return { ...out, label: null } as never;
        return out as never;
      },
    });
    // Dimming re-runs the reducers over the whole graph; on big graphs hover keeps sigma's own
    // highlight only, so the pointer never waits for 50,000 reducer calls.
    this.sigma.on("enterNode", ({ node }) => {
      if (this.graph.order <= BIG_GRAPH) this.setFocus({ hovered: node });
    });
    this.sigma.on("leaveNode", () => {
      if (this.focus.hovered) this.setFocus({ hovered: undefined });
    });
    this.sigma.on("enterEdge", ({ edge }) => {
      this.hoveredEdge = edge;
      this.sigma.refresh({ partialGraph: { edges: [edge] }, schedule: true });
      container.style.cursor = "pointer";
    });
    this.sigma.on("leaveEdge", ({ edge }) => {
      this.hoveredEdge = undefined;
      this.sigma.refresh({ partialGraph: { edges: [edge] }, schedule: true });
      container.style.cursor = "";
    });
    this.sigma.on("clickNode", ({ node }) => events.clickNode(node));
    this.sigma.on("clickEdge", ({ edge }) => events.clickEdge(edge));
    this.sigma.on("clickStage", () => events.clickStage());
    // sigma listens to window resizes only; panels mounting around the graph resize it too.
    this.resizeObserver = new ResizeObserver(() => {
      this.sigma.resize();
      this.sigma.scheduleRender();
    });
    this.resizeObserver.observe(container);
    this.sigma.on("afterRender", () => {
      if (!this.relabelPending) return;
      this.relabelPending = false;
      this.relabel();
    });
    this.rank();
    let lastRatio = this.sigma.getCamera().ratio;
    this.sigma.getCamera().on("updated", (state) => {
      // Panning moves every label alike; only a zoom changes which ones collide.
      if (state.ratio !== lastRatio) {
        lastRatio = state.ratio;
        this.scheduleRelabel();
      }
      const byZoom = state.ratio < EDGE_LABEL_RATIO;
      if (byZoom !== this.edgeLabelsByZoom) {
        this.edgeLabelsByZoom = byZoom;
        this.sigma.refresh({ schedule: true });
      }
      events.camera({ x: state.x, y: state.y, ratio: state.ratio });
    });
  }

  setGraph(graph: ExplorerGraph): void {
    const big = graph.order > BIG_GRAPH;
    this.hoveredEdge = undefined;
    this.focus = { ...this.focus, hovered: undefined };
    curveParallelEdges(graph);
    this.sigma.setSettings({
      enableEdgeEvents: !big,
      hideEdgesOnMove: big,
      hideLabelsOnMove: big,
      labelDensity: big ? 0.4 : 1,
    });
    this.graph = graph;
    this.sigma.setGraph(graph);
    this.rank();
    this.recompute();
  }

  /** Re-ranks after nodes were added (expand) or the layout moved them, and relabels. */
  graphChanged(): void {
    curveParallelEdges(this.graph);
    this.rank();
    this.scheduleRelabel();
  }

  setLabels(labels: LabelSettings): void {
    this.labels = labels;
    this.sigma.setSetting("labelSize", Math.round(labels.size * rootFontScale()));
    this.scheduleRelabel();
  }

  private rank(): void {
    const big = this.graph.order > BIG_GRAPH;
    // Big graphs keep sigma's label grid: picking over 50,000 boxes at every zoom costs frames.
    // Actors first (the story's protagonists: Britain before the period it acted in), each group
    // by the shared importance ranking.
    const rows = big ? [] : rankNodesByImportance(this.graph);
    const actor = (key: string) => this.graph.getNodeAttribute(key, "kind") === "actor";
    this.ranking = [...rows.filter((r) => actor(r.key)), ...rows.filter((r) => !actor(r.key))].map((row) => row.key);
    this.sigma.setSetting("labelRenderedSizeThreshold", big ? 10 : Number.POSITIVE_INFINITY);
    this.scheduleRelabel();
  }

  /**
   * Picks the labels again after sigma's next frame: by then it has re-normalised positions
   * (a layout step, a new graph), so the boxes are measured where the labels will be drawn.
   */
  scheduleRelabel(): void {
    this.relabelPending = true;
    this.sigma.scheduleRender();
  }

  /** Most important first, each label kept when it fits; see client/graph/labelPick.ts. */
  relabel(): void {
    if (this.ranking.length === 0) return;
    const fontSize = this.sigma.getSetting("labelSize");
    const candidates: LabelCandidate[] = [];
    // From the graph, not sigma's display data: those are dimmed (label-less) under a hover.
    for (const key of this.ranking) {
      if (!this.graph.hasNode(key)) continue;
      const attrs = this.graph.getNodeAttributes(key);
      if (!isNodeVisible(key, attrs, this.focus)) continue;
      const { x, y } = this.sigma.graphToViewport(attrs);
      candidates.push({ key, label: displayLabel(attrs), x, y, size: this.sigma.scaleSize(attrs.size) });
    }
    // Density: at 1 labels may touch; lower densities pad each box, so fewer fit.
    const spacing = 1 + (1 - this.labels.density) * fontSize;
    const max = Math.max(6, Math.round(this.labels.density * candidates.length));
    const labelled = pickLabels(candidates, fontSize, max, spacing);
    const previous = this.focus.labelled;
    if (previous && previous.size === labelled.size && [...labelled].every((k) => previous.has(k))) return;
    this.setFocus({ labelled });
  }

  currentGraph(): ExplorerGraph {
    return this.graph;
  }

  getFocus(): Readonly<FocusState> {
    return this.focus;
  }

  setFocus(patch: Partial<FocusState>): void {
    this.focus = { ...this.focus, ...patch };
    this.recompute();
    // Filters change which nodes compete for a label; hover and the pick itself do not.
    if (!("labelled" in patch) && !("hovered" in patch)) this.scheduleRelabel();
  }

  setTheme(colors: ThemeColors): void {
    this.focus = { ...this.focus, dimColor: colors.dim };
    this.sigma.setSettings({
      labelColor: { color: colors.text },
      edgeLabelColor: { color: colors.text },
      defaultDrawNodeHover: makeDrawHover(colors),
    });
    this.recompute();
  }

  /** Moves the camera onto a node, zooming in if the view is far out. */
  centreOn(node: string, animate = true): void {
    if (!this.graph.hasNode(node)) return;
    // From the graph's own coordinates, not getNodeDisplayData: right after a refresh is
    // scheduled, sigma's display cache holds un-normalised positions until its next frame.
    const { x, y } = this.graph.getNodeAttributes(node);
    const framed = this.sigma.viewportToFramedGraph(this.sigma.graphToViewport({ x, y }));
    const camera = this.sigma.getCamera();
    const target = { x: framed.x, y: framed.y, ratio: Math.min(camera.ratio, 0.6) };
    if (animate) void camera.animate(target, { duration: 400 });
    else camera.setState(target);
  }

  private recompute(): void {
    this.focusCache = focusSet(this.graph, this.focus);
    this.sigma.refresh({ schedule: true });
  }

  kill(): void {
    this.resizeObserver.disconnect();
    this.sigma.kill();
  }
}
