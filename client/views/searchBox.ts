/**
 * Search box
 * ==========
 * An ARIA combobox over /api/v1/search: type any label or alternative spelling, pick with the
 * mouse or the arrow keys and Enter. Results are rendered as text.
 */
import type { SearchHit } from "../../contract/api.ts";
import { search } from "../api/client.ts";
import { NODE_COLOR, NODE_KIND_LABEL } from "../graph/palette.ts";
import { clear, h } from "./dom.ts";

export function mountSearchBox(container: HTMLElement, choose: (hit: SearchHit) => void, yearWindow: () => { from?: number; to?: number } = () => ({})): () => void {
  const input = h("input", {
    type: "search",
    id: "search-input",
    role: "combobox",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": "search-results",
    "aria-label": "Search entities by name or spelling",
    placeholder: "Search (e.g. Turkmanchay)…",
    autocomplete: "off",
    spellcheck: "false",
  });
  const listbox = h("ul", { id: "search-results", role: "listbox", class: "search-results", hidden: true });
  const status = h("span", { class: "visually-hidden", "aria-live": "polite" });
  container.append(h("div", { class: "search" }, input, listbox, status));

  let hits: SearchHit[] = [];
  let active = -1;
  let controller: AbortController | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const close = () => {
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const setActive = (index: number) => {
    active = index;
    [...listbox.children].forEach((li, i) => li.setAttribute("aria-selected", String(i === index)));
    if (index >= 0) input.setAttribute("aria-activedescendant", `search-hit-${index}`);
  };
  const pick = (hit: SearchHit) => {
    close();
    input.value = hit.label;
    choose(hit);
  };
  const render = () => {
    clear(listbox);
    hits.forEach((hit, i) => {
      const li = h(
        "li",
        { id: `search-hit-${i}`, role: "option", "aria-selected": "false", class: "search-hit", "data-iri": hit.iri },
        h("span", { class: "swatch", style: `background:${NODE_COLOR[hit.kind] ?? NODE_COLOR.other}`, "aria-hidden": "true" }),
        h("span", { class: "hit-label" }, hit.label),
        hit.matched !== hit.label ? h("span", { class: "hit-matched" }, `also “${hit.matched}”`) : null,
        h("span", { class: "hit-kind" }, NODE_KIND_LABEL[hit.kind] ?? hit.kind),
      );
      // mousedown, not click: the input's blur would close the list before a click lands.
      li.addEventListener("mousedown", (event) => {
        event.preventDefault();
        pick(hit);
      });
      listbox.append(li);
    });
    listbox.hidden = hits.length === 0;
    input.setAttribute("aria-expanded", String(hits.length > 0));
    status.textContent = hits.length ? `${hits.length} results` : input.value.trim() ? "No results" : "";
    active = -1;
  };
  const run = async (text: string) => {
    controller?.abort();
    if (text.trim().length < 2) {
      hits = [];
      render();
      return;
    }
    controller = new AbortController();
    try {
      hits = await search(text.trim(), 10, controller.signal, yearWindow());
      render();
    } catch (error) {
      if ((error as Error).name !== "AbortError") {
        hits = [];
        render();
        status.textContent = `Search failed: ${(error as Error).message}`;
      }
    }
  };
  input.addEventListener("input", () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void run(input.value), 150);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" && hits.length) {
      event.preventDefault();
      if (listbox.hidden) render();
      setActive((active + 1) % hits.length);
    } else if (event.key === "ArrowUp" && hits.length) {
      event.preventDefault();
      setActive(active <= 0 ? hits.length - 1 : active - 1);
    } else if (event.key === "Enter") {
      const hit = hits[active >= 0 ? active : 0];
      if (hit) {
        event.preventDefault();
        pick(hit);
      }
    } else if (event.key === "Escape") close();
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
  return () => {
    controller?.abort();
    container.replaceChildren();
  };
}
