/**
 * SVG text reader (test helper)
 * =============================
 * Every <text> of a figure SVG with its printed size: the inherited font-size times the scale
 * from user units to points at the declared width (width="89mm" over the viewBox width), and its
 * text (tspans joined by a space), its class and its data-legend. Read with fast-xml-parser, not
 * with regular expressions, so nesting and inheritance are those of the document.
 */
import { XMLParser } from "fast-xml-parser";
import { PT_PER_MM } from "../presets.ts";

export interface SvgText {
  text: string;
  /** Printed size in points at the declared width. */
  pt: number;
  className?: string;
  legend?: string;
}

type Node = Record<string, unknown> & { ":@"?: Record<string, string> };

export function svgTexts(svg: string): SvgText[] {
  const doc = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: "@", processEntities: true }).parse(svg) as Node[];
  const root = doc.find((n) => "svg" in n)!;
  const attrs = root[":@"] ?? {};
  const widthMm = Number(/^([\d.]+)mm$/.exec(attrs["@width"] ?? "")?.[1]);
  const viewBoxWidth = Number((attrs["@viewBox"] ?? "").split(/\s+/)[2]);
  if (!(widthMm > 0) || !(viewBoxWidth > 0)) throw new Error("figure SVG without a width in mm and a viewBox");
  const scale = (widthMm * PT_PER_MM) / viewBoxWidth;
  const out: SvgText[] = [];
  const textOf = (children: Node[]): string =>
    children.map((c) => ("#text" in c ? String(c["#text"]) : "tspan" in c ? textOf(c.tspan as Node[]) : "")).filter(Boolean).join(" ");
  const walk = (children: Node[], fontSize: number | undefined): void => {
    for (const child of children) {
      const name = Object.keys(child).find((k) => k !== ":@")!;
      const a = child[":@"] ?? {};
      const size = a["@font-size"] !== undefined ? Number(a["@font-size"]) : fontSize;
      if (name === "text") {
        out.push({ text: textOf(child.text as Node[]), pt: (size ?? 16) * scale, className: a["@class"], legend: a["@data-legend"] });
      } else if (Array.isArray(child[name])) walk(child[name] as Node[], size);
    }
  };
  walk(root.svg as Node[], undefined);
  return out;
}
