/**
 * CSV
 * ===
 * nodes.csv and edges.csv (RFC 4180: comma, CRLF, quotes doubled) with labels, classes, years and
 * the evidence behind each edge (quotes and in-text citations, joined by " | "), for spreadsheets
 * and for R or pandas.
 *
 * Cells are neutralised against CSV injection as OWASP advises: a text cell that starts with
 * =, +, -, @, tab or carriage return would be run as a formula by Excel, LibreOffice or Sheets, so
 * it gets a leading apostrophe (shown by no spreadsheet) and is quoted. Plain numbers ("-483",
 * "-1.5") are left as they are: a spreadsheet reads them as numbers, not formulas, and R and
 * pandas need them numeric. (The SPARQL endpoint's CSV results stay verbatim: they are data for
 * programs, and the SPARQL CSV format defines their bytes.)
 */
import type { Figure } from "./figure.ts";
import { num } from "./xmlText.ts";

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

export function csvCell(value: string | number | boolean | undefined): string {
  if (value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() || text.startsWith("'") ? `"${text.replace(/"/g, '""')}"` : text;
}

const row = (cells: (string | number | boolean | undefined)[]) => cells.map(csvCell).join(",");

export const NODE_COLUMNS = ["id", "label", "kind", "class", "class_iri", "start_year", "end_year", "disputed", "evidence_count", "x", "y", "size", "color"];
export const EDGE_COLUMNS = ["id", "source", "target", "source_label", "target_label", "relation", "label", "predicate", "via", "start_year", "end_year", "disputed", "evidence_count", "evidence"];

export function nodesCsv(figure: Figure): string {
  const lines = [row(NODE_COLUMNS)];
  for (const n of figure.nodes) {
    lines.push(row([n.key, n.label, n.kind, n.classLabel, n.classIri, n.startYear, n.endYear, n.disputed ?? false, n.evidenceCount, num(n.x, 3), num(n.y, 3), num(n.size, 3), n.color]));
  }
  return lines.join("\r\n") + "\r\n";
}

/** `evidence` gives each edge key its evidence lines (quote with its citation). */
export function edgesCsv(figure: Figure, evidence: Map<string, string[]> = new Map()): string {
  const labels = new Map(figure.nodes.map((n) => [n.key, n.label]));
  const lines = [row(EDGE_COLUMNS)];
  for (const e of figure.edges) {
    lines.push(
      row([e.key, e.source, e.target, labels.get(e.source), labels.get(e.target), e.kind, e.label, e.predicate, e.via, e.startYear, e.endYear, e.disputed ?? false, e.evidenceCount, (evidence.get(e.key) ?? []).join(" | ")]),
    );
  }
  return lines.join("\r\n") + "\r\n";
}
