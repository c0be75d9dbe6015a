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
import { Store, type Quad } from "n3";
import { beforeAll, describe, expect, it } from "vitest";
import { parseRdfFile, RdfSyntaxError } from "../server/rdf/parseRdf.ts";
import { formatShapeReport, validateShapes } from "../server/rdf/validateShapes.ts";
import {
  ambiguousQuotes, bibliographyMismatches, citationProblems, domainRangeMismatches, evidenceQuotes, missingThreatEdges, periodMismatches, printedReferences,
  quotesNotInSource, quotesOutsideSection, undeclaredCasTerms, undeclaredEntities, unlinkedEvidence, unrecordedCitations,
} from "./dataChecks.ts";
import { oneWayAlternatives, triplesWithoutStatement, unassertedStatements, unlinkedStatementEvidence, unsupportedAuthorStatements } from "./statementChecks.ts";
import { edtfProblems, edtfYears } from "./timeChecks.ts";

const DATA_DIR = fileURLToPath(new URL(".", import.meta.url));
const ONTOLOGY_DIR = fileURLToPath(new URL("../ontology/", import.meta.url));
const FIXTURES_DIR = join(DATA_DIR, "fixtures");
const SOURCE_TEXT = join(DATA_DIR, "source", "karami-iran-russia.txt");

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
  // shapes.ttl plus one `<topic>.shapes.ttl` per topic (bibliography, place coordinates ...).
  const shapeFiles = (await ttlFiles(ONTOLOGY_DIR)).filter((f) => /(^|[/.])shapes\.ttl$/.test(f));
  shapesQuads = await parseAll(shapeFiles);
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

  it("rejects a treaty with one party and no evidence, and a timeless threat to itself, naming the focus node and the shapes", async () => {
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
    expect(report.results).toContainEqual(expect.objectContaining(
      { focusNode: "cd:fixture-SelfThreat", path: "cas:threatSource", shape: "cas:ThreatShape", value: "cd:fixture-Iran" }));
    // No Balance of Threat element is named, and none is required: an editor must not invent one.
    expect(report.results).not.toContainEqual(expect.objectContaining(
      { focusNode: "cd:fixture-SelfThreat", path: "cas:threatElement" }));
    expect(text).toContain("cd:fixture-SelfThreat: A threat, relationship state or third-party role needs a time: cas:startYear/cas:endYear or a cas:duringPeriod. (shape cas:SituatedInTimeShape)");
  });
});

describe("every quote is the article's own words", () => {
  it("finds each oa:exact verbatim in data/source/karami-iran-russia.txt", () => {
    expect(evidenceQuotes(data).length).toBeGreaterThan(0);
    const problems = quotesNotInSource(data, sourceText);
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("pins each quote to one place in the article (unique, or made unique by oa:prefix/oa:suffix)", () => {
    const problems = ambiguousQuotes(data, sourceText);
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("finds each quote inside the section its evidence names", () => {
    const problems = quotesOutsideSection(data, sourceText);
    expect(problems, problems.join("\n")).toEqual([]);
  });


  it("records the article's citation for every quote the article backs with one", () => {
    const problems = unrecordedCitations(data, sourceText);
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("finds each cas:citationText in the paragraph of its quote, naming the work cas:cites points to", () => {
    const problems = citationProblems(data, sourceText);
    expect(problems, problems.join("\n")).toEqual([]);
  });
});

describe("every entity and term a claim uses is declared", () => {
  it("gives every object of an actor, place, period, cas:cites or cas:inSection property an rdfs:label", () => {
    const problems = undeclaredEntities(data);
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("makes each evidence's oa:hasBody include the claim that points to it", () => {
    const problems = unlinkedEvidence(data);
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("uses each cas: property within its declared domain and range", () => {
    const problems = domainRangeMismatches(data, new Store(ontologyQuads));
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("uses only cas: terms that the ontology declares", () => {
    const problems = undeclaredCasTerms(dataQuads, new Store(ontologyQuads));
    expect(problems, problems.join("\n")).toEqual([]);
  });
});

describe("claims agree with each other", () => {
  it("places a dated thing only in a period whose years overlap its own (unless marked disputed)", () => {
    const problems = periodMismatches(data);
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("states the plain edge source cas:threatened target beside every cas:Threat", () => {
    const problems = missingThreatEdges(data);
    expect(problems, problems.join("\n")).toEqual([]);
  });
});

describe("the checks catch a broken fixture, naming the evidence or claim at fault", () => {
  let broken: Store;
  beforeAll(async () => {
    broken = new Store([...(await parseRdfFile(join(DATA_DIR, "sources.ttl"))), ...(await parseRdfFile(join(FIXTURES_DIR, "broken-claims.ttl")))]);
  });

  it("lists a quote not in the article with its evidence IRI", () => {
    expect(quotesNotInSource(broken, sourceText)).toEqual([
      'cd:ev-fixture-Misquote: "Iran and Russia have always been the best of friends" is not found verbatim in the article']);
  });

  it("lists a quote that occurs more than once with nothing to pin it", () => {
    expect(ambiguousQuotes(broken, sourceText)).toEqual([
      'cd:ev-fixture-Ambiguous: the quote "the Safavid period" occurs 4 times in the article; quote more words, or add an oa:prefix/oa:suffix that makes it unique']);
  });

  it("lists a quote filed under the wrong section", () => {
    expect(quotesOutsideSection(broken, sourceText)).toEqual([
      'cd:ev-fixture-WrongSection: the quote "Agha Mohammad Khan Qajar conquered Georgia in 1795" is not in cd:section-Conclusion']);
  });

  it("lists a quote the article backs with a citation that the evidence does not record", () => {
    expect(unrecordedCitations(broken, sourceText)).toEqual([
      'cd:ev-fixture-UncitedQuote: the article cites "Savory, 2002: 122" for this quote, but the evidence has no cas:citationText "Savory, 2002: 122" (and cas:cites)']);
  });

  it("lists a citation whose cas:cites names another work", () => {
    expect(citationProblems(broken, sourceText)).toEqual([
      'cd:ev-fixture-WrongSection: cas:cites cd:ref-Savory2002, which is not labelled "Tranzio, 1980"']);
  });

  it("lists a typo in an actor IRI, an evidence about another claim, a year outside its period, a missing threat edge and an unknown term", async () => {
    expect(undeclaredEntities(broken)).toEqual(["cd:fixture-War cas:aggressor cd:fixture-Rusia, which is not declared (no rdfs:label in data/)"]);
    expect(domainRangeMismatches(broken, new Store(ontologyQuads))).toEqual(["cd:fixture-War cas:aggressor cd:fixture-Rusia: the object is not a cas:Actor (the property's range)"]);
    expect(unlinkedEvidence(broken)).toContain("cd:fixture-War cas:evidence cd:ev-fixture-WrongSection, whose oa:hasBody does not name it");
    expect(periodMismatches(broken)).toEqual(["cd:fixture-War (1813–1813) cas:duringPeriod cd:fixture-Period (1501–1722): the years do not overlap"]);
    expect(missingThreatEdges(broken)).toEqual(["cd:fixture-Threat: the plain edge cd:fixture-Russia cas:threatened cd:fixture-Iran is missing"]);
    expect(undeclaredCasTerms(broken.getQuads(null, null, null, null), new Store(ontologyQuads))).toEqual(["cas:threatLevel is used but not declared in ontology/caspian.ttl"]);
  });
});

describe("the bibliography is the reference list as printed", () => {
  it("holds every entry of the article's reference list verbatim, once", () => {
    expect(printedReferences(sourceText)).toHaveLength(28);
    const problems = bibliographyMismatches(data, sourceText);
    expect(problems, problems.join("\n")).toEqual([]);
  });
});

describe("statements carry their own evidence and attribution (stage 2)", () => {
  it("gives every triple the explorer draws a statement of its own", () => {
    const problems = triplesWithoutStatement(data);
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("asserts the triple of every cas:Statement", () => {
    const problems = unassertedStatements(data);
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("links every alternative reading both ways", () => {
    const problems = oneWayAlternatives(data);
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("gives every author's statement a quote that names its object or year", () => {
    const names = new Store([...dataQuads, ...ontologyQuads]);
    const problems = unsupportedAuthorStatements(data, names);
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("cites for a statement only evidence about that statement or its subject", () => {
    const problems = unlinkedStatementEvidence(data);
    expect(problems, problems.join("\n")).toEqual([]);
  });
});

describe("dates keep the article's precision (stage 2)", () => {
  it("parses every cas:edtf and finds it agrees with the integer outer bounds", () => {
    const problems = edtfProblems(data);
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("reads BC years in EDTF with a year zero and the integers without one", () => {
    expect(edtfYears("-0499~")).toEqual({ first: -500, last: -500 });
    expect(edtfYears("0882")).toEqual({ first: 882, last: 882 });
    expect(edtfYears("15XX")).toEqual({ first: 1500, last: 1599 });
    expect(edtfYears("1980/..")).toEqual({ first: 1980, last: undefined });
  });
});

describe("a broken statement fixture fails with a readable report", () => {
  let fixture: Quad[];
  let broken: Store;
  beforeAll(async () => {
    fixture = await parseRdfFile(join(FIXTURES_DIR, "broken-statements.ttl"));
    broken = new Store([...(await parseRdfFile(join(DATA_DIR, "sources.ttl"))), ...(await parseRdfFile(join(DATA_DIR, "agents.ttl"))), ...fixture]);
  });

  it("names each statement and shape at fault in the SHACL report", async () => {
    const report = await validateShapes([...ontologyQuads, ...broken.getQuads(null, null, null, null)], shapesQuads);
    expect(report.conforms).toBe(false);
    const text = formatShapeReport(report);
    expect(text).toContain("cd:st-fixture-NoWho — rdf:object: A statement needs exactly one rdf:object, the value of the triple. (shape cas:StatementShape)");
    expect(report.results).toContainEqual(expect.objectContaining(
      { focusNode: "cd:st-fixture-NoWho", path: "prov:wasAttributedTo", shape: "cas:StatementShape", value: "cd:Nobody" }));
    expect(report.results).toContainEqual(expect.objectContaining(
      { focusNode: "cd:st-fixture-NoWho", path: "cas:evidence", shape: "cas:StatementShape" }));
    expect(text).toContain("cd:st-fixture-EditorsSilent: A statement attributed to cd:CaspianEditors needs a skos:editorialNote giving the editors' reasoning. (shape cas:StatementShape)");
    expect(report.results).toContainEqual(expect.objectContaining(
      { focusNode: "cd:fixture-Dated", path: "cas:startYear", shape: "cas:DateQualifierShape", value: "1804" }));
    const dated = report.results.filter((r) => r.focusNode === "cd:fixture-Dated" || r.focusNode.startsWith("cd:st-fixture-Unasserted"));
    expect(dated.map((r) => r.message)).toContain("cas:latestStartYear (inner bound) is earlier than cas:startYear (outer bound).");
  });

  it("lists a drawn triple that has no statement", () => {
    expect(triplesWithoutStatement(broken)).toContain("cd:fixture-War cas:aggressor cd:fixture-Russia has no cas:Statement (add one to data/statements.ttl or data/readings.ttl)");
  });

  it("lists a statement whose triple is not asserted", () => {
    expect(unassertedStatements(broken)).toEqual([
      "cd:st-fixture-Unasserted: its triple cd:fixture-War cas:aggressor cd:fixture-Iran is not asserted in data/"]);
  });

  it("lists an author's statement whose quote does not give its year", () => {
    expect(unsupportedAuthorStatements(broken)).toEqual([
      "cd:st-fixture-UnnamedYear: attributed to cd:Karami, but none of its quotes names the year 1826; quote the words that do, or attribute it to cd:CaspianEditors with a skos:editorialNote"]);
  });

  it("lists an alternative reading linked one way only", () => {
    expect(oneWayAlternatives(broken)).toEqual(["cd:st-fixture-UnnamedYear cas:alternativeTo cd:st-fixture-OneWay, but not the other way"]);
  });

  it("lists an EDTF that does not parse and one that disagrees with its years by the BC convention", () => {
    expect(edtfProblems(broken)).toEqual([
      'cd:fixture-Dated cas:edtf "from 1804 to 1813": not a date in the Extended Date/Time Format (e.g. "1828", "1804/1813", "-0499~", "197X", "1980-21")',
      'cd:fixture-Misdated cas:edtf "-0500" means -501–-501 (historians\' years), but the outer bounds are -500–-500; a BC year in EDTF is the integer plus one (500 BC: -500, "-0499")',
    ]);
  });
});

