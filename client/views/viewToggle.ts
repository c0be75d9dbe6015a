/**
 * View toggle
 * ===========
 * Two buttons over the graph: the actors' network (the default, the article's story at a glance)
 * and the full graph (events, places, periods, sources), one click apart. A pressed-button pair
 * rather than a hidden setting, so the reader always sees which picture is drawn.
 */
import { h } from "./dom.ts";

export interface ViewToggle {
  update(full: boolean): void;
}

export function mountViewToggle(container: HTMLElement, choose: (full: boolean) => void): ViewToggle {
  const actors = h("button", { type: "button", id: "view-actors", "aria-pressed": "true", title: "States, peoples, dynasties, movements and armed groups, one edge per related pair and relation" }, "Actors");
  const full = h("button", { type: "button", id: "view-full", "aria-pressed": "false", title: "Every actor, event, treaty, period, place and source" }, "Full graph");
  actors.addEventListener("click", () => choose(false));
  full.addEventListener("click", () => choose(true));
  container.append(h("div", { class: "view-toggle", role: "group", "aria-label": "Which graph to draw" }, actors, full));
  return {
    update(isFull) {
      actors.setAttribute("aria-pressed", String(!isFull));
      full.setAttribute("aria-pressed", String(isFull));
    },
  };
}
