import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Parser } from "n3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DatasetNotFoundError, DEFAULT_SOURCES, loadDatasets, UnsupportedRdfFormatError } from "./loadDatasets.ts";
import { RdfSyntaxError } from "./parseRdf.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "caspian-load-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const write = async (name: string, text: string) => {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
};

const quadsOf = (chunks: string[]) => chunks.flatMap((chunk) => new Parser({ format: "application/n-quads" }).parse(chunk));

describe("loadDatasets", () => {
  it("loads the RDF files of a folder, not its subfolders, with a triple count per file", async () => {
    await write("a.ttl", "@prefix ex: <http://example.org/> . ex:a ex:p ex:b, ex:c .");
    await write("b.nt", "<http://example.org/d> <http://example.org/p> \"d\" .\n");
    await write("notes.txt", "not RDF");
    await mkdir(join(dir, "source"));
    await writeFile(join(dir, "source", "ignored.ttl"), "this is not even Turtle");
    const loaded = await loadDatasets([dir]);
    expect(loaded.files.map((file) => [file.path.split("/").pop(), file.triples])).toEqual([["a.ttl", 2], ["b.nt", 1]]);
    expect(loaded.triples).toBe(3);
    expect(quadsOf(loaded.chunks)).toHaveLength(3);
  });

  it("puts each file in its own named graph, named after its path without any machine path", async () => {
    const path = await write("own.ttl", "<http://example.org/a> <http://example.org/p> 1 .");
    const loaded = await loadDatasets([path]);
    const graph = loaded.files[0]!.graph!;
    expect(graph).toMatch(/^urn:caspian:file:[^/]*own\.ttl$|^urn:caspian:file:.*\/own\.ttl$/);
    expect(graph).not.toContain(tmpdir());
    expect(quadsOf(loaded.chunks).map((quad) => quad.graph.value)).toEqual([graph]);
  });

  it("keeps the embedded data in the default graph", async () => {
    const loaded = await loadDatasets(DEFAULT_SOURCES);
    expect(loaded.files.every((file) => file.graph === undefined)).toBe(true);
    expect(quadsOf(loaded.chunks.slice(0, 1)).every((quad) => quad.graph.termType === "DefaultGraph")).toBe(true);
  });

  it("keeps the named graphs of TriG and reads JSON-LD and RDF/XML", async () => {
    const trig = await write("g.trig", "@prefix ex: <http://example.org/> . ex:g { ex:a ex:p ex:b } ex:c ex:p ex:d .");
    const jsonld = await write("x.jsonld", JSON.stringify({ "@id": "http://example.org/j", "http://example.org/p": "json" }));
    const rdfxml = await write(
      "y.rdf",
      `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/"><rdf:Description rdf:about="http://example.org/r"><ex:p>xml</ex:p></rdf:Description></rdf:RDF>`,
    );
    const quads = quadsOf((await loadDatasets([trig, jsonld, rdfxml])).chunks);
    expect(quads.map((quad) => [quad.subject.value, quad.graph.value.replace(/^urn:caspian:file:(.*\/)?/, "file:")])).toEqual([
      ["http://example.org/a", "http://example.org/g"],
      ["http://example.org/c", "file:g.trig"],
      ["http://example.org/j", "file:x.jsonld"],
      ["http://example.org/r", "file:y.rdf"],
    ]);
  });

  it("keeps blank nodes of different files apart", async () => {
    const one = await write("one.ttl", "_:x <http://example.org/p> 1 .");
    const two = await write("two.ttl", "_:x <http://example.org/p> 2 .");
    const quads = quadsOf((await loadDatasets([one, two])).chunks);
    expect(new Set(quads.map((quad) => quad.subject.value)).size).toBe(2);
  });

  it("stops with an error naming the file and line when a file does not parse", async () => {
    await write("good.ttl", "@prefix ex: <http://example.org/> . ex:a ex:p ex:b .");
    await write("bad.ttl", "@prefix ex: <http://example.org/> .\nex:a ex:p ex:b .\nex:c ex:p sem:missing .\n");
    const error = await loadDatasets([dir]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RdfSyntaxError);
    expect(error).toMatchObject({ code: "RDF_SYNTAX", line: 3 });
    expect(error).toMatchObject({ column: 11 });
    expect((error as Error).message).toMatch(/bad\.ttl line 3, column 11: .*sem:/);
  });

  it("names the file and line of a broken JSON-LD file, and the file of a broken RDF/XML one", async () => {
    const jsonld = await write("bad.jsonld", '{"@id": "http://example.org/a",\n "http://example.org/p": [}');
    const jsonError = await loadDatasets([jsonld]).catch((e: unknown) => e);
    expect(jsonError).toBeInstanceOf(RdfSyntaxError);
    expect(jsonError).toMatchObject({ line: 2 });
    expect((jsonError as Error).message).toMatch(/bad\.jsonld line 2, column \d+: /);
    const rdfxml = await write("bad.rdf", `<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n<rdf:Description rdf:about="http://example.org/r">\n</rdf:RDF>`);
    const xmlError = await loadDatasets([rdfxml]).catch((e: unknown) => e);
    expect(xmlError).toBeInstanceOf(RdfSyntaxError);
    expect((xmlError as Error).message).toMatch(/bad\.rdf: .*rdf:Description/);
  });

  it("refuses a missing path and a file that is not RDF", async () => {
    await expect(loadDatasets([join(dir, "nope.ttl")])).rejects.toBeInstanceOf(DatasetNotFoundError);
    await expect(loadDatasets([await write("notes.txt", "hi")])).rejects.toBeInstanceOf(UnsupportedRdfFormatError);
  });

  it("loads the embedded ontology and curated data", async () => {
    const loaded = await loadDatasets(DEFAULT_SOURCES);
    expect(loaded.files.length).toBeGreaterThan(0);
    expect(loaded.files.every((file) => /^(ontology|data)\/[^/]+$/.test(file.path) && file.triples > 0)).toBe(true);
  });
});
