/**
 * Reducers
 * ========
 * What sigma draws for each node and edge given the view: filters hide, focus dims everything
 * outside the neighbourhood, highlights (paths, lens) recolour. Pure functions of the graph and
 * a FocusState, so the rules can be tested without a browser.
 */
import type { NodeKind, RelationKind } from "../../contract/api.ts";
import { displayLabel } from "./homonyms.ts";
import type { DisplayEdge, DisplayNode, ExplorerGraph } from "./model.ts";

export interface FocusState {
  hovered?: string;
  selected?: string;
  selectedEdge?: string;
  kinds?: ReadonlySet<NodeKind>;
  relations?: ReadonlySet<RelationKind>;
  hidden: ReadonlySet<string>;
  /** Foreign classes (kind "other") switched off in the legend, by class IRI. */
  hiddenClasses?: ReadonlySet<string>;
  /** Labels drawn whatever sigma's grid says: the most important that fit (labelPick.ts). */
  labelled?: ReadonlySet<string>;
  from?: number;
  to?: number;
  highlightNodes?: ReadonlySet<string>;
  highlightEdges?: ReadonlySet<string>;
  colorByNode?: Readonly<Record<string, string>>;
  /** Colour of dimmed items; depends on the theme's background. */
  dimColor: string;
}

/** A thing is active in [from, to] when startYear ≤ to and endYear ≥ from; undated things always are. */
export function inYearRange(item: { startYear?: number; endYear?: number }, from?: number, to?: number): boolean {
  const start = item.startYear ?? item.endYear;
  const end = item.endYear ?? item.startYear;
  if (start === undefined || end === undefined) return true;
  if (to !== undefined && start > to) return false;
  if (from !== undefined && end < from) return false;
  return true;
}

export function isNodeVisible(node: string, attrs: DisplayNode, state: FocusState): boolean {
  if (state.hidden.has(node)) return false;
  if (state.kinds && !state.kinds.has(attrs.kind)) return false;
  if (state.hiddenClasses?.size && attrs.kind === "other" && state.hiddenClasses.has(attrs.classIri)) return false;
  return inYearRange(attrs, state.from, state.to);
}

export function isEdgeVisible(graph: ExplorerGraph, edge: string, attrs: DisplayEdge, state: FocusState): boolean {
  if (state.relations && !state.relations.has(attrs.kind)) return false;
  if (!inYearRange(attrs, state.from, state.to)) return false;
  const [source, target] = graph.extremities(edge);
  return isNodeVisible(source, graph.getNodeAttributes(source), state) && isNodeVisible(target, graph.getNodeAttributes(target), state);
}

/** The focused node (hover wins over selection) and its visible neighbours, or undefined. */
export function focusSet(graph: ExplorerGraph, state: FocusState): Set<string> | undefined {
  if (state.highlightNodes && state.highlightNodes.size > 0) return new Set(state.highlightNodes);
  const focus = state.hovered ?? state.selected;
  if (focus && graph.hasNode(focus)) {
    const set = new Set<string>([focus]);
    graph.forEachNeighbor(focus, (n) => set.add(n));
    return set;
  }
  if (state.selectedEdge && graph.hasEdge(state.selectedEdge)) return new Set(graph.extremities(state.selectedEdge));
  return undefined;
}

/**
 * Above this many focused nodes (a hub such as Iran has hundreds of neighbours) only the focus
 * itself is labelled by force; sigma's label grid picks the rest, so the labels stay legible.
 */
export const FORCE_LABEL_LIMIT = 25;

export interface NodeDisplay extends Partial<DisplayNode> {
  hidden?: boolean;
  highlighted?: boolean;
  forceLabel?: boolean;
  zIndex?: number;
  label: string;
}

export function reduceNode(node: string, attrs: DisplayNode, state: FocusState, focus: Set<string> | undefined): NodeDisplay {
  const out: NodeDisplay = { ...attrs, label: displayLabel(attrs) };
  if (!isNodeVisible(node, attrs, state)) return { ...out, hidden: true };
  if (state.labelled) out.forceLabel = state.labelled.has(node);
  const custom = state.colorByNode?.[node];
  if (custom) out.color = custom;
  if (focus) {
    if (focus.has(node)) {
      const isFocus = node === state.selected || node === state.hovered || Boolean(state.highlightNodes?.has(node));
      out.forceLabel = isFocus || focus.size <= FORCE_LABEL_LIMIT || Boolean(state.labelled?.has(node));
      out.zIndex = 1;
      if (isFocus) out.highlighted = true;
    } else {
      out.color = state.dimColor;
      out.label = "";
      out.zIndex = 0;
    }
  }
  return out;
}

export interface EdgeDisplay extends Partial<DisplayEdge> {
  hidden?: boolean;
  forceLabel?: boolean;
  zIndex?: number;
}

export function reduceEdge(
  graph: ExplorerGraph,
  edge: string,
  attrs: DisplayEdge,
  state: FocusState,
  focus: Set<string> | undefined,
): EdgeDisplay {
  // A bent edge (parallel or reciprocal) is drawn by the curved programs: see parallelEdges.ts.
  const out: EdgeDisplay = { ...attrs, type: (attrs.curvature ? (attrs.type === "arrow" ? "curvedArrow" : "curved") : attrs.type) as DisplayEdge["type"] };
  if (!isEdgeVisible(graph, edge, attrs, state)) return { ...out, hidden: true };
  if (state.highlightEdges && state.highlightEdges.size > 0) {
    if (state.highlightEdges.has(edge)) {
      out.forceLabel = true;
      out.size = Math.max(attrs.size * 2, 3);
      out.zIndex = 1;
    } else out.color = state.dimColor;
    return out;
  }
  if (edge === state.selectedEdge) {
    out.forceLabel = true;
    out.size = Math.max(attrs.size * 2, 3);
    out.zIndex = 1;
    return out;
  }
  if (focus) {
    const [source, target] = graph.extremities(edge);
    const focusNode = state.highlightNodes?.size ? undefined : (state.hovered ?? state.selected);
    const touches = focusNode ? source === focusNode || target === focusNode : focus.has(source) && focus.has(target);
    if (touches) {
      out.forceLabel = focus.size <= FORCE_LABEL_LIMIT;
      out.zIndex = 1;
    } else {
      out.color = state.dimColor;
      out.zIndex = 0;
    }
  }
  return out;
}
