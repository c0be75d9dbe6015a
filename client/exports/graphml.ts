/**
 * GraphML
 * =======
 * The figure as GraphML for yEd, Cytoscape and networkx: labels, classes, years, evidence counts
 * and the drawn position, size and colour as typed <data> keys.
 */
import type { Figure } from "./figure.ts";
import { escapeXml, num } from "./xmlText.ts";

const NODE_KEYS: [string, string][] = [
  ["label", "string"], ["kind", "string"], ["class", "string"], ["classIri", "string"], ["startYear", "int"],
  ["endYear", "int"], ["evidenceCount", "int"], ["disputed", "boolean"], ["x", "double"], ["y", "double"],
  ["size", "double"], ["color", "string"],
];
const EDGE_KEYS: [string, string][] = [
  ["label", "string"], ["relation", "string"], ["predicate", "string"], ["via", "string"], ["startYear", "int"],
  ["endYear", "int"], ["evidenceCount", "int"], ["disputed", "boolean"], ["color", "string"], ["weight", "double"],
];

const data = (key: string, value: string | number | boolean | undefined) =>
  value === undefined || value === "" ? "" : `<data key="${key}">${escapeXml(String(value))}</data>`;

export function toGraphml(figure: Figure): string {
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">`,
    ...NODE_KEYS.map(([name, type]) => `  <key id="n_${name}" for="node" attr.name="${name}" attr.type="${type}"/>`),
    ...EDGE_KEYS.map(([name, type]) => `  <key id="e_${name}" for="edge" attr.name="${name}" attr.type="${type}"/>`),
    `  <graph id="caspian" edgedefault="directed">`,
  ];
  for (const n of figure.nodes) {
    lines.push(
      `    <node id="${escapeXml(n.key)}">${data("n_label", n.label)}${data("n_kind", n.kind)}${data("n_class", n.classLabel)}${data("n_classIri", n.classIri)}` +
        `${data("n_startYear", n.startYear)}${data("n_endYear", n.endYear)}${data("n_evidenceCount", n.evidenceCount)}${n.disputed ? data("n_disputed", true) : ""}` +
        `${data("n_x", num(n.x, 3))}${data("n_y", num(n.y, 3))}${data("n_size", num(n.size, 3))}${data("n_color", n.color)}</node>`,
    );
  }
  for (const e of figure.edges) {
    lines.push(
      `    <edge id="${escapeXml(e.key)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}">${data("e_label", e.label)}${data("e_relation", e.kind)}` +
        `${data("e_predicate", e.predicate)}${data("e_via", e.via)}${data("e_startYear", e.startYear)}${data("e_endYear", e.endYear)}${data("e_evidenceCount", e.evidenceCount)}` +
        `${e.disputed ? data("e_disputed", true) : ""}${data("e_color", e.color)}${data("e_weight", num(e.size, 3))}</edge>`,
    );
  }
  lines.push(`  </graph>`, `</graphml>`, ``);
  return lines.join("\n");
}
