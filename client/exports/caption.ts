/**
 * Caption
 * =======
 * The text that says what a figure shows: the data source, the filters and the date range, so a
 * reader (and a reviewer) can tell what was left out.
 */
import type { NodeKind, RelationKind } from "../../contract/api.ts";
import { NODE_KIND_LABEL, RELATION_LABEL } from "../graph/palette.ts";
import { yearText } from "./figure.ts";

/** The view a figure or data file was made from. */
export interface ViewSpec {
  from?: number;
  to?: number;
  kinds?: NodeKind[];
  relations?: RelationKind[];
  /** Third-party lens, e.g. ["Iran", "Russia"] (labels). */
  lens?: [string, string];
  /** A SPARQL CONSTRUCT that made the view instead of the filters. */
  query?: string;
  /** Named periods for small multiples. */
  periods?: string[];
}

export const DATA_SOURCE =
  'Data: Caspian knowledge graph of J. Karami, "Iran and Russia: Past Experiences and Future Prospects"';

export function describeView(view: ViewSpec): string {
  const parts: string[] = [];
  if (view.query !== undefined) parts.push("view made by a SPARQL CONSTRUCT query");
  if (view.from !== undefined || view.to !== undefined) {
    const from = view.from !== undefined ? yearText(view.from) : "the earliest date";
    const to = view.to !== undefined ? yearText(view.to) : "the latest date";
    parts.push(`years ${from} to ${to} (undated entities kept)`);
  }
  if (view.kinds && view.kinds.length > 0) parts.push(`node classes: ${view.kinds.map((k) => NODE_KIND_LABEL[k] ?? k).join(", ")}`);
  if (view.relations && view.relations.length > 0) {
    parts.push(`relations: ${view.relations.map((r) => RELATION_LABEL[r] ?? r).join(", ")}`);
  }
  if (view.lens) parts.push(`third parties of ${view.lens[0]}–${view.lens[1]}`);
  if (view.periods && view.periods.length > 0) parts.push(`panels: ${view.periods.join(", ")}`);
  return parts.length > 0 ? parts.join("; ") : "all classes and relations, all years";
}

export function captionText(view: ViewSpec, counts: { nodes: number; edges: number }, extra?: string): string {
  const text =
    `${counts.nodes} entities and ${counts.edges} relations; ${describeView(view)}. ` +
    `${DATA_SOURCE}. Layout: ForceAtlas2 from a fixed seed.`;
  return extra ? `${extra.trim()} ${text}` : text;
}

/** Escapes LaTeX's special characters so a caption typesets as written. */
export function latexEscape(text: string): string {
  const map: Record<string, string> = {
    "\\": "\\textbackslash{}", "{": "\\{", "}": "\\}", "&": "\\&", "%": "\\%", $: "\\$", "#": "\\#", _: "\\_",
    "~": "\\textasciitilde{}", "^": "\\textasciicircum{}",
  };
  return text.replace(/[\\{}&%$#_~^]/g, (c) => map[c]!);
}

/** The caption as a LaTeX `\caption{}` (with the title as its short form) for the paper's figure environment. */
export function captionLatex(caption: string, title?: string): string {
  const short = title ? `[${latexEscape(title)}]` : "";
  const body = title ? `\\textbf{${latexEscape(title)}.} ${latexEscape(caption)}` : latexEscape(caption);
  return `\\caption${short}{${body}}\n`;
}
