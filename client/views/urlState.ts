/**
 * URL state
 * =========
 * The explorer's ViewState lives in the address bar, so a copied link restores the view and
 * back/forward step through deliberate actions. Deliberate actions push a history entry; camera
 * moves replace the current one, debounced.
 */
import type { NodeKind, RelationKind } from "../../contract/api.ts";
import { compactIri as compact, expandIri as expand } from "../graph/iri.ts";
import type { ViewState } from "./context.ts";

function year(text: string | null): number | undefined {
  if (text === null || text.trim() === "") return undefined;
  const n = Number(text);
  return Number.isInteger(n) ? n : undefined;
}
function list(text: string | null): string[] | undefined {
  if (text === null) return undefined;
  return text === "" ? [] : text.split(",");
}

export function stateFromSearch(search: string): ViewState {
  const p = new URLSearchParams(search);
  const state: ViewState = {};
  const selected = p.get("node");
  if (selected) state.selected = expand(selected);
  const edge = p.get("edge");
  if (edge) state.selectedEdge = edge.split("|").map(expand).join("|");
  state.from = year(p.get("from"));
  state.to = year(p.get("to"));
  const kinds = list(p.get("kinds"));
  if (kinds) state.kinds = kinds as NodeKind[];
  const relations = list(p.get("rels"));
  if (relations) state.relations = relations as RelationKind[];
  const hidden = list(p.get("hide"));
  if (hidden && hidden.length) state.hidden = hidden.map(expand);
  const hiddenClasses = list(p.get("hideClasses"));
  if (hiddenClasses && hiddenClasses.length) state.hiddenClasses = hiddenClasses.map(expand);
  if (p.get("view") === "full") state.view = "full";
  if (p.get("pathOrder") === "time") state.pathOrder = "time";
  if (p.get("undated") === "1") state.undated = true;
  if (p.get("editorial") === "exclude") state.editorial = "exclude";
  const sizeBy = p.get("size");
  if (sizeBy === "betweenness" || sizeBy === "evidence") state.sizeBy = sizeBy;
  if (p.get("colour") === "community") state.colorBy = "community";
  const lensA = p.get("lensA");
  const lensB = p.get("lensB");
  if (lensA && lensB) state.lens = { a: expand(lensA), b: expand(lensB) };
  const pathFrom = p.get("pathFrom");
  const pathTo = p.get("pathTo");
  if (pathFrom && pathTo) state.path = { from: expand(pathFrom), to: expand(pathTo) };
  const cam = p.get("cam")?.split(",").map(Number);
  if (cam && cam.length === 3 && cam.every(Number.isFinite)) state.camera = { x: cam[0]!, y: cam[1]!, ratio: cam[2]! };
  const theme = p.get("theme");
  if (theme === "light" || theme === "dark") state.theme = theme;
  const tab = p.get("tab");
  if (tab) state.tab = tab;
  if (p.get("display") === "map") state.display = "map";
  const map = p.get("map")?.split(",").map(Number);
  if (map && map.length === 3 && map.every(Number.isFinite)) state.map = { lon: map[0]!, lat: map[1]!, zoom: map[2]! };
  const query = p.get("q");
  if (query) state.query = query;
  for (const key of Object.keys(state) as (keyof ViewState)[]) if (state[key] === undefined) delete state[key];
  return state;
}

export function searchFromState(state: ViewState): string {
  const p = new URLSearchParams();
  if (state.selected) p.set("node", compact(state.selected));
  // Edge keys are "source|predicate|target" IRIs: each part is shortened like a node's.
  if (state.selectedEdge) p.set("edge", state.selectedEdge.split("|").map(compact).join("|"));
  if (state.from !== undefined) p.set("from", String(state.from));
  if (state.to !== undefined) p.set("to", String(state.to));
  if (state.kinds) p.set("kinds", state.kinds.join(","));
  if (state.relations) p.set("rels", state.relations.join(","));
  if (state.hidden && state.hidden.length) p.set("hide", state.hidden.map(compact).join(","));
  if (state.hiddenClasses && state.hiddenClasses.length) p.set("hideClasses", state.hiddenClasses.map(compact).join(","));
  if (state.view) p.set("view", state.view);
  if (state.pathOrder) p.set("pathOrder", state.pathOrder);
  if (state.undated) p.set("undated", "1");
  if (state.editorial) p.set("editorial", state.editorial);
  if (state.sizeBy) p.set("size", state.sizeBy);
  if (state.colorBy) p.set("colour", state.colorBy);
  if (state.lens) {
    p.set("lensA", compact(state.lens.a));
    p.set("lensB", compact(state.lens.b));
  }
  if (state.path) {
    p.set("pathFrom", compact(state.path.from));
    p.set("pathTo", compact(state.path.to));
  }
  if (state.camera) {
    const { x, y, ratio } = state.camera;
    p.set("cam", [x, y, ratio].map((n) => Number(n.toFixed(4))).join(","));
  }
  if (state.theme) p.set("theme", state.theme);
  if (state.tab && state.tab !== "details") p.set("tab", state.tab);
  if (state.query) p.set("q", state.query);
  if (state.display === "map") p.set("display", "map");
  if (state.map) p.set("map", [state.map.lon, state.map.lat, state.map.zoom].map((n) => Number(n.toFixed(3))).join(","));
  // ":", "," and "|" are legal in a query string; left unescaped, a shared link stays readable.
  const text = p.toString().replace(/%3A/gi, ":").replace(/%2C/gi, ",").replace(/%7C/gi, "|");
  return text ? `?${text}` : "";
}

export interface StateStore {
  get(): ViewState;
  set(patch: Partial<ViewState>, options?: { push?: boolean }): void;
  /** Replaces the whole state (reset, popstate). */
  replace(state: ViewState, options?: { push?: boolean; fromHistory?: boolean }): void;
  subscribe(listener: (state: ViewState) => void): () => void;
}

export function createStateStore(win: Window = window): StateStore {
  let state = stateFromSearch(win.location.search);
  const listeners = new Set<(state: ViewState) => void>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const write = (push: boolean) => {
    const url = `${win.location.pathname}${searchFromState(state)}${win.location.hash}`;
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (push) win.history.pushState(null, "", url);
    else {
      // Camera moves come many a second; write the URL once they settle.
      timer = setTimeout(() => win.history.replaceState(null, "", `${win.location.pathname}${searchFromState(state)}${win.location.hash}`), 250);
    }
  };
  const notify = () => {
    for (const listener of [...listeners]) listener(state);
  };
  win.addEventListener("popstate", () => {
    state = stateFromSearch(win.location.search);
    notify();
  });
  return {
    get: () => state,
    set(patch, options) {
      const next: ViewState = { ...state, ...patch };
      for (const key of Object.keys(next) as (keyof ViewState)[]) if (next[key] === undefined) delete next[key];
      state = next;
      write(options?.push ?? false);
      notify();
    },
    replace(next, options) {
      state = { ...next };
      write(options?.push ?? false);
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
