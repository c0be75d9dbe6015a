/**
 * Details panel
 * =============
 * Everything known about the selected node (labels, class, dates, properties, relations both
 * ways, evidence with section and cited work) or the selected edge (its n-ary node's details).
 * Contested claims carry a badge and the editorial note. All data goes in as text.
 */
import type { EdgeStatement, EdgeStatements, EntityDetails, Evidence, Relation, RelationKind } from "../../contract/api.ts";
import { getEdgeStatements, getEntity } from "../api/client.ts";
import type { DisplayEdge } from "../graph/model.ts";
import { NODE_COLOR, NODE_KIND_LABEL, RELATION_LABEL, RELATION_STYLE } from "../graph/palette.ts";
import { clear, h, localName, yearText } from "./dom.ts";

export interface DetailsActions {
  select(iri: string): void;
  expand(iri: string): void;
  hide(iri: string): void;
  showInText(evidence: Evidence): void;
  busy<T>(label: string, work: Promise<T>): Promise<T>;
  /** The view's window and editorial switch, which narrow an edge's statements as they narrow the graph. */
  window?(): { from?: number; to?: number; editorial?: "exclude" };
}

export interface DetailsPanel {
  showNode(iri: string): Promise<void>;
  showEdge(key: string, attrs: DisplayEdge, source: { iri: string; label: string }, target: { iri: string; label: string }): Promise<void>;
  clear(): void;
}

const contestedBadge = () => h("span", { class: "badge contested", title: "This claim is contested: see the editorial note" }, "Contested");

function entityButton(ref: { iri: string; label: string }, actions: DetailsActions): HTMLElement {
  return h("button", { type: "button", class: "link", "data-iri": ref.iri, onclick: () => actions.select(ref.iri) }, ref.label || localName(ref.iri));
}

function iriLine(iri: string): HTMLElement {
  const copy = h("button", { type: "button", class: "small" }, "Copy IRI");
  copy.addEventListener("click", () => {
    void navigator.clipboard?.writeText(iri).then(() => (copy.textContent = "Copied"), () => (copy.textContent = "Copy failed"));
  });
  return h("p", { class: "iri" }, h("a", { href: iri, target: "_blank", rel: "noopener noreferrer" }, iri), " ", copy);
}

function evidenceList(evidence: Evidence[], actions: DetailsActions): HTMLElement {
  if (evidence.length === 0) return h("p", { class: "muted" }, "No evidence recorded.");
  const list = h("ol", { class: "evidence" });
  for (const ev of evidence) {
    const cited = ev.cites ? [ev.cites.citation ?? ev.cites.label, ev.pages ? `, p. ${ev.pages}` : ""].join("") : undefined;
    list.append(
      h(
        "li",
        { class: "evidence-item", "data-iri": ev.iri },
        h("blockquote", { class: "quote" }, `“${ev.quote}”`),
        h(
          "p",
          { class: "evidence-meta" },
          ev.section ? h("span", { class: "section" }, `Section: ${ev.section}`) : null,
          ev.citationText ? h("span", { class: "citation" }, `Cites (${ev.citationText})`) : null,
        ),
        cited ? h("p", { class: "reference" }, cited) : null,
        ev.disputed ? h("p", { class: "contested-note" }, contestedBadge(), " ", ev.editorialNote ?? "") : ev.editorialNote ? h("p", { class: "editorial" }, ev.editorialNote) : null,
        h("button", { type: "button", class: "show-in-text", onclick: () => actions.showInText(ev) }, "Show in text"),
      ),
    );
  }
  return list;
}

function relationList(title: string, relations: Relation[], arrow: string, actions: DetailsActions): HTMLElement | null {
  if (relations.length === 0) return null;
  const list = h("ul", { class: "relations" });
  for (const rel of relations) {
    const style = RELATION_STYLE[rel.kind] ?? RELATION_STYLE.other;
    list.append(
      h(
        "li",
        {},
        h("span", { class: "edge-swatch", style: `background:${style.color}`, title: RELATION_LABEL[rel.kind] ?? rel.kind, "aria-hidden": "true" }),
        h("span", { class: "predicate" }, `${arrow} ${rel.predicate.label || localName(rel.predicate.iri)} `),
        entityButton(rel.other, actions),
        h("span", { class: "muted" }, ` (${NODE_KIND_LABEL[rel.other.kind] ?? rel.other.kind})`),
      ),
    );
  }
  return h("section", {}, h("h3", {}, `${title} (${relations.length})`), list);
}

export function renderEntity(entity: EntityDetails, actions: DetailsActions): HTMLElement {
  const years = yearText(entity.startYear, entity.endYear);
  const properties = h("dl", { class: "properties" });
  for (const prop of entity.properties) {
    properties.append(
      h("dt", {}, prop.predicate.label || localName(prop.predicate.iri)),
      h("dd", {}, prop.value.iri ? entityButton({ iri: prop.value.iri, label: prop.value.label }, actions) : prop.value.label, prop.value.lang ? h("span", { class: "muted" }, ` @${prop.value.lang}`) : null),
    );
  }
  return h(
    "article",
    { class: "entity", "data-iri": entity.iri },
    h(
      "header",
      {},
      h("h2", { class: "entity-label" }, entity.label),
      h(
        "p",
        { class: "kind" },
        h("span", { class: "swatch", style: `background:${NODE_COLOR[entity.kind] ?? NODE_COLOR.other}`, "aria-hidden": "true" }),
        `${NODE_KIND_LABEL[entity.kind] ?? entity.kind}`,
        entity.classes.length ? ` · ${entity.classes.map((c) => c.label || localName(c.iri)).join(", ")}` : "",
        entity.disputed ? " " : "",
        entity.disputed ? contestedBadge() : null,
      ),
      years ? h("p", { class: "years" }, years) : null,
      entity.dateAsWritten?.length ? h("p", { class: "date-written" }, `As written: ${entity.dateAsWritten.join("; ")}`) : null,
      entity.altLabels.length ? h("p", { class: "alt-labels" }, `Also spelled: ${entity.altLabels.join(", ")}`) : null,
      entity.comment ? h("p", { class: "comment" }, entity.comment) : null,
      ...entity.editorialNotes.map((note) => h("p", { class: entity.disputed ? "contested-note" : "editorial" }, "Editorial note: ", note)),
      iriLine(entity.iri),
      h(
        "div",
        { class: "actions" },
        h("button", { type: "button", class: "expand", onclick: () => actions.expand(entity.iri) }, "Expand neighbours"),
        // Offered even before the graph has loaded: hiding is a filter, it needs no drawn node.
        h("button", { type: "button", class: "hide", onclick: () => actions.hide(entity.iri) }, "Hide"),
      ),
    ),
    entity.properties.length ? h("section", {}, h("h3", {}, "Properties"), properties) : null,
    relationList("Outgoing", entity.outgoing, "→", actions),
    relationList("Incoming", entity.incoming, "←", actions),
    h("section", {}, h("h3", {}, `Evidence (${entity.evidence.length})`), evidenceList(entity.evidence, actions)),
  );
}

function scrollToTop(container: HTMLElement): void {
  for (let el: HTMLElement | null = container; el; el = el.parentElement) {
    if (el.scrollTop > 0) el.scrollTop = 0;
  }
}

/** One statement behind an edge: what it says, its years, whose reading it is, and its own evidence. */
function statementItem(st: EdgeStatement, actions: DetailsActions): HTMLElement {
  const years = yearText(st.startYear, st.endYear);
  const says = st.triples.map((t) => `${t.subject.label} — ${t.predicate.label || localName(t.predicate.iri)} — ${t.object.label}`);
  return h(
    "li",
    { class: `statement${st.editorial ? " editorial-statement" : ""}`, "data-iri": st.iri ?? st.ground.iri },
    h("p", { class: "statement-ground" }, entityButton(st.ground, actions), years ? h("span", { class: "years" }, ` (${years})`) : null),
    ...says.map((line) => h("p", { class: "statement-says" }, line)),
    h(
      "p",
      { class: "attribution" },
      st.editorial ? h("span", { class: "badge editorial-badge", title: "A reading the editors add; the article does not state it in so many words" }, "Editorial reading") : `Stated by ${st.attributedTo.label}`,
      st.disputed ? " " : "",
      st.disputed ? contestedBadge() : null,
    ),
    st.note ? h("p", { class: st.disputed ? "contested-note" : "editorial" }, st.note) : null,
    st.evidenceOf === "subject" && st.evidence.length ? h("p", { class: "muted" }, "Evidence recorded on the event or treaty itself:") : null,
    evidenceList(st.evidence, actions),
  );
}

function statementList(answer: EdgeStatements, actions: DetailsActions): HTMLElement {
  if (answer.statements.length === 0) return h("p", { class: "muted" }, "No statement behind this edge meets the current window.");
  const list = h("ol", { class: "statements" }, ...answer.statements.map((st) => statementItem(st, actions)));
  return h("section", { class: "edge-statements" }, h("h3", {}, `Statements (${answer.statements.length})`), list);
}

export function createDetailsPanel(container: HTMLElement, actions: DetailsActions): DetailsPanel {
  let controller: AbortController | undefined;
  const empty = () =>
    h("p", { class: "muted empty" }, "Select a node or an edge in the graph, or search above, to see what the article says about it.");
  container.append(empty());

  const load = async (iri: string) => {
    controller?.abort();
    controller = new AbortController();
    return actions.busy("Loading details…", getEntity(iri, controller.signal));
  };
  const fail = (error: unknown) => {
    if ((error as Error).name === "AbortError") return;
    clear(container);
    container.append(h("p", { class: "error", role: "alert" }, `Could not load the details: ${(error as Error).message}`));
  };
  return {
    async showNode(iri) {
      try {
        const entity = await load(iri);
        clear(container);
        container.append(renderEntity(entity, actions));
        // A new selection reads from its top, not from where the last one was scrolled to.
        scrollToTop(container);
      } catch (error) {
        fail(error);
      }
    },
    async showEdge(key, attrs, source, target) {
      const years = yearText(attrs.startYear, attrs.endYear);
      const head = h(
        "header",
        { class: "edge-head", "data-edge": key },
        h("h2", {}, attrs.label || localName(attrs.predicate)),
        h("p", { class: "kind" }, h("span", { class: "edge-swatch", style: `background:${attrs.color}`, "aria-hidden": "true" }), RELATION_LABEL[attrs.kind] ?? attrs.kind, attrs.disputed ? " " : "", attrs.disputed ? contestedBadge() : null),
        h("p", {}, entityButton(source, actions), ` ${attrs.label || "→"} `, entityButton(target, actions)),
        years ? h("p", { class: "years" }, years) : null,
        h("p", { class: "muted" }, "Relation: ", h("a", { href: attrs.predicate, target: "_blank", rel: "noopener noreferrer" }, localName(attrs.predicate))),
      );
      clear(container);
      container.append(h("article", { class: "edge" }, head));
      scrollToTop(container);
      // The statements behind the edge, each with its own quotes (GET /api/v1/edge).
      const relation = (attrs as DisplayEdge & { relation?: RelationKind }).relation;
      const ask = key.startsWith("actors|") ? { source: source.iri, target: target.iri, relation: relation ?? attrs.kind } : { key };
      try {
        controller?.abort();
        controller = new AbortController();
        const answer = await actions.busy("Loading the statements…", getEdgeStatements(ask, actions.window?.() ?? {}, controller.signal));
        container.append(statementList(answer, actions));
        if (answer.statements.length > 0 || !attrs.via) return;
      } catch (error) {
        if ((error as Error).name === "AbortError") return;
        // An older server without /edge: fall back to the edge's n-ary node below.
      }
      if (!attrs.via) {
        container.append(h("p", { class: "muted" }, `A direct statement; the evidence is listed on its two ends (${attrs.evidenceCount} evidence nodes).`));
        return;
      }
      try {
        const entity = await load(attrs.via);
        container.append(h("h3", {}, "Stated by"), renderEntity(entity, actions));
        // An edge may stand for an evidence node itself (a citation): its own passage is the proof.
        if (entity.evidence.length === 0 && entity.classes.some((c) => c.iri.endsWith("#Evidence"))) {
          container.append(h("button", { type: "button", class: "show-in-text", onclick: () => actions.showInText({ iri: entity.iri, quote: "" }) }, "Show in text"));
        }
      } catch (error) {
        fail(error);
      }
    },
    clear() {
      controller?.abort();
      clear(container);
      container.append(empty());
    },
  };
}
