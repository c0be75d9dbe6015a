/**
 * Guided builder (the form)
 * =========================
 * For users who do not write SPARQL: choose a subject (a class or one entity), a relation, an
 * object (a class, an entity or anything) and optionally a period or years; "Write the query"
 * puts the SPARQL (buildQuery.ts) in the editor and runs it, so the user sees the language.
 */
import type { SearchHit, TimelinePeriod } from "../../contract/api.ts";
import { h } from "../views/dom.ts";
import { buildQuery, type BuilderSpec, type Choice } from "./buildQuery.ts";
import type { VocabularyTerm } from "./completions.ts";

export interface BuilderDeps {
  vocabulary(): Promise<readonly VocabularyTerm[]>;
  periods(): Promise<readonly TimelinePeriod[]>;
  search(text: string): Promise<SearchHit[]>;
  /** Puts the written query in the editor and runs it. */
  use(query: string): void;
}

const ANY = "__any";
const ENTITY = "__entity";

/** A class-or-entity picker: a select of classes plus "one entity…" with a search box. */
function choicePicker(name: string, allowAny: boolean, deps: BuilderDeps) {
  const select = h("select", { name, "aria-label": `${name} class` });
  const input = h("input", { type: "search", name: `${name}-entity`, placeholder: "Type a name…", "aria-label": `${name}: one entity`, hidden: true, list: `wb-${name}-hits` });
  const list = h("datalist", { id: `wb-${name}-hits` });
  const hits = new Map<string, SearchHit>();
  if (allowAny) select.append(h("option", { value: ANY }, "anything"));
  const entityOption = h("option", { value: ENTITY }, "one entity…");
  select.append(entityOption);
  const sync = () => {
    input.hidden = select.value !== ENTITY;
  };
  select.addEventListener("change", sync);
  sync();
  let pending = 0;
  input.addEventListener("input", async () => {
    const text = input.value.trim();
    if (text.length < 2 || hits.has(text)) return;
    const ticket = ++pending;
    const found = await deps.search(text).catch(() => []);
    if (ticket !== pending) return;
    list.replaceChildren(...found.map((hit) => h("option", { value: hit.label }, hit.kind)));
    for (const hit of found) hits.set(hit.label, hit);
  });
  const fillClasses = (classes: readonly VocabularyTerm[]) => {
    const group = h("optgroup", { label: "any of the class" });
    for (const c of classes) group.append(h("option", { value: c.iri }, c.label));
    select.insertBefore(group, entityOption);
    // A subject is a class by default; the object stays "anything".
    if (!allowAny && classes[0]) select.value = classes[0].iri;
    sync();
  };
  const choice = (labels: Map<string, string>): Choice | undefined => {
    if (select.value === ANY) return { type: "any" };
    if (select.value === ENTITY) {
      const hit = hits.get(input.value.trim());
      return hit ? { type: "entity", iri: hit.iri, label: hit.label } : undefined;
    }
    return { type: "class", iri: select.value, label: labels.get(select.value) };
  };
  return { element: h("span", { class: "wb-choice" }, select, input, list), select, fillClasses, choice };
}

export function mountBuilder(container: HTMLElement, deps: BuilderDeps): void {
  const subject = choicePicker("subject", false, deps);
  const object = choicePicker("object", true, deps);
  const relation = h("select", { name: "relation", "aria-label": "relation" });
  const period = h("select", { name: "period", "aria-label": "period" }, h("option", { value: "" }, "any time"), h("option", { value: "years" }, "years…"));
  const from = h("input", { type: "number", name: "from", placeholder: "from", "aria-label": "from year", hidden: true, class: "wb-year" });
  const to = h("input", { type: "number", name: "to", placeholder: "to", "aria-label": "to year", hidden: true, class: "wb-year" });
  period.addEventListener("change", () => {
    from.hidden = to.hidden = period.value !== "years";
  });
  const message = h("p", { class: "error", role: "alert" });
  const write = h("button", { type: "submit" }, "Write the query");
  const form = h(
    "form",
    { class: "wb-builder" },
    h("label", {}, "Subject ", subject.element),
    h("label", {}, "Relation ", relation),
    h("label", {}, "Object ", object.element),
    h("label", {}, "When ", period, from, to),
    h("div", {}, write),
    message,
  );
  container.replaceChildren(form);

  const labels = new Map<string, string>();
  const periods = new Map<string, TimelinePeriod>();
  void deps.vocabulary().then((terms) => {
    for (const t of terms) labels.set(t.iri, t.label);
    subject.fillClasses(terms.filter((t) => t.kind === "class"));
    object.fillClasses(terms.filter((t) => t.kind === "class"));
    for (const p of terms.filter((t) => t.kind === "property")) relation.append(h("option", { value: p.iri }, `${p.label} (${p.short})`));
    form.dataset.ready = "true";
  });
  void deps.periods().then((list) => {
    const group = h("optgroup", { label: "during the period" });
    for (const p of list) {
      periods.set(p.iri, p);
      group.append(h("option", { value: p.iri }, `${p.label} (${p.startYear}–${p.endYear})`));
    }
    period.append(group);
  }).catch(() => undefined);

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    message.textContent = "";
    const s = subject.choice(labels);
    const o = object.choice(labels);
    if (!s || !o) {
      message.textContent = "Pick the entity from the suggestions as you type its name.";
      return;
    }
    const spec: BuilderSpec = { subject: s, relation: relation.value, relationLabel: labels.get(relation.value), object: o };
    if (period.value === "years") {
      const f = from.value.trim() === "" ? undefined : Number(from.value);
      const t = to.value.trim() === "" ? undefined : Number(to.value);
      if (f !== undefined || t !== undefined) spec.years = { from: f, to: t };
    } else if (period.value) {
      const p = periods.get(period.value);
      if (p) spec.years = { from: p.startYear, to: p.endYear, period: p.label };
    }
    deps.use(buildQuery(spec));
  });
}
