/**
 * Results table
 * =============
 * A SELECT's rows as a table sorted by clicking a column header (aria-sort tells which). IRIs show
 * their labels and link to the entity in the explorer; every value goes in as text.
 */
import { compactIri } from "../graph/iri.ts";
import { h } from "../views/dom.ts";
import { sortRows, termText, type Row, type Term } from "./results.ts";

/** Past this many rows the table shows the first ones and says so (downloads have them all). */
export const SHOWN_ROWS = 1000;

export function renderTable(container: HTMLElement, vars: readonly string[], rows: readonly Row[], labels: ReadonlyMap<string, string>, open: (iri: string) => void): void {
  let sort: { column: string; direction: "asc" | "desc" } | undefined;
  const table = h("table", { class: "wb-table" });
  const body = h("tbody");
  const headerCells = vars.map((v) => {
    const button = h("button", { type: "button", class: "link wb-sort" }, `?${v}`);
    const th = h("th", { scope: "col", "data-var": v, "aria-sort": "none" }, button);
    button.addEventListener("click", () => {
      sort = { column: v, direction: sort?.column === v && sort.direction === "asc" ? "desc" : "asc" };
      headerCells.forEach((cell) => cell.setAttribute("aria-sort", cell === th ? (sort!.direction === "asc" ? "ascending" : "descending") : "none"));
      fill();
    });
    return th;
  });
  const cell = (v: string, term: Term | undefined) => {
    const td = h("td", { "data-var": v });
    if (!term) return td;
    if (term.type === "uri") {
      const link = h("a", { href: `?node=${encodeURIComponent(compactIri(term.value))}`, "data-iri": term.value, title: term.value }, termText(term, labels));
      link.addEventListener("click", (event) => {
        event.preventDefault();
        open(term.value);
      });
      td.append(link);
    } else {
      td.textContent = termText(term, labels);
      if (term["xml:lang"]) td.title = `@${term["xml:lang"]}`;
      else if (term.datatype) td.title = term.datatype;
    }
    return td;
  };
  const fill = () => {
    const ordered = sort ? sortRows(rows, sort.column, sort.direction, labels) : rows;
    body.replaceChildren(...ordered.slice(0, SHOWN_ROWS).map((row) => h("tr", {}, ...vars.map((v) => cell(v, row[v])))));
  };
  table.append(h("thead", {}, h("tr", {}, ...headerCells)), body);
  fill();
  container.replaceChildren(h("div", { class: "wb-table-wrap" }, table));
  if (rows.length > SHOWN_ROWS) container.append(h("p", { class: "muted" }, `Showing the first ${SHOWN_ROWS} of ${rows.length} rows; download them all below.`));
}
