/**
 * GEXF 1.3
 * ========
 * The figure as a GEXF 1.3 file for Gephi: viz positions, colours and sizes as drawn, the node
 * class and relation kind as attributes, and start/end years as dynamic intervals
 * (timeformat "integer", years BC negative) so Gephi's timeline plays the data's history.
 * Things without years get no interval and stay visible all the time.
 */
import type { Figure } from "./figure.ts";
import { escapeXml, num } from "./xmlText.ts";

export interface GexfOptions {
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

const att = (id: string, value: string | number | boolean | undefined) =>
  value === undefined || value === "" ? "" : `<attvalue for="${id}" value="${escapeXml(String(value))}"/>`;

export function toGexf(figure: Figure, options: GexfOptions = {}): string {
  const lines: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">`,
    `  <meta>`,
    options.creator ? `    <creator>${escapeXml(options.creator)}</creator>` : "",
    options.description ? `    <description>${escapeXml(options.description)}</description>` : "",
    `  </meta>`,
    `  <graph defaultedgetype="directed" mode="dynamic" timeformat="integer" timerepresentation="interval">`,
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
    `    </attributes>`,
    `    <nodes>`,
  ].filter(Boolean);
  for (const n of figure.nodes) {
    const color = options.nodeColor ? options.nodeColor(n.key, n.color) : n.color;
    lines.push(
      `      <node id="${escapeXml(n.key)}" label="${escapeXml(n.label)}"${interval(n)}>` +
        `<attvalues>${att("iri", n.key)}${att("kind", n.kind)}${att("class", n.classLabel)}${att("classIri", n.classIri)}${att("evidenceCount", n.evidenceCount)}${n.disputed ? att("disputed", true) : ""}</attvalues>` +
        `<viz:color ${rgb(color)}/><viz:position x="${num(n.x, 3)}" y="${num(n.y, 3)}" z="0"/><viz:size value="${num(n.size, 3)}"/>` +
        `</node>`,
    );
  }
  lines.push(`    </nodes>`, `    <edges>`);
  for (const e of figure.edges) {
    lines.push(
      `      <edge id="${escapeXml(e.key)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}" label="${escapeXml(e.label)}" weight="${num(e.size, 3)}"${interval(e)}>` +
        `<attvalues>${att("relation", e.kind)}${att("predicate", e.predicate)}${att("via", e.via)}${att("evidenceCount", e.evidenceCount)}${e.disputed ? att("disputed", true) : ""}</attvalues>` +
        `<viz:color ${rgb(e.color)}/><viz:thickness value="${num(e.size, 3)}"/><viz:shape value="solid"/>` +
        `</edge>`,
    );
  }
  lines.push(`    </edges>`, `  </graph>`, `</gexf>`, ``);
  return lines.join("\n");
}
