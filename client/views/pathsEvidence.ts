/**
 * Evidence list
 * =============
 * The article's quotes behind a claim, as a list: the quote, its section, and the in-text
 * citation as printed. Used by the paths panel and the third-party lens. Quotes are text nodes.
 */
import type { Evidence } from "../../server/http/apiTypes.ts";

export function renderEvidence(evidence: readonly Evidence[]): HTMLElement {
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
    list.append(li);
  }
  return list;
}
