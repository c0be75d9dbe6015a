/**
 * Bibliography
 * ============
 * What a reader citing Karami's sources relies on: each entry of the reference list is a full
 * record whose fields are the entry's own words (authors, translators, editors, title, journal,
 * volume, issue, pages, publisher, place, language, URL, access date), the article itself has
 * only what its text states, the six works cited but not listed carry only their in-text
 * citation, and ontology/bibliography.shapes.ttl rejects a broken record with a report that
 * names the record and the rule.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DataFactory, Store, type Quad, type Term } from "n3";
import { beforeAll, describe, expect, it } from "vitest";
import { parseRdfFile } from "../server/rdf/parseRdf.ts";
import { formatShapeReport, validateShapes } from "../server/rdf/validateShapes.ts";
import { NS } from "../server/rdf/namespaces.ts";
import { printedReferences } from "./dataChecks.ts";

const DATA_DIR = fileURLToPath(new URL(".", import.meta.url));
const ONTOLOGY_DIR = fileURLToPath(new URL("../ontology/", import.meta.url));
const { namedNode } = DataFactory;
const p = (prefix: keyof typeof NS, local: string) => namedNode(`${NS[prefix]}${local}`);

let store: Store;
let shapes: Quad[];
let sourceText: string;

beforeAll(async () => {
  store = new Store(await parseRdfFile(join(DATA_DIR, "sources.ttl")));
  shapes = await parseRdfFile(join(ONTOLOGY_DIR, "bibliography.shapes.ttl"));
  sourceText = await readFile(join(DATA_DIR, "source", "karami-iran-russia.txt"), "utf8");
});

const one = (s: Term, pred: ReturnType<typeof p>) => store.getObjects(s, pred, null)[0];
const all = (s: Term, pred: ReturnType<typeof p>) => store.getObjects(s, pred, null);

/** Members of an rdf:Seq in order. */
function seq(list: Term | undefined): Term[] {
  if (!list) return [];
  return store.getQuads(list, null, null, null)
    .filter((q) => /#_\d+$/.test(q.predicate.value))
    .sort((a, b) => Number(a.predicate.value.split("#_")[1]) - Number(b.predicate.value.split("#_")[1]))
    .map((q) => q.object);
}

const name = (agent: Term) => one(agent, p("foaf", "name"))?.value ?? "";
const references = () => all(p("cd", "KaramiArticle"), p("dcterms", "references"));

/**
 * Every field value of a record must be read from its printed entry: each one is checked to
 * occur in dcterms:bibliographicCitation, except where an editorial note gives the printed form.
 */
function fieldsNotInPrint(work: Term): string[] {
  const printed = one(work, p("dcterms", "bibliographicCitation"))!.value;
  const notes = all(work, p("skos", "editorialNote")).map((n) => n.value).join(" ");
  const problems: string[] = [];
  const expectPrinted = (field: string, value: string | undefined) => {
    if (!value || printed.includes(value)) return;
    // A corrected misprint: the note says what the field reads instead of the print.
    const corrections = [...notes.matchAll(/field reads(?: them in order,)? "([^"]+)"/g)].map((m) => m[1]!);
    if (!corrections.some((c) => value.includes(c))) problems.push(`${work.value} ${field} "${value}" is not in the entry as printed`);
  };
  expectPrinted("title", one(work, p("dcterms", "title"))?.value);
  for (const person of seq(one(work, p("bibo", "authorList")))) expectPrinted("author", name(person));
  for (const person of all(work, p("bibo", "translator"))) if (person.value !== `${NS.cd}EtAl`) expectPrinted("translator", name(person));
  const container = one(work, p("dcterms", "isPartOf"));
  const holders = [work, ...(container ? [container] : [])];
  for (const holder of holders) {
    if (holder !== work) expectPrinted("container title", one(holder, p("dcterms", "title"))?.value);
    for (const person of all(holder, p("bibo", "editor"))) expectPrinted("editor", name(person));
    const publisher = one(holder, p("dcterms", "publisher"));
    if (publisher) expectPrinted("publisher", name(publisher));
    const event = one(holder, p("schema", "publication"));
    if (event) expectPrinted("place", one(event, p("schema", "location"))?.value);
    for (const field of ["volume", "issue", "pages"] as const) expectPrinted(field, one(holder, p("bibo", field))?.value);
  }
  expectPrinted("year", one(work, p("dcterms", "date"))?.value);
  expectPrinted("URL", one(work, p("bibo", "uri"))?.value);
  return problems;
}

describe("each entry of the reference list is a full record read from the entry as printed", () => {
  it("has all 28 entries, each with a title, its authors in order and its year", () => {
    expect(references()).toHaveLength(printedReferences(sourceText).length);
    expect(references()).toHaveLength(28);
    for (const work of references()) {
      expect(one(work, p("dcterms", "title"))?.value, work.value).toBeTruthy();
      expect(seq(one(work, p("bibo", "authorList"))).map(name), work.value).toEqual(all(work, p("dcterms", "creator")).map((c) => c.value));
    }
  });

  it("takes every field value from the entry's own words (or the printed form in its editorial note)", () => {
    const problems = references().flatMap(fieldsNotInPrint);
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("records translators, editors, language, pages, URL and access date exactly where the entry prints them", () => {
    for (const work of references()) {
      const printed = one(work, p("dcterms", "bibliographicCitation"))!.value;
      const container = one(work, p("dcterms", "isPartOf"));
      const label = work.value;
      expect(all(work, p("bibo", "translator")).length > 0, `${label} translators`).toBe(/\btrans\b/.test(printed));
      expect(container ? all(container, p("bibo", "editor")).length > 0 : false, `${label} editors`).toBe(/\beds\./.test(printed));
      expect(one(work, p("dcterms", "language"))?.value, `${label} language`).toBe(/\(in Persian\)/i.test(printed) ? "fa" : undefined);
      expect(one(work, p("bibo", "pages"))?.value, `${label} pages`).toBe(printed.match(/: (\d+-\d+)\.$/)?.[1]);
      expect(one(work, p("bibo", "uri"))?.value, `${label} URL`).toBe(printed.match(/Available at: (\S+)/)?.[1]);
      expect(one(work, p("dcterms", "dateSubmitted"))?.value, `${label} access date`).toBe(/accessed on: 2 August 2018/.test(printed) ? "2018-08-02" : undefined);
    }
  });

  it("keeps the translators of Ehteshami (1999) in printed order, and the editors of Hubel's book", () => {
    const ehteshami = p("cd", "ref-Ehteshami1999");
    const people = seq(one(ehteshami, p("bibo", "contributorList"))).map(name);
    expect(people).toEqual(["Ehteshami, Anoushirvan", "Ebrahim Mottaqi", "Zohreh Postinchi"]);
    const book = one(p("cd", "ref-Hubel1989"), p("dcterms", "isPartOf"))!;
    expect(seq(one(book, p("bibo", "editorList"))).map((e) => one(e, p("foaf", "familyName"))?.value)).toEqual(["Henns", "Pick"]);
  });

  it("puts journal articles in their journal with volume, issue and pages as printed", () => {
    const herzig = p("cd", "ref-Herzig2004");
    const journal = one(herzig, p("dcterms", "isPartOf"))!;
    expect(store.has(DataFactory.quad(journal as never, p("rdf", "type"), p("bibo", "Journal")))).toBe(true);
    expect(one(journal, p("dcterms", "title"))?.value).toBe("International Affairs");
    expect([one(herzig, p("bibo", "volume"))?.value, one(herzig, p("bibo", "issue"))?.value]).toEqual(["80", "3"]);
    expect([Number(one(herzig, p("bibo", "pageStart"))?.value), Number(one(herzig, p("bibo", "pageEnd"))?.value)]).toEqual([503, 517]);
    expect(one(herzig, p("dcterms", "issued"))?.value).toBe("2004-05");
  });

  it("corrects only evident misprints in the fields and keeps the printed form in a note", () => {
    const garkani = p("cd", "ref-Garkani1989");
    expect(one(garkani, p("dcterms", "title"))?.value).toBe("Russian-British Competition in Iran from 1915-1926");
    expect(one(garkani, p("skos", "editorialNote"))?.value).toContain("11915-1926");
    expect(one(garkani, p("dcterms", "bibliographicCitation"))?.value).toContain("11915-1926");
    expect(one(p("cd", "ref-Clodin1998"), p("dcterms", "title"))?.value).toBe("From the Comintern to Cominform");
  });
});

describe("the article itself has what its text states, nothing more", () => {
  it("has the printed title, author, e-mail, keywords and language", () => {
    const article = p("cd", "KaramiArticle");
    const title = one(article, p("dcterms", "title"))!.value;
    expect(sourceText.startsWith(`${title}\n`)).toBe(true);
    const author = seq(one(article, p("bibo", "authorList")))[0]!;
    expect(sourceText).toContain(name(author));
    expect(sourceText).toContain(one(author, p("foaf", "mbox"))!.value.replace("mailto:", ""));
    for (const keyword of all(article, p("dcterms", "subject"))) expect(sourceText.split("\n").find((l) => l.startsWith("Keywords:"))).toContain(keyword.value);
  });

  it("has no journal, volume, issue, year, pages or publisher, which the text does not state, and says so", () => {
    const article = p("cd", "KaramiArticle");
    for (const [prefix, local] of [["dcterms", "isPartOf"], ["bibo", "volume"], ["bibo", "issue"], ["dcterms", "date"], ["dcterms", "issued"], ["bibo", "pages"], ["dcterms", "publisher"], ["bibo", "doi"]] as const) {
      expect(all(article, p(prefix, local)), `${prefix}:${local}`).toEqual([]);
    }
    expect(one(article, p("skos", "editorialNote"))?.value).toMatch(/states no journal, volume, issue, year/);
  });
});

describe("works cited in the text but missing from the list", () => {
  it("are the six cas:CitedWork, outside the list, each known only by an in-text citation the text prints", () => {
    const cited = store.getSubjects(p("rdf", "type"), p("cas", "CitedWork"), null);
    expect(cited.map((c) => c.value.split("ref-")[1]).sort()).toEqual(
      ["Afshordi2002", "Hermann1991", "HoushangMahdavi1986", "Khalilzad1984", "Koolaee1997", "Mirfendereski2004"]);
    for (const work of cited) {
      expect(references().some((r) => r.equals(work))).toBe(false);
      expect(sourceText).toContain(one(work, p("rdfs", "label"))!.value);
      expect(all(work, p("dcterms", "title")).concat(all(work, p("dcterms", "creator")), all(work, p("dcterms", "date")))).toEqual([]);
    }
  });
});

describe("the bibliography shapes", () => {
  it("accept data/sources.ttl", async () => {
    const report = await validateShapes(store.getQuads(null, null, null, null), shapes);
    expect(report.conforms, formatShapeReport(report)).toBe(true);
  });

  it("reject a broken bibliography, naming each record and what is wrong with it", async () => {
    const broken = await parseRdfFile(join(DATA_DIR, "fixtures", "broken-bibliography.ttl"));
    const report = await validateShapes(broken, shapes);
    expect(report.conforms).toBe(false);
    const text = formatShapeReport(report);
    for (const line of [
      "cd:fixture-BookWithoutPublisher — dcterms:publisher: Warning: A book has its dcterms:publisher as printed",
      "cd:fixture-BookWithoutPublisher — bibo:authorList: A reference needs one bibo:authorList: an rdf:Seq of its authors in printed order, each with a foaf:name.",
      "cd:fixture-ArticleInAString: An article of the reference list needs dcterms:isPartOf exactly one bibo:Journal or bibo:Newspaper (a node with its dcterms:title), not a string. (shape cas:ArticleRecordShape)",
      "cd:fixture-ArticleInAString — bibo:pageStart: bibo:pageStart is one integer, not after bibo:pageEnd. [value 30]",
      "cd:fixture-WebChapter — dcterms:isPartOf: A chapter needs dcterms:isPartOf exactly one bibo:Book",
      "cd:fixture-WebChapter — dcterms:dateSubmitted: A record with a bibo:uri needs its access date as printed",
      "cd:fixture-WebChapter — bibo:uri: bibo:uri is one http(s) URL as printed, typed xsd:anyURI. [value \"www.example.org\"]",
      "cd:fixture-WebChapter — dcterms:language: dcterms:language is one BCP 47 tag such as \"fa\" (for \"(in Persian)\"). [value \"Persian\"]",
      "cd:fixture-Pamphlet: A reference must be a bibo:Book, bibo:Chapter, bibo:Article (or bibo:AcademicArticle) or bibo:Thesis",
      "cd:fixture-Pamphlet — dcterms:title: A reference needs exactly one dcterms:title",
      "cd:fixture-Pamphlet — bibo:contributorList: A translated work needs one bibo:contributorList",
      "cd:fixture-Translator: A person of the bibliography needs a foaf:familyName",
      "cd:fixture-Afshordi2002 — dcterms:title: A cas:CitedWork has no dcterms:title",
      "cd:fixture-Afshordi2002 — ^dcterms:references: A cas:CitedWork is not among the article's dcterms:references",
    ]) expect(text).toContain(line);
  });
});
