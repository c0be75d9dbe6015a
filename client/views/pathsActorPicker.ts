/**
 * Actor picker
 * ============
 * A text input with autocomplete over the API's search, keeping only actors, used by the paths
 * panel and the third-party lens. The suggestions are a <datalist>, so the browser draws the list
 * and keyboard handling comes for free; `resolve()` turns what was typed into an IRI (a picked
 * suggestion, else the best actor hit of a fresh search).
 */
import type { SearchHit } from "../../contract/api.ts";
import type { ExplorerContext } from "./context.ts";

let pickerCount = 0;

export interface ActorPicker {
  element: HTMLLabelElement;
  input: HTMLInputElement;
  /** The IRI for the current text, or undefined when no actor matches. */
  resolve(): Promise<{ iri: string; label: string } | undefined>;
  /** Shows an actor (label looked up in the graph when not given). */
  set(iri: string, label?: string): void;
  dispose(): void;
}

const SEARCH_LIMIT = 25;
const DEBOUNCE_MS = 150;

export function createActorPicker(ctx: ExplorerContext, labelText: string, testId: string): ActorPicker {
  const id = `cas-actor-picker-${++pickerCount}`;
  const element = document.createElement("label");
  element.className = "cas-picker";
  element.append(document.createTextNode(labelText));
  const input = document.createElement("input");
  input.type = "text";
  input.autocomplete = "off";
  input.spellcheck = false;
  input.placeholder = "Actor, e.g. Iran";
  input.setAttribute("list", id);
  input.dataset.testid = testId;
  const list = document.createElement("datalist");
  list.id = id;
  element.append(input, list);

  // label (lower case) → IRI, from the suggestions shown and from set().
  const known = new Map<string, string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: AbortController | undefined;

  async function actorHits(text: string, signal?: AbortSignal): Promise<SearchHit[]> {
    const hits = await ctx.api.search(text, SEARCH_LIMIT, signal);
    return hits.filter((hit) => hit.kind === "actor");
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 2) return;
    timer = setTimeout(() => {
      pending?.abort();
      pending = new AbortController();
      actorHits(text, pending.signal)
        .then((hits) => {
          const options = hits.map((hit) => {
            known.set(hit.label.toLowerCase(), hit.iri);
            const option = document.createElement("option");
            option.value = hit.label;
            if (hit.matched !== hit.label) option.label = `${hit.label} (${hit.matched})`;
            return option;
          });
          list.replaceChildren(...options);
        })
        .catch(() => {
          // A failed suggestion is not worth an error: resolve() searches again on submit.
        });
    }, DEBOUNCE_MS);
  });

  return {
    element,
    input,
    async resolve() {
      const text = input.value.trim();
      if (!text) return undefined;
      const iri = known.get(text.toLowerCase());
      if (iri) return { iri, label: text };
      const hits = await actorHits(text);
      const best = hits.find((hit) => hit.label.toLowerCase() === text.toLowerCase() || hit.matched.toLowerCase() === text.toLowerCase()) ?? hits[0];
      if (!best) return undefined;
      known.set(best.label.toLowerCase(), best.iri);
      return { iri: best.iri, label: best.label };
    },
    set(iri, label) {
      const graph = ctx.graph();
      const name = label ?? (graph.hasNode(iri) ? String(graph.getNodeAttribute(iri, "label")) : decodeURIComponent(iri.replace(/^.*[/#]/, "")));
      known.set(name.toLowerCase(), iri);
      input.value = name;
    },
    dispose() {
      clearTimeout(timer);
      pending?.abort();
    },
  };
}
