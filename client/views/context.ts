/**
 * Explorer context
 * ================
 * The contract between the explorer's page (main.ts) and the panels mounted into it (timeline,
 * paths, third-party lens): the view state that lives in the URL, and the few things a panel may
 * ask of the graph view.
 */
import type { AbstractGraph as Graph } from "graphology-types";
import type { NodeKind, RelationKind } from "../../contract/api.ts";
import type * as api from "../api/client.ts";

export interface ViewState {
  selected?: string; // IRI of the selected node
  selectedEdge?: string;
  from?: number;
  to?: number; // year range filter
  kinds?: NodeKind[]; // visible node kinds (undefined = all)
  relations?: RelationKind[]; // visible edge kinds (undefined = all)
  hidden?: string[]; // hidden node IRIs
  /** Foreign classes (kind "other") switched off in the legend, by class IRI. */
  hiddenClasses?: string[];
  /** The graph drawn: the actors' network (default) or the full graph. */
  view?: "full";
  /** Show resources with no dated statement in the year window (the server counts those left out). */
  undated?: boolean;
  /** Leave out the editorial readings (statements the editors add, not the article). */
  editorial?: "exclude";
  /** Node size by (default degree), colour by (default class). */
  sizeBy?: "betweenness" | "evidence";
  colorBy?: "community";
  /** Label density 0..1 and size in px (not in the URL: a reader's setting, not the view's). */
  labelDensity?: number;
  labelSize?: number;
  lens?: { a: string; b: string } | null; // third-party lens dyad
  path?: { from: string; to: string } | null;
  /** "time": paths in time order (each step starts no earlier than the one before). */
  pathOrder?: "time";
  camera?: { x: number; y: number; ratio: number };
  theme?: "light" | "dark";
  /** Which side-panel tab is open ("details", "paths", "lens", "query"). */
  tab?: string;
  /** The workbench's SPARQL query (its body without the standard PREFIX block), so a result can be shared. */
  query?: string;
  /** What the main area shows: the network (default) or the map (client/map/). */
  display?: "map";
  /** The map's camera: centre in degrees and zoom over the fitted region. */
  map?: { lon: number; lat: number; zoom: number };
}

export interface ExplorerContext {
  api: typeof api;
  getState(): ViewState;
  /** Merges the patch; pushes a history entry when `push`, otherwise replaces the URL. */
  setState(patch: Partial<ViewState>, options?: { push?: boolean }): void;
  subscribe(listener: (state: ViewState) => void): () => void;
  /** The current full graphology graph. */
  graph(): Graph;
  /** Emphasises nodes and edges (paths, lens); an empty list clears. */
  highlight(nodes: string[], edges?: string[], colorByNode?: Record<string, string>): void;
  /** Centres the camera on a node and selects it. */
  focusNode(iri: string): void;
}

export type PanelMount = (container: HTMLElement, ctx: ExplorerContext) => () => void;
