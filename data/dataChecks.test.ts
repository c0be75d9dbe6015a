/**
 * Data checks
 * ===========
 * What a historian relies on when reading the curated graph: every file parses, the data conforms
 * to ontology/shapes.ttl under a real SHACL engine, every quote is the article's own words in the
 * section the evidence names, every entity a claim points to is declared, and the bibliography
 * is the reference list as printed. Broken fixtures in data/fixtures/ prove the checks fail
 * loudly and say where.
 */
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DataFactory, Store, type Quad } from "n3";
import { beforeAll, describe, expect, it } from "vitest";
import { NS } from "../server/rdf/namespaces.ts";
import { parseRdfFile, RdfSyntaxError } from "../server/rdf/parseRdf.ts";
import { formatShapeReport, shortenIri, validateShapes } from "../server/rdf/validateShapes.ts";

const DATA_DIR = fileURLToPath(new URL(".", import.meta.url));
const ONTOLOGY_DIR = fileURLToPath(new URL("../ontology/", import.meta.url));
const FIXTURES_DIR = join(DATA_DIR, "fixtures");
const SOURCE_TEXT = join(DATA_DIR, "source", "karami-iran-russia.txt");

const { namedNode } = DataFactory;
const cas = (local: string) => namedNode(`${NS.cas}${local}`);
const RDF_TYPE = namedNode(`${NS.rdf}type`);
const RDFS_LABEL = namedNode(`${NS.rdfs}label`);
const OA_EXACT = namedNode(`${NS.oa}exact`);
const OA_HAS_TARGET = namedNode(`${NS.oa}hasTarget`);
const OA_HAS_SELECTOR = namedNode(`${NS.oa}hasSelector`);
const OA_HAS_BODY = namedNode(`${NS.oa}hasBody`);
const CAS_ORDER = namedNode(`${NS.cas}order`);
const DCTERMS_TITLE = namedNode(`${NS.dcterms}title`);

async function ttlFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names.filter((n) => n.endsWith(".ttl")).sort().map((n) => join(dir, n));
}

async function parseAll(files: string[]): Promise<Quad[]> {
  return (await Promise.all(files.map((f) => parseRdfFile(f)))).flat();
}

let dataFiles: string[];
let ontologyQuads: Quad[];
let shapesQuads: Quad[];
let dataQuads: Quad[];
let data: Store;
let sourceText: string;

beforeAll(async () => {
  dataFiles = await ttlFiles(DATA_DIR);
  ontologyQuads = await parseRdfFile(join(ONTOLOGY_DIR, "caspian.ttl"));
  shapesQuads = await parseRdfFile(join(ONTOLOGY_DIR, "shapes.ttl"));
  dataQuads = await parseAll(dataFiles);
  data = new Store(dataQuads);
  sourceText = await readFile(SOURCE_TEXT, "utf8");
});

describe("every RDF file parses", () => {
  it("parses each .ttl file in ontology/ and data/ with n3", async () => {
    const files = [...(await ttlFiles(ONTOLOGY_DIR)), ...(await ttlFiles(DATA_DIR))];
    expect(files.length).toBeGreaterThanOrEqual(3);
    const failures: string[] = [];
    for (const file of files) {
      await parseRdfFile(file).catch((error: Error) => failures.push(error.message));
    }
    expect(failures, failures.join("\n")).toEqual([]);
  });

  it("names the file and line of a syntax error", async () => {
    const error = await parseRdfFile(join(FIXTURES_DIR, "broken-syntax.ttl")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RdfSyntaxError);
    const syntax = error as RdfSyntaxError;
    expect(syntax.code).toBe("RDF_SYNTAX");
    expect(syntax.file).toMatch(/data[\\/]fixtures[\\/]broken-syntax\.ttl$/);
    expect(syntax.line).toBe(7);
    expect(syntax.message).toMatch(/broken-syntax\.ttl line 7/);
  });
});

describe("the data conforms to the shapes", () => {
  it("validates data/*.ttl with the ontology against ontology/shapes.ttl without a violation", async () => {
    const report = await validateShapes([...ontologyQuads, ...dataQuads], shapesQuads);
    expect(report.conforms, formatShapeReport(report)).toBe(true);
  });

  it("rejects a treaty with one party and no evidence, naming the focus node and the shapes", async () => {
    const broken = await parseRdfFile(join(FIXTURES_DIR, "broken-treaty.ttl"));
    const sources = await parseRdfFile(join(DATA_DIR, "sources.ttl"));
    const report = await validateShapes([...ontologyQuads, ...sources, ...broken], shapesQuads);
    expect(report.conforms).toBe(false);
    const text = formatShapeReport(report);
    expect(text).toContain("cd:fixture-BrokenTreaty — cas:party: A treaty needs at least two parties (cas:party). (shape cas:TreatyShape)");
    expect(text).toContain("cd:fixture-BrokenTreaty — cas:evidence: Carries no cas:evidence");
    expect(text).toContain("(shape cas:ProvenanceShape)");
    expect(report.results).toContainEqual(expect.objectContaining(
      { focusNode: "cd:fixture-BrokenTreaty", path: "cas:treatyStatus", shape: "cas:TreatyShape" }));
    expect(report.results).toContainEqual(expect.objectContaining(
      { focusNode: "cd:fixture-BrokenTreaty", path: "cas:startYear", shape: "cas:StartYearShape", value: "1828" }));
    expect(report.results).toContainEqual(expect.objectContaining(
      { focusNode: "cd:ev-fixture-Iran-1", path: "oa:hasTarget", shape: "cas:EvidenceShape" }));
  });
});

/** The evidence nodes and their quotes, for messages that name them. */
function quotes(): { evidence: string; exact: string }[] {
  const out: { evidence: string; exact: string }[] = [];
  for (const ev of data.getSubjects(RDF_TYPE, cas("Evidence"), null)) {
    for (const target of data.getObjects(ev, OA_HAS_TARGET, null)) {
      for (const selector of data.getObjects(target, OA_HAS_SELECTOR, null)) {
        for (const exact of data.getObjects(selector, OA_EXACT, null)) {
          out.push({ evidence: shortenIri(ev.value), exact: exact.value });
        }
      }
    }
  }
  // Quotes hung elsewhere (not under an evidence node) must be verbatim too.
  const seen = new Set(out.map((q) => q.exact));
  for (const quad of data.getQuads(null, OA_EXACT, null, null)) {
    if (!seen.has(quad.object.value)) out.push({ evidence: `selector ${quad.subject.value}`, exact: quad.object.value });
  }
  return out;
}

describe("every quote is the article's own words", () => {
  it("finds each oa:exact verbatim in data/source/karami-iran-russia.txt", () => {
    const all = quotes();
    expect(all.length).toBeGreaterThan(0);
    const missing = all.filter((q) => !sourceText.includes(q.exact));
    expect(missing.map((q) => `${q.evidence}: "${q.exact}"`), `quotes not found verbatim in the article:\n${missing.map((q) => `  ${q.evidence}: "${q.exact}"`).join("\n")}`).toEqual([]);
  });

  it("finds each quote inside the section its evidence names", () => {
    // Section spans: from each heading line to the next, in cas:order.
    const sections = data.getSubjects(RDF_TYPE, cas("Section"), null).map((s) => ({
      iri: s.value,
      order: Number(data.getObjects(s, CAS_ORDER, null)[0]?.value),
      title: data.getObjects(s, DCTERMS_TITLE, null)[0]?.value ?? "",
    })).sort((a, b) => a.order - b.order);
    const starts = sections.map((s) => sourceText.indexOf(`\n${s.title}\n`));
    expect(starts.every((s) => s >= 0), "every section heading is found on a line of its own").toBe(true);
    const span = new Map(sections.map((s, i) => [s.iri, [starts[i]!, starts[i + 1] ?? sourceText.length] as const]));
    const misplaced: string[] = [];
    for (const ev of data.getSubjects(RDF_TYPE, cas("Evidence"), null)) {
      const section = data.getObjects(ev, cas("inSection"), null)[0];
      const range = section && span.get(section.value);
      if (!range) continue; // the shapes report a missing or unknown section
      for (const target of data.getObjects(ev, OA_HAS_TARGET, null)) {
        for (const selector of data.getObjects(target, OA_HAS_SELECTOR, null)) {
          for (const exact of data.getObjects(selector, OA_EXACT, null)) {
            let at = sourceText.indexOf(exact.value);
            let inside = false;
            while (at >= 0 && !inside) {
              inside = at >= range[0] && at < range[1];
              at = sourceText.indexOf(exact.value, at + 1);
            }
            if (!inside && sourceText.includes(exact.value)) misplaced.push(`${shortenIri(ev.value)} is not in ${shortenIri(section.value)}: "${exact.value.slice(0, 80)}"`);
          }
        }
      }
    }
    expect(misplaced, misplaced.join("\n")).toEqual([]);
  });
});

// Properties whose objects are actors, places or periods: a typo in one of these IRIs would leave
// a dangling node in the explorer.
const ENTITY_PROPERTIES = [
  "aggressor", "target", "mediator", "supporter", "participant", "party", "threatSource", "threatTarget",
  "threatened", "dyadMember", "thirdParty", "supports", "fromActor", "toActor", "periodOf", "ruler", "ruled",
  "memberOf", "ledBy", "place", "territory", "duringPeriod",
];

describe("every entity a claim points to is declared", () => {
  it("gives every object of a cas: actor, place or period property an rdfs:label in data/", () => {
    const undeclared = new Set<string>();
    for (const local of ENTITY_PROPERTIES) {
      for (const quad of data.getQuads(null, cas(local), null, null)) {
        if (quad.object.termType === "NamedNode" && data.countQuads(quad.object, RDFS_LABEL, null, null) === 0) {
          undeclared.add(`${shortenIri(quad.subject.value)} cas:${local} ${shortenIri(quad.object.value)}`);
        }
      }
    }
    expect([...undeclared], `IRIs used but never declared (typo, or missing from actors/places/periods):\n${[...undeclared].join("\n")}`).toEqual([]);
  });

  it("points every cas:cites and cas:inSection at a resource of data/sources.ttl", () => {
    const dangling: string[] = [];
    for (const local of ["cites", "inSection"]) {
      for (const quad of data.getQuads(null, cas(local), null, null)) {
        if (data.countQuads(quad.object, RDFS_LABEL, null, null) === 0) dangling.push(`${shortenIri(quad.subject.value)} cas:${local} ${shortenIri(quad.object.value)}`);
      }
    }
    expect(dangling, dangling.join("\n")).toEqual([]);
  });

  it("makes each evidence's oa:hasBody include the claim that points to it", () => {
    const unlinked: string[] = [];
    for (const quad of data.getQuads(null, cas("evidence"), null, null)) {
      if (data.countQuads(quad.object, OA_HAS_BODY, quad.subject, null) === 0) {
        unlinked.push(`${shortenIri(quad.subject.value)} cas:evidence ${shortenIri(quad.object.value)}, whose oa:hasBody does not name it`);
      }
    }
    expect(unlinked, unlinked.join("\n")).toEqual([]);
  });

  it("uses only cas: terms that the ontology declares", () => {
    const ontology = new Store(ontologyQuads);
    const unknown = new Set<string>();
    for (const quad of dataQuads) {
      for (const term of [quad.predicate, quad.object]) {
        if (term.termType === "NamedNode" && term.value.startsWith(NS.cas) && ontology.countQuads(term, RDFS_LABEL, null, null) === 0) {
          unknown.add(shortenIri(term.value));
        }
      }
    }
    expect([...unknown], `cas: terms used in data/ but not declared in ontology/caspian.ttl: ${[...unknown].join(", ")}`).toEqual([]);
  });
});

describe("claims agree with each other", () => {
  const year = (node: Quad["subject"] | Quad["object"], local: string) => {
    const value = data.getObjects(node, cas(local), null)[0]?.value;
    return value === undefined ? undefined : Number(value);
  };

  it("places a dated thing only in a period whose years overlap its own (unless marked disputed)", () => {
    const outside: string[] = [];
    for (const quad of data.getQuads(null, cas("duringPeriod"), null, null)) {
      const [start, end, periodStart, periodEnd] = [year(quad.subject, "startYear"), year(quad.subject, "endYear"), year(quad.object, "startYear"), year(quad.object, "endYear")];
      if (start === undefined || end === undefined || periodStart === undefined || periodEnd === undefined) continue;
      const disputed = data.getObjects(quad.subject, cas("disputed"), null).some((o) => o.value === "true");
      if (!disputed && (start > periodEnd || end < periodStart)) {
        outside.push(`${shortenIri(quad.subject.value)} (${start}–${end}) cas:duringPeriod ${shortenIri(quad.object.value)} (${periodStart}–${periodEnd})`);
      }
    }
    expect(outside, `dated outside the period they are placed in:\n${outside.join("\n")}`).toEqual([]);
  });

  it("states the plain edge source cas:threatened target beside every cas:Threat", () => {
    const missing: string[] = [];
    for (const threat of data.getSubjects(RDF_TYPE, cas("Threat"), null)) {
      for (const source of data.getObjects(threat, cas("threatSource"), null)) {
        for (const target of data.getObjects(threat, cas("threatTarget"), null)) {
          if (!data.has(DataFactory.quad(source as Quad["subject"], cas("threatened"), target))) {
            missing.push(`${shortenIri(threat.value)}: no ${shortenIri(source.value)} cas:threatened ${shortenIri(target.value)}`);
          }
        }
      }
    }
    expect(missing, missing.join("\n")).toEqual([]);
  });
});

describe("citations are the article's own", () => {
  const SKOS_ALT_LABEL = namedNode(`${NS.skos}altLabel`);

  it("finds each cas:citationText in the article, in the paragraph of its quote, naming the work cas:cites points to", () => {
    const paragraphs = sourceText.split("\n");
    const problems: string[] = [];
    for (const quad of data.getQuads(null, cas("citationText"), null, null)) {
      const evidence = shortenIri(quad.subject.value);
      const citation = quad.object.value;
      const exacts = data.getObjects(quad.subject, OA_HAS_TARGET, null)
        .flatMap((t) => data.getObjects(t, OA_HAS_SELECTOR, null))
        .flatMap((s) => data.getObjects(s, OA_EXACT, null)).map((e) => e.value);
      if (!sourceText.includes(citation)) problems.push(`${evidence}: citation "${citation}" is not in the article`);
      else if (!exacts.some((e) => paragraphs.some((p) => p.includes(e) && p.includes(citation)))) problems.push(`${evidence}: citation "${citation}" is not in the paragraph of its quote`);
      // "Tranznio, 1980: 33" names the work labelled or alt-labelled "Tranznio, 1980".
      const authorYear = citation.replace(/:.*$/, "").trim();
      const works = data.getObjects(quad.subject, cas("cites"), null);
      const names = works.flatMap((w) => [...data.getObjects(w, RDFS_LABEL, null), ...data.getObjects(w, SKOS_ALT_LABEL, null)]).map((n) => n.value);
      if (!names.includes(authorYear)) problems.push(`${evidence}: cas:cites ${works.map((w) => shortenIri(w.value)).join(", ") || "nothing"}, which is not labelled "${authorYear}"`);
    }
    expect(problems, problems.join("\n")).toEqual([]);
  });
});

describe("the bibliography is the reference list as printed", () => {
  it("holds every entry of the article's reference list verbatim, once", () => {
    const references = sourceText.slice(sourceText.indexOf("\nReferences\n"));
    const printed = references.split("\n").filter((l) => l.startsWith("- ")).map((l) => l.slice(2).replace(/\*/g, "").trim());
    const citations = data.getObjects(null, namedNode(`${NS.dcterms}bibliographicCitation`), null).map((o) => o.value);
    expect(printed.length).toBe(28);
    expect([...citations].sort()).toEqual([...printed].sort());
  });
});
