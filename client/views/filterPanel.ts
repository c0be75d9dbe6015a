/**
 * Filter panel and legend
 * =======================
 * The legend is the filter: one checkbox per node kind (with its colour and count) and per
 * relation kind (with its line colour and count), a year range, and the hidden nodes.
 */
import type { NodeKind, RelationKind } from "../../contract/api.ts";
import { classColor, NODE_COLOR, NODE_KIND_LABEL, RELATION_LABEL, RELATION_STYLE } from "../graph/palette.ts";
import { NODE_KINDS, RELATION_KINDS } from "../../contract/kinds.ts";
import type { ViewState } from "./context.ts";
import { clear, h } from "./dom.ts";

export interface FilterCounts {
  kinds: Map<NodeKind, number>;
  relations: Map<RelationKind, number>;
  /** Classes outside Caspian's ontology (kind "other"), each with its own colour in the legend. */
  classes?: Map<string, { label: string; count: number }>;
  /** What the server's time rule and the editorial switch left out (GraphPayload attributes). */
  omitted?: { undated?: number; editorial?: number; windowed: boolean };
}

export interface FilterPanel {
  update(state: ViewState, counts: FilterCounts): void;
}

export function mountFilterPanel(container: HTMLElement, setState: (patch: Partial<ViewState>) => void): FilterPanel {
  const kindsBox = h("fieldset", { class: "legend kinds" }, h("legend", {}, "Node classes"));
  const relationsBox = h("fieldset", { class: "legend relations" }, h("legend", {}, "Relations"));
  const fromInput = h("input", { type: "number", id: "year-from", step: "1", "aria-label": "From year" });
  const toInput = h("input", { type: "number", id: "year-to", step: "1", "aria-label": "To year" });
  const yearsBox = h(
    "fieldset",
    { class: "years-filter" },
    h("legend", {}, "Years"),
    h("label", { for: "year-from" }, "from"),
    fromInput,
    h("label", { for: "year-to" }, "to"),
    toInput,
  );
  // The time rule leaves undated resources out of a window; this brings them back, with the count.
  const undatedInput = h("input", { type: "checkbox", id: "show-undated" });
  const undatedCount = h("span", { class: "count", id: "undated-count" });
  undatedInput.addEventListener("change", () => setState({ undated: undatedInput.checked || undefined }));
  yearsBox.append(h("div", { class: "years-extra row" }, undatedInput, h("label", { for: "show-undated" }, "Show undated"), undatedCount));
  const editorialInput = h("input", { type: "checkbox", id: "show-editorial" });
  const editorialCount = h("span", { class: "count", id: "editorial-count" });
  editorialInput.addEventListener("change", () => setState({ editorial: editorialInput.checked ? undefined : "exclude" }));
  const readingsBox = h(
    "fieldset",
    { class: "readings" },
    h("legend", {}, "Readings"),
    h("div", { class: "row", title: "Statements the editors add (readings the article implies but does not state)" }, editorialInput, h("label", { for: "show-editorial" }, "Editorial readings"), editorialCount),
  );
  const hiddenBox = h("div", { class: "hidden-nodes" });
  container.append(kindsBox, relationsBox, yearsBox, readingsBox, hiddenBox);

  let state: ViewState = {};
  const onYear = () => {
    const from = fromInput.value === "" ? undefined : Number(fromInput.value);
    const to = toInput.value === "" ? undefined : Number(toInput.value);
    setState({ from: Number.isInteger(from) ? from : undefined, to: Number.isInteger(to) ? to : undefined });
  };
  fromInput.addEventListener("change", onYear);
  toInput.addEventListener("change", onYear);

  function toggle<K extends string>(all: readonly K[], current: K[] | undefined, kind: K, on: boolean): K[] | undefined {
    const set = new Set(current ?? all);
    if (on) set.add(kind);
    else set.delete(kind);
    // Everything on is the same as no filter: keep the URL short.
    return all.every((k) => set.has(k)) ? undefined : all.filter((k) => set.has(k));
  }

  function rows<K extends string>(
    box: HTMLFieldSetElement,
    all: readonly K[],
    counts: Map<K, number>,
    current: K[] | undefined,
    swatch: (kind: K) => HTMLElement,
    label: (kind: K) => string,
    key: "kinds" | "relations",
  ) {
    box.querySelectorAll(".row").forEach((row) => row.remove());
    for (const kind of all) {
      const count = counts.get(kind) ?? 0;
      if (count === 0 && !(current && !current.includes(kind))) continue;
      const id = `filter-${key}-${kind}`;
      const checkbox = h("input", { type: "checkbox", id, "data-kind": kind });
      checkbox.checked = !current || current.includes(kind);
      checkbox.addEventListener("change", () => setState({ [key]: toggle(all, state[key] as K[] | undefined, kind, checkbox.checked) } as Partial<ViewState>));
      box.append(h("div", { class: "row" }, checkbox, h("label", { for: id }, swatch(kind), label(kind), h("span", { class: "count" }, String(count)))));
    }
  }

  return {
    update(next, counts) {
      state = next;
      rows(kindsBox, NODE_KINDS, counts.kinds, next.kinds, (k) => h("span", { class: "swatch", style: `background:${NODE_COLOR[k]}`, "aria-hidden": "true" }), (k) => NODE_KIND_LABEL[k], "kinds");
      kindsBox.querySelectorAll(".class-row").forEach((row) => row.remove());
      const classes = [...(counts.classes ?? [])].sort((a, b) => b[1].count - a[1].count || a[1].label.localeCompare(b[1].label)).slice(0, 30);
      for (const [iri, { label, count }] of classes) {
        const id = `filter-class-${classes.findIndex(([other]) => other === iri)}`;
        const checkbox = h("input", { type: "checkbox", id, "data-class": iri });
        checkbox.checked = !next.hiddenClasses?.includes(iri);
        checkbox.addEventListener("change", () => {
          const hidden = new Set(state.hiddenClasses ?? []);
          if (checkbox.checked) hidden.delete(iri);
          else hidden.add(iri);
          setState({ hiddenClasses: hidden.size ? [...hidden] : undefined });
        });
        kindsBox.append(
          h("div", { class: "row class-row", title: iri }, checkbox, h("label", { for: id }, h("span", { class: "swatch", style: `background:${classColor(iri)}`, "aria-hidden": "true" }), label, h("span", { class: "count" }, String(count)))),
        );
      }
      rows(
        relationsBox,
        RELATION_KINDS,
        counts.relations,
        next.relations,
        (k) => h("span", { class: `edge-swatch ${RELATION_STYLE[k].type}`, style: `background:${RELATION_STYLE[k].color}`, "aria-hidden": "true" }),
        (k) => RELATION_LABEL[k],
        "relations",
      );
      undatedInput.checked = Boolean(next.undated);
      const undated = counts.omitted?.undated ?? 0;
      undatedCount.textContent = !counts.omitted?.windowed ? "" : next.undated ? "" : `${undated} left out`;
      undatedInput.disabled = !counts.omitted?.windowed && !next.undated;
      editorialInput.checked = next.editorial !== "exclude";
      const editorial = counts.omitted?.editorial ?? 0;
      editorialCount.textContent = next.editorial === "exclude" ? `${editorial} left out` : "";
      if (document.activeElement !== fromInput) fromInput.value = next.from === undefined ? "" : String(next.from);
      if (document.activeElement !== toInput) toInput.value = next.to === undefined ? "" : String(next.to);
      clear(hiddenBox);
      const hidden = next.hidden ?? [];
      if (hidden.length) {
        hiddenBox.append(
          h("span", {}, `${hidden.length} hidden node${hidden.length === 1 ? "" : "s"} `),
          h("button", { type: "button", class: "small", onclick: () => setState({ hidden: undefined }) }, "Show all"),
        );
      }
    },
  };
}
