/**
 * Evidence list
 * =============
 * The article's quotes behind a claim, as a list: the quote, its section, and the in-text
 * citation as printed. Used by the paths panel and the third-party lens. Given a way to load the
 * source, each quote gets an "in context" toggle that shows its paragraph with the quote marked.
 * Quotes and paragraphs are text nodes, never markup.
 */
import type { Evidence, SourcePassage } from "../../contract/api.ts";

export type LoadSource = (evidenceIri: string) => Promise<SourcePassage>;

export function renderEvidence(evidence: readonly Evidence[], loadSource?: LoadSource): HTMLElement {
  const list = document.createElement("ul");
  list.className = "cas-evidence";
  for (const item of evidence) {
    const li = document.createElement("li");
    li.dataset.iri = item.iri;
    const quote = document.createElement("q");
    quote.textContent = item.quote;
    li.append(quote);
    const where = [item.section, item.citationText].filter((part): part is string => !!part);
    if (where.length > 0) {
      const meta = document.createElement("span");
      meta.className = "cas-evidence-meta";
      meta.textContent = ` — ${where.join(", ")}`;
      li.append(meta);
    }
    if (item.disputed) {
      const flag = document.createElement("span");
      flag.className = "cas-disputed";
      flag.textContent = " (disputed)";
      if (item.editorialNote) flag.title = item.editorialNote;
      li.append(flag);
    }
    if (loadSource) li.append(" ", contextToggle(item.iri, loadSource));
    list.append(li);
  }
  return list;
}

function contextToggle(evidenceIri: string, loadSource: LoadSource): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const button = document.createElement("button");
  button.type = "button";
  button.className = "cas-context-toggle";
  button.textContent = "in context";
  button.setAttribute("aria-expanded", "false");
  const box = document.createElement("blockquote");
  box.className = "cas-context";
  box.hidden = true;
  let loaded = false;
  button.addEventListener("click", () => {
    const open = box.hidden;
    box.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
    if (!open || loaded) return;
    loaded = true;
    box.textContent = "Loading the paragraph…";
    loadSource(evidenceIri)
      .then((passage) => box.replaceChildren(...markedParagraph(passage)))
      .catch((error: unknown) => {
        loaded = false;
        box.textContent = `The paragraph could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
      });
  });
  fragment.append(button, box);
  return fragment;
}

/** The paragraph as text nodes, with the quote inside a <mark> when it was found. */
export function markedParagraph(passage: SourcePassage): Node[] {
  const { paragraph, start, end } = passage;
  const nodes: Node[] = [];
  if (passage.section) {
    const section = document.createElement("span");
    section.className = "cas-context-section";
    section.textContent = `${passage.section}, paragraph ${passage.paragraphIndex + 1}: `;
    nodes.push(section);
  }
  if (start < 0 || end <= start) {
    nodes.push(document.createTextNode(paragraph));
    return nodes;
  }
  const mark = document.createElement("mark");
  mark.textContent = paragraph.slice(start, end);
  nodes.push(document.createTextNode(paragraph.slice(0, start)), mark, document.createTextNode(paragraph.slice(end)));
  return nodes;
}
