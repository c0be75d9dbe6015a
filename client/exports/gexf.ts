/**
 * GEXF
 * ====
 * The figure as GEXF for Gephi and networkx: viz positions, colours and sizes as drawn, the node
 * class and relation kind as attributes, and years as dynamic intervals (timeformat "integer",
 * years BC negative) so Gephi's timeline plays the data's history.
 * - Version 1.3 (gexf.net/1.3, current Gephi) or 1.2draft (www.gexf.net/1.2draft: networkx,
 *   igraph through networkx, older Gephi). Both validate against the GEXF RELAX NG; no
 *   xsi:schemaLocation, since the official 1.3 XSD is broken for viz elements.
 * - A dated thing has one interval (start/end). An undated node that takes part in dated relations
 *   in several separate intervals gets spells, one per interval, so it appears and disappears
 *   with them; undated and untied things stay visible all the time.
 * - networkx reads no viz on edges, so each edge also carries its colour and thickness as plain
 *   attributes ("color" #rrggbb, "thickness"): they survive a networkx read and write.
 */
import type { Figure, FigureEdge, FigureNode } from "./figure.ts";
import { escapeXml, num } from "./xmlText.ts";

export type GexfVersion = "1.3" | "1.2draft";

const NAMESPACES: Record<GexfVersion, { gexf: string; viz: string; version: string }> = {
  "1.3": { gexf: "http://gexf.net/1.3", viz: "http://gexf.net/1.3/viz", version: "1.3" },
  "1.2draft": { gexf: "http://www.gexf.net/1.2draft", viz: "http://www.gexf.net/1.2draft/viz", version: "1.2" },
};

export interface GexfOptions {
  version?: GexfVersion;
  creator?: string;
  description?: string;
  /** Colours by node key (as drawn); defaults to each node's own colour. */
  nodeColor?: (key: string, color: string) => string;
}

function rgb(hex: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  const [r, g, b] = m ? [m[1]!, m[2]!, m[3]!].map((c) => parseInt(c, 16)) : [153, 153, 153];
  return `r="${r}" g="${g}" b="${b}"`;
}

function interval(item: { startYear?: number; endYear?: number }): string {
  return (item.startYear !== undefined ? ` start="${item.startYear}"` : "") + (item.endYear !== undefined ? ` end="${item.endYear}"` : "");
}

type Span = [number, number];

/** The separate intervals of an undated node's dated relations, merged where they touch. */
export function nodeSpells(node: FigureNode, edges: readonly FigureEdge[]): Span[] {
  if (node.startYear !== undefined || node.endYear !== undefined) return [];
  const spans: Span[] = [];
  for (const e of edges) {
    if (e.source !== node.key && e.target !== node.key) continue;
    const start = e.startYear ?? e.endYear;
    const end = e.endYear ?? e.startYear;
    if (start !== undefined && end !== undefined) spans.push([start, end]);
  }
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1] + 1) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged.length > 1 ? merged : [];
}

function hex(color: string): string {
  return /^#[0-9a-f]{6}$/i.test(color) ? color.toLowerCase() : "#999999";
}

const att = (id: string, value: string | number | boolean | undefined) =>
  value === undefined || value === "" ? "" : `<attvalue for="${id}" value="${escapeXml(String(value))}"/>`;

export function toGexf(figure: Figure, options: GexfOptions = {}): string {
  const ns = NAMESPACES[options.version ?? "1.3"];
  const lines: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<gexf xmlns="${ns.gexf}" xmlns:viz="${ns.viz}" version="${ns.version}">`,
    `  <meta>`,
    options.creator ? `    <creator>${escapeXml(options.creator)}</creator>` : "",
    options.description ? `    <description>${escapeXml(options.description)}</description>` : "",
    `  </meta>`,
    // timerepresentation is new in 1.3; 1.2draft intervals are the default reading.
    `  <graph defaultedgetype="directed" mode="dynamic" timeformat="integer"${ns.version === "1.3" ? ` timerepresentation="interval"` : ""}>`,
    `    <attributes class="node" mode="static">`,
    `      <attribute id="iri" title="iri" type="string"/>`,
    `      <attribute id="kind" title="kind" type="string"/>`,
    `      <attribute id="class" title="class" type="string"/>`,
    `      <attribute id="classIri" title="classIri" type="string"/>`,
    `      <attribute id="evidenceCount" title="evidenceCount" type="integer"/>`,
    `      <attribute id="disputed" title="disputed" type="boolean"/>`,
    `    </attributes>`,
    `    <attributes class="edge" mode="static">`,
    `      <attribute id="relation" title="relation" type="string"/>`,
    `      <attribute id="predicate" title="predicate" type="string"/>`,
    `      <attribute id="via" title="via" type="string"/>`,
    `      <attribute id="evidenceCount" title="evidenceCount" type="integer"/>`,
    `      <attribute id="disputed" title="disputed" type="boolean"/>`,
    `      <attribute id="color" title="color" type="string"/>`,
    `      <attribute id="thickness" title="thickness" type="double"/>`,
    `    </attributes>`,
    `    <nodes>`,
  ].filter(Boolean);
  for (const n of figure.nodes) {
    const color = options.nodeColor ? options.nodeColor(n.key, n.color) : n.color;
    const spells = nodeSpells(n, figure.edges);
    const spellText = spells.length > 0 ? `<spells>${spells.map(([a, b]) => `<spell start="${a}" end="${b}"/>`).join("")}</spells>` : "";
    lines.push(
      `      <node id="${escapeXml(n.key)}" label="${escapeXml(n.label)}"${interval(n)}>` +
        `<attvalues>${att("iri", n.key)}${att("kind", n.kind)}${att("class", n.classLabel)}${att("classIri", n.classIri)}${att("evidenceCount", n.evidenceCount)}${n.disputed ? att("disputed", true) : ""}</attvalues>` +
        spellText +
        `<viz:color ${rgb(color)}/><viz:position x="${num(n.x, 3)}" y="${num(n.y, 3)}" z="0"/><viz:size value="${num(n.size, 3)}"/>` +
        `</node>`,
    );
  }
  lines.push(`    </nodes>`, `    <edges>`);
  for (const e of figure.edges) {
    lines.push(
      `      <edge id="${escapeXml(e.key)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}" label="${escapeXml(e.label)}" weight="${num(e.size, 3)}"${interval(e)}>` +
        `<attvalues>${att("relation", e.kind)}${att("predicate", e.predicate)}${att("via", e.via)}${att("evidenceCount", e.evidenceCount)}${e.disputed ? att("disputed", true) : ""}${att("color", hex(e.color))}${att("thickness", num(e.size, 3))}</attvalues>` +
        `<viz:color ${rgb(e.color)}/><viz:thickness value="${num(e.size, 3)}"/><viz:shape value="solid"/>` +
        `</edge>`,
    );
  }
  lines.push(`    </edges>`, `  </graph>`, `</gexf>`, ``);
  return lines.join("\n");
}
