/**
 * The SVG renderer on hand-made figures: hostile labels stay text, labels never overlap,
 * the legend names exactly the kinds drawn, and the PNG DPI writer round-trips.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import type { Figure } from "./figure.ts";
import { legendEntries } from "./legend.ts";
import { placeLabels, textWidth } from "./labelPlacement.ts";
import { parseLengthMm } from "./presets.ts";
import { pngInfo, setPngDpi, writeChunks } from "./pngDpi.ts";
import { renderSvgFigure } from "./svgFigure.ts";
import { svgTexts } from "./test/svgTexts.ts";

const hostile = `<script>alert("x")</script> & 'Tsar' "Nicholas"`;
const figure: Figure = {
  nodes: [
    { key: "urn:a", label: hostile, kind: "actor", classIri: "", classLabel: "Actor", x: 0, y: 0, size: 10, color: "#0072B2", evidenceCount: 1 },
    { key: "urn:b", label: "Treaty of Turkmenchay", kind: "treaty", classIri: "", classLabel: "Treaty", x: 50, y: 20, size: 6, color: "#009E73", startYear: 1828, endYear: 1828, evidenceCount: 2 },
  ],
  edges: [
    { key: "e1", source: "urn:a", target: "urn:b", kind: "treatyParty", label: "party to", predicate: "urn:p", color: "#0072B2", size: 1.5, type: "line", evidenceCount: 1 },
  ],
};

describe("renderSvgFigure", () => {
  it("keeps a hostile label as escaped text, never as markup", () => {
    const svg = renderSvgFigure(figure, { widthMm: 89, title: hostile, caption: hostile });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain("<script>");
    const doc = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: true }).parse(svg);
    expect(JSON.stringify(doc)).not.toContain('"script"');
    expect(svg).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;Tsar&apos;");
  });

  it("prints a legend with exactly the kinds drawn", () => {
    expect(legendEntries([figure]).map((e) => `${e.type}:${e.kind}`)).toEqual(["node:actor", "node:treaty", "edge:treatyParty"]);
    const svg = renderSvgFigure(figure, { widthMm: 183, legend: false });
    expect(svg).not.toContain("data-legend");
  });

  it("is the same string for the same figure", () => {
    expect(renderSvgFigure(figure, { widthMm: 183, style: "colorblind" })).toBe(renderSvgFigure(figure, { widthMm: 183, style: "colorblind" }));
  });
});

describe("placeLabels", () => {
  it("never places two labels whose boxes overlap", () => {
    const candidates = Array.from({ length: 200 }, (_, i) => ({ key: `n${i}`, text: `Label number ${i}`, cx: (i * 37) % 300, cy: (i * 53) % 200, r: 2, priority: i % 7 }));
    const placed = placeLabels(candidates, { x0: 0, y0: 0, x1: 300, y1: 200 }, 6).labels;
    expect(placed.length).toBeGreaterThan(5);
    expect(placed.length).toBeLessThan(200);
    const boxes = placed.map((l) => {
      const w = Math.max(...l.lines.map((line) => textWidth(line, 6)));
      const x0 = l.anchor === "start" ? l.x : l.anchor === "end" ? l.x - w : l.x - w / 2;
      return { x0, x1: x0 + w, y0: l.y - 6, y1: l.y + 0.5 + (l.lines.length - 1) * 6 * 1.15 };
    });
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!, b = boxes[j]!;
        const overlapX = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
        const overlapY = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
        expect(overlapX > 0.01 && overlapY > 1.5).toBe(false);
      }
    }
  });
});

describe("print sizes", () => {
  it("reads widths in mm, cm, inches and points, and refuses anything else", () => {
    expect(parseLengthMm("183mm")).toBe(183);
    expect(parseLengthMm("7in")).toBeCloseTo(177.8);
    expect(parseLengthMm("8.9cm")).toBeCloseTo(89);
    expect(() => parseLengthMm("wide")).toThrow(expect.objectContaining({ code: "BAD_LENGTH" }));
  });

  it("writes a pHYs chunk that reads back as the DPI asked for", () => {
    const ihdr = new Uint8Array(13);
    new DataView(ihdr.buffer).setUint32(0, 640);
    new DataView(ihdr.buffer).setUint32(4, 480);
    const png = writeChunks([{ type: "IHDR", data: ihdr }, { type: "IEND", data: new Uint8Array(0) }]);
    expect(pngInfo(png).dpiX).toBeUndefined();
    const at600 = pngInfo(setPngDpi(setPngDpi(png, 300), 600));
    expect(at600).toMatchObject({ width: 640, height: 480 });
    expect(at600.dpiX).toBeCloseTo(600, 0);
  });
});

describe("edges between the same two nodes", () => {
  const pair = (edges: Figure["edges"]): Figure => ({ nodes: figure.nodes, edges });
  const edge = (key: string, source: string, target: string): Figure["edges"][number] => ({
    key, source, target, kind: "threat", label: "threatened", predicate: "urn:p", color: "#D55E00", size: 2, type: "arrow", evidenceCount: 1,
  });
  const paths = (svg: string) => [...(/<g class="edges"[^>]*>(.*?)<\/g>/.exec(svg)?.[1] ?? "").matchAll(/<path d="([^"]+)"/g)].map((m) => m[1]!);

  it("draws two reciprocal edges as two separate paths bending to opposite sides", () => {
    const drawn = paths(renderSvgFigure(pair([edge("ab", "urn:a", "urn:b"), edge("ba", "urn:b", "urn:a")]), { widthMm: 89 }));
    expect(drawn).toHaveLength(2);
    expect(drawn[0]).toMatch(/Q/);
    expect(drawn[1]).toMatch(/Q/);
    const control = (d: string) => d.split("Q")[1]!.split(" ").slice(0, 2).map(Number);
    const [a, b] = [control(drawn[0]!), control(drawn[1]!)];
    expect(Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!)).toBeGreaterThan(3);
  });

  it("draws a single edge straight and three parallel edges as three distinct paths", () => {
    expect(paths(renderSvgFigure(pair([edge("ab", "urn:a", "urn:b")]), { widthMm: 89 }))[0]).toMatch(/^M[\d. ]+L[\d. ]+$/);
    const three = paths(renderSvgFigure(pair([edge("x", "urn:a", "urn:b"), edge("y", "urn:a", "urn:b"), edge("z", "urn:b", "urn:a")]), { widthMm: 89 }));
    expect(new Set(three).size).toBe(3);
  });
});

describe("labels that do not fit", () => {
  const crowd = (n: number): Figure => ({
    nodes: Array.from({ length: n }, (_, i) => ({
      key: `urn:t${String(i).padStart(2, "0")}`, label: `Treaty of a very long place name number ${i}`, kind: "treaty" as const, classIri: "", classLabel: "Treaty",
      x: (i % 6) * 3, y: Math.floor(i / 6) * 3, size: 4, color: "#009E73", evidenceCount: 0,
    })),
    edges: [],
  });

  it("never cuts a label: it wraps it onto two lines or leaves it out", () => {
    const texts = svgTexts(renderSvgFigure(crowd(30), { widthMm: 89, legend: false }));
    for (const t of texts) expect(t.text.endsWith("…")).toBe(false);
    expect(texts.some((t) => /^Treaty of a very long place name number \d+$/.test(t.text))).toBe(true);
  });

  it("numbers every node of an asked class that finds no room and lists it in the key", () => {
    const texts = svgTexts(renderSvgFigure(crowd(30), { widthMm: 89, legend: false, labelKinds: ["treaty"] }));
    const key = texts.find((t) => t.className === "figure-key")!.text;
    for (let i = 0; i < 30; i++) {
      const name = `Treaty of a very long place name number ${i}`;
      const labelled = texts.some((t) => t.text === name);
      const keyed = new RegExp(`\\d+\u00a0${name}( ·|$)`).test(key);
      expect(labelled || keyed).toBe(true);
    }
  });

  it("prints no text under the minimum size, and honours a larger minimum", () => {
    for (const minTextPt of [undefined, 8]) {
      const texts = svgTexts(renderSvgFigure(crowd(12), { widthMm: 89, title: "T", caption: "C", labelKinds: ["treaty"], minTextPt }));
      expect(Math.min(...texts.map((t) => t.pt))).toBeGreaterThanOrEqual((minTextPt ?? 7) - 1e-9);
    }
  });
});
