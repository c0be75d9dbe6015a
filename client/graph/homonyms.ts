/**
 * Homonyms
 * ========
 * The data has two "Syria" (the place and the state) and two "Tajikistan"; drawn as they are,
 * nothing tells them apart. Every node whose label another node shares gets a qualifier, its
 * class when the classes differ ("Syria (place)", "Syria (state)"), else its years, else the
 * last part of its IRI; the reducer draws "label (qualifier)".
 */
import type { ExplorerGraph } from "./model.ts";

function years(a: { startYear?: number; endYear?: number }): string | undefined {
  if (a.startYear === undefined && a.endYear === undefined) return undefined;
  const start = a.startYear ?? a.endYear!;
  const end = a.endYear ?? a.startYear!;
  return start === end ? String(start) : `${start}–${end}`;
}

function localName(iri: string): string {
  return iri.replace(/^.*[/#:]/, "") || iri;
}

/** Sets (or clears) `qualifier` on every node from the other nodes bearing its label. */
export function qualifyHomonyms(graph: ExplorerGraph): void {
  const byLabel = new Map<string, string[]>();
  graph.forEachNode((node, a) => {
    const key = a.label.trim().toLowerCase();
    const list = byLabel.get(key);
    if (list) list.push(node);
    else byLabel.set(key, [node]);
  });
  graph.forEachNode((node) => graph.removeNodeAttribute(node, "qualifier"));
  for (const nodes of byLabel.values()) {
    if (nodes.length < 2) continue;
    const attrs = nodes.map((n) => graph.getNodeAttributes(n));
    const classes = new Set(attrs.map((a) => a.classLabel || a.kind));
    const spans = new Set(attrs.map((a) => years(a) ?? ""));
    nodes.forEach((node, i) => {
      const a = attrs[i]!;
      const qualifier =
        classes.size === nodes.length ? (a.classLabel || a.kind).toLowerCase() : spans.size === nodes.length && years(a) ? years(a)! : localName(node);
      graph.setNodeAttribute(node, "qualifier", qualifier);
    });
  }
}

/** The label sigma draws: the data's label, qualified when it has a homonym. */
export function displayLabel(a: { label: string; qualifier?: string }): string {
  return a.qualifier ? `${a.label} (${a.qualifier})` : a.label;
}
