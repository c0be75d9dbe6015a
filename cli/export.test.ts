/**
 * caspian export, end to end in-process: each format is produced from the embedded data by the
 * real engine and parsed back with an independent reader, and its content is checked.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parse as parseCsv } from "csv-parse/sync";
import { Parser } from "n3";
import * as oxigraph from "oxigraph";
import gexf from "graphology-gexf";
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { pngInfo } from "../client/exports/pngDpi.ts";
import { parseExportArgs } from "./exportArgs.ts";
import { runExport } from "./runExport.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const shots = fileURLToPath(new URL("../screenshots/figures/", import.meta.url));
mkdirSync(shots, { recursive: true });

const exportText = async (args: string[]) => (await runExport(parseExportArgs(args)))[0]!.bytes.toString("utf8");
const TREATY_VIEW = ["--kind", "actor,treaty", "--from", "1800", "--to", "1850"];

function svgTexts(svg: string): { labels: string[]; legend: string[] } {
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", textNodeName: "#text", isArray: () => true }).parse(svg);
  const labels: string[] = [];
  const legend: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "text") {
        for (const t of value as Record<string, unknown>[]) {
          const raw = t["#text"];
          const text = String((Array.isArray(raw) ? raw[0] : raw) ?? "");
          if (t["@data-legend"]) legend.push(String(t["@data-legend"]));
          else labels.push(text);
        }
      } else walk(value);
    }
  };
  walk(doc);
  return { labels, legend };
}

describe("caspian export", () => {
  it("writes a well-formed SVG whose texts carry the labels and whose legend lists exactly the classes shown", async () => {
    const svg = await exportText(["--format", "svg", ...TREATY_VIEW, "--title", "Treaties & parties <1800–1850>"]);
    expect(XMLValidator.validate(svg)).toBe(true);
    const { labels, legend } = svgTexts(svg);
    expect(labels).toEqual(expect.arrayContaining(["Treaty of Turkmenchay", "Iran", "Russia", "Treaties & parties <1800–1850>"]));
    expect(legend.filter((l) => l.startsWith("node:")).sort()).toEqual(["node:actor", "node:treaty"]);
    expect(svg).toContain("<dc:source>sha256:");
    expect(svg).toMatch(/<dc:creator>caspian \d+\.\d+\.\d+<\/dc:creator>/);
    writeFileSync(`${shots}treaties.svg`, svg);
  });

  it("gives byte-identical SVG for the same input", async () => {
    const a = await exportText(["--format", "svg", "--style", "greyscale", "--preset", "single"]);
    const b = await exportText(["--format", "svg", "--style", "greyscale", "--preset", "single"]);
    expect(a).toBe(b);
  });

  it("writes a vector PDF with the labels as text and the font embedded, which pdftoppm renders", async () => {
    const [file] = await runExport(parseExportArgs(["--format", "pdf", ...TREATY_VIEW, "--out", "x.pdf"]));
    const pdf = `${shots}treaties.pdf`;
    writeFileSync(pdf, file!.bytes);
    const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
    for (const label of ["Treaty of Turkmenchay", "Iran", "Russia"]) expect(text).toContain(label);
    expect(execFileSync("pdffonts", [pdf], { encoding: "utf8" })).toMatch(/DejaVuSans.*yes\s+yes/);
    execFileSync("pdftoppm", ["-png", "-r", "150", "-singlefile", pdf, `${shots}treaties-pdf`]);
    expect(pngInfo(new Uint8Array(execFileSync("cat", [`${shots}treaties-pdf.png`]))).width).toBeGreaterThan(900);
  });

  it("writes a PNG of the requested pixel width and DPI", async () => {
    const [file] = await runExport(parseExportArgs(["--format", "png", "--dpi", "300", "--width", "89mm", "--out", "x.png"]));
    writeFileSync(`${shots}default-single-300dpi.png`, file!.bytes);
    const info = pngInfo(new Uint8Array(file!.bytes));
    expect(info.width).toBe(Math.round((89 / 25.4) * 300));
    expect(info.dpiX).toBeCloseTo(300, 0);
    expect(info.dpiY).toBeCloseTo(300, 0);
  });

  it("writes GEXF 1.3 that xmllint accepts and graphology re-imports with the same nodes, edges and years", async () => {
    const text = await exportText(["--format", "gexf", ...TREATY_VIEW]);
    const svg = await exportText(["--format", "caption", ...TREATY_VIEW]);
    const file = `${shots}treaties.gexf`;
    writeFileSync(file, text);
    execFileSync("xmllint", ["--noout", file]);
    const graph = gexf.parse(MultiDirectedGraph, text);
    const counts = /^(\d+) entities and (\d+) relations/.exec(svg)!;
    expect(graph.order).toBe(Number(counts[1]));
    expect(graph.size).toBe(Number(counts[2]));
    expect(text).toContain('mode="dynamic" timeformat="integer"');
    expect(text).toMatch(/label="Treaty of Turkmenchay" start="1828" end="1828"/);
    const iran = graph.getNodeAttributes("https://w3id.org/caspian/data/Iran");
    expect(iran).toMatchObject({ label: "Iran", kind: "actor", color: "rgb(0,114,178)" });
    expect(typeof iran.x).toBe("number");
    expect(iran.size).toBeGreaterThan(3);
  });

  it("writes nodes.csv and edges.csv that parse back with labels, classes, years and evidence", async () => {
    const files = await runExport(parseExportArgs(["--format", "csv", ...TREATY_VIEW, "--out", "dir"]));
    const nodes = parseCsv(files.find((f) => f.name === "nodes.csv")!.bytes, { columns: true }) as Record<string, string>[];
    const edges = parseCsv(files.find((f) => f.name === "edges.csv")!.bytes, { columns: true }) as Record<string, string>[];
    const turkmenchay = nodes.find((n) => n.label === "Treaty of Turkmenchay")!;
    expect(turkmenchay).toMatchObject({ kind: "treaty", start_year: "1828" });
    const party = edges.find((e) => e.target_label === "Treaty of Turkmenchay" && e.source_label === "Russia");
    expect(party?.relation).toBe("treatyParty");
    expect(edges.some((e) => (e.evidence ?? "").includes('"'))).toBe(true);
  });

  it("writes the view's RDF as N-Triples, Turtle and JSON-LD that re-parse to the same triples", async () => {
    const nt = await exportText(["--format", "nt", ...TREATY_VIEW]);
    const ttl = await exportText(["--format", "ttl", ...TREATY_VIEW]);
    const jsonld = await exportText(["--format", "jsonld", ...TREATY_VIEW]);
    const canon = (quads: { subject: unknown; predicate: unknown; object: unknown }[]) =>
      [...new Set(quads.map((q) => oxigraph.triple(q.subject as never, q.predicate as never, q.object as never).toString()))].sort();
    const fromNt = canon(oxigraph.parse(nt, { format: "application/n-triples" }));
    expect(fromNt.length).toBeGreaterThan(50);
    expect(canon(oxigraph.parse(ttl, { format: "text/turtle" }))).toEqual(fromNt);
    expect(canon(oxigraph.parse(jsonld, { format: "application/ld+json" }))).toEqual(fromNt);
    expect(new Parser().parse(ttl).length).toBe(fromNt.length);
    expect(nt).toContain('<https://w3id.org/caspian/data/Iran> <http://www.w3.org/2000/01/rdf-schema#label> "Iran"');
  });

  it("writes a BibTeX file with the article and the works cited behind the edges, under stable keys", async () => {
    const bib = await exportText(["--format", "bib"]);
    expect(bib).toMatch(/@misc\{KaramiArticle,/);
    expect(bib).toMatch(/@book\{Savory2002,/);
    const keys = [...bib.matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1]);
    expect(new Set(keys).size).toBe(keys.length);
    expect(bib.split("{").length).toBe(bib.split("}").length);
  });

  it("draws one panel per named period in a small-multiples figure", async () => {
    const svg = await exportText(["--format", "svg", "--periods", "Safavid,Qajar,Pahlavi,post-Soviet"]);
    expect(XMLValidator.validate(svg)).toBe(true);
    const headings = [...svg.matchAll(/class="panel-heading"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(headings).toHaveLength(4);
    expect(headings[0]).toMatch(/^Safavid \(\d{4}–\d{4}\)$/);
    expect(headings[3]).toMatch(/^post-Soviet \(1991–/);
    writeFileSync(`${shots}periods.svg`, svg);
  });

  it("makes the view from a CONSTRUCT file and records the query in the figure", async () => {
    const svg = await exportText(["--format", "svg", "--query", `${root}examples/fig-treaties.rq`]);
    const { labels } = svgTexts(svg);
    expect(labels).toEqual(expect.arrayContaining(["Treaty of Turkmenchay", "Iran", "Russia"]));
    expect(svg).toContain("<dc:description># Figure: the treaties");
  });

  it("refuses a --query that is not a CONSTRUCT, naming the file", async () => {
    const file = `${shots}select.rq`;
    writeFileSync(file, "SELECT * WHERE { ?s ?p ?o } LIMIT 1");
    await expect(runExport(parseExportArgs(["--format", "svg", "--query", file]))).rejects.toMatchObject({
      code: "BAD_QUERY",
      message: expect.stringContaining("select.rq: a SELECT query"),
    });
  });

  it("draws only the dyad and its third parties under --lens", async () => {
    const text = await exportText(["--format", "csv", "--lens", "iran-russia"]);
    const nodes = parseCsv(text, { columns: true }) as Record<string, string>[];
    const labels = nodes.map((n) => n.label);
    expect(labels).toEqual(expect.arrayContaining(["Iran", "Russia", "Britain"]));
    expect(labels).not.toContain("Treaty of Turkmenchay");
    expect(await exportText(["--format", "caption", "--lens", "iran-russia"])).toMatch(/third parties of Iran–Russia/);
  });

  it("draws a data file given with --data, keeping a hostile label as text", async () => {
    const file = `${shots}hostile.ttl`;
    writeFileSync(file, `@prefix cas: <https://w3id.org/caspian/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<urn:x:a> a cas:State ; rdfs:label "Zed <script>alert('x')</script> & \\"Co\\"" ; cas:threatened <urn:x:b> .
<urn:x:b> a cas:State ; rdfs:label "Ally" .
`);
    const args = ["--no-default-data", "--data", `${root}ontology`, "--data", file, "--kind", "actor"];
    const svg = await exportText(["--format", "svg", ...args]);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svgTexts(svg).labels).toEqual(expect.arrayContaining([`Zed <script>alert('x')</script> & "Co"`, "Ally"]));
    expect(svg).not.toContain("<script>");
    const graphml = await exportText(["--format", "graphml", ...args]);
    expect(XMLValidator.validate(graphml)).toBe(true);
  });

  it("reads Wikidata-shaped data under --profile wikidata and none of it under an explicit --profile default", async () => {
    const args = (profile: string) => ["--format", "csv", "--no-default-data", "--data", `${root}server/graph/fixtures/wikidata-treaties.ttl`, "--profile", profile, "--out", "dir"];
    const nodes = async (profile: string) => parseCsv((await runExport(parseExportArgs(args(profile))))[0]!.bytes, { columns: true }) as { label: string; start_year: string }[];
    expect((await nodes("wikidata")).find((n) => n.label === "Treaty of Gulistan")).toMatchObject({ start_year: "1813" });
    // The data has wdt:P31 statements, so auto would pick wikidata; default reads rdf:type only.
    expect(await nodes("default")).toEqual([]);
  });

  it("runs as `caspian export` through the bin and refuses a bad flag with exit code 2", () => {
    const bin = `${root}bin/caspian.mjs`;
    const ok = spawnSync(process.execPath, [bin, "export", "--format", "caption", "--class", "treaty"], { encoding: "utf8" });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/node classes: Treaty/);
    const bad = spawnSync(process.execPath, [bin, "export", "--format", "svg", "--kind", "emperor"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--kind");
  });
});
