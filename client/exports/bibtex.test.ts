/**
 * Bibliography exports, end to end: the records are read from the real embedded store (all
 * 28 entries of the reference list plus the article, and the default view's sources as
 * `caspian export --format bib` writes them), run through Debian's `bibtex` with plain.bst, and
 * read back by citation-js (BibTeX and RIS) and JSON.parse (CSL-JSON).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SOURCES, loadDatasets } from "../../server/rdf/loadDatasets.ts";
import { EmbeddedEngine } from "../../server/sparql/embeddedEngine.ts";
import { NS } from "../../contract/namespaces.ts";
import { parseExportArgs } from "../../cli/exportArgs.ts";
import { runExport } from "../../cli/runExport.ts";
import { readBibliography, type Bibliography, type CslItem } from "./cslRecords.ts";
import { bibtexItem, toBibtex } from "./bibtex.ts";
import { toRis } from "./ris.ts";
import { toCslJson } from "./csl.ts";

let engine: EmbeddedEngine;
let all: Bibliography;
let defaultViewBib: string;
let works: string[];
let cliFiles: Awaited<ReturnType<typeof runExport>>;

beforeAll(async () => {
  const datasets = await loadDatasets(DEFAULT_SOURCES);
  engine = await EmbeddedEngine.start({ chunks: datasets.chunks, workers: 1, deadlineMs: 120_000, rowCap: 1_000_000, spare: false });
  const { rows } = await engine.select(`SELECT ?w WHERE { <${NS.cd}KaramiArticle> <${NS.dcterms}references>|<${NS.cas}cites> ?w }`);
  works = [`${NS.cd}KaramiArticle`, ...rows.map((r) => r.w!.value).sort()];
  all = await readBibliography(engine, works);
  cliFiles = await runExport(parseExportArgs(["--format", "bib,csl,ris", "--out", "dir"]));
  defaultViewBib = Buffer.from(cliFiles.find((f) => f.name?.endsWith(".bib"))!.bytes).toString("utf8");
}, 180_000);

afterAll(async () => {
  await engine?.close();
});

/** Runs bibtex with plain.bst over every entry of `bib`; returns its log and the .bbl. */
function runBibtex(bib: string): { status: number | null; log: string; bbl: string } {
  const dir = mkdtempSync(join(tmpdir(), "caspian-bibtex-"));
  try {
    writeFileSync(join(dir, "refs.bib"), bib);
    writeFileSync(join(dir, "doc.aux"), "\\relax\n\\citation{*}\n\\bibstyle{plain}\n\\bibdata{refs}\n");
    const run = spawnSync("bibtex", ["doc"], { cwd: dir, encoding: "utf8" });
    if (run.error) throw new Error(`bibtex could not run (Debian texlive-binaries + texlive-base, see scripts/ensureTestPackages.mjs): ${run.error.message}`);
    return { status: run.status, log: `${run.stdout}${readFileSync(join(dir, "doc.blg"), "utf8")}`, bbl: readFileSync(join(dir, "doc.bbl"), "utf8") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const entryTypes = (bib: string) => Object.fromEntries([...bib.matchAll(/^@(\w+)\{([^,]+),/gm)].map((m) => [m[2]!, m[1]!]));
const byId = (id: string) => all.items.find((i) => i.id === id)!;

describe("the records read from the store", () => {
  it("are the 28 entries of the reference list and the article, with the six cited-only works apart", () => {
    expect(all.items).toHaveLength(29);
    expect(all.citedOnly.map((w) => w.citation).sort()).toEqual(
      ["Afshordi, 2002", "Hermann, 1991", "HushangMahdavi, 1986", "Khalilzad, 1984", "Koolaee,1997", "Mirfendereski, 2004"]);
  });

  it("carry the printed fields: journal, volume, issue, pages, month; book, editors, publisher, place; translators in order", () => {
    expect(byId("Herzig2004")).toMatchObject({ type: "article-journal", "container-title": "International Affairs", volume: "80", issue: "3", page: "503-517", issued: { "date-parts": [[2004, 5]] } });
    expect(byId("Hubel1989")).toMatchObject({ type: "chapter", "container-title": "The Gulf War", publisher: "St. Martin's Press", "publisher-place": "New York",
      editor: [{ family: "Henns", given: "M." }, { family: "Pick", given: "O." }] });
    expect(byId("Ehteshami1999").translator).toEqual([{ family: "Mottaqi", given: "Ebrahim" }, { family: "Postinchi", given: "Zohreh" }]);
    expect(byId("Mesbahi2002a")).toMatchObject({ "container-title": "Political Dimensions and International Law Issues", "collection-title": "Recognizing the Aspects of Rape and Defense", volume: "2" });
    expect(byId("Pochtarief2003")).toMatchObject({ type: "article-newspaper", "container-title": "Krasnaia Zvezda", issued: { "date-parts": [[2003, 5, 24]] }, URL: "http://www.redstar.ru/2003/05/24", accessed: { "date-parts": [[2018, 8, 2]] } });
    expect(byId("Naderpour1991")).toMatchObject({ type: "thesis", genre: "Master's thesis", publisher: "University of Tehran", language: "fa" });
    expect(byId("KaramiArticle")).toEqual({ id: "KaramiArticle", "citation-key": "KaramiArticle", type: "article-journal",
      title: "Iran and Russia: Past Experiences and Future Prospects", author: [{ family: "Karami", given: "Jahangir" }], language: "en" });
    expect(all.unnamed).toEqual({ Clodin1998: ["translator"] });
  });

  it("give a URL only where the reference list prints one, never a data IRI", () => {
    const urls = all.items.flatMap((i) => (i.URL ? [[i.id, i.URL]] : []));
    expect(urls).toEqual([["Karami2016", "http://russiancouncil.ru/common/upload/RIAC-IRAS-Russia-Iran-Report29"], ["Pochtarief2003", "http://www.redstar.ru/2003/05/24"]]);
  });
});

describe("BibTeX", () => {
  it("runs through bibtex with plain.bst without a warning for the default view's export", () => {
    const { status, log, bbl } = runBibtex(defaultViewBib);
    expect(log).not.toMatch(/^Warning--|There (was|were) \d+ (warning|error)/m);
    expect(status).toBe(0);
    expect(bbl.match(/\\bibitem/g)?.length).toBe(Object.keys(entryTypes(defaultViewBib)).length);
    // Brace protection: plain.bst lower-cases titles but keeps "Russia" capitalised.
    expect(bbl.replace(/[{}]/g, "")).toContain("Iran and Russia: Past Experiences and Future Prospects");
  });

  it("runs through bibtex with plain.bst without a warning for the whole reference list", () => {
    const { status, log, bbl } = runBibtex(toBibtex(all));
    expect(log).not.toMatch(/^Warning--|There (was|were) \d+ (warning|error)/m);
    expect(status).toBe(0);
    expect(bbl.match(/\\bibitem/g)).toHaveLength(29);
    expect(bbl.replace(/\s+/g, " ")).toContain("In R.~Dannreuther and L.~March, editors, {\\em Russia and {Islam}, {State}, {Society} and {Radicalism}}. Routledge, London, 2010.");
  });

  it("gives each kind of work its entry type under the record's own key, and no placeholder @misc", () => {
    const types = entryTypes(toBibtex(all));
    expect(types).toMatchObject({ Savory2002: "book", Herzig2004: "article", Pochtarief2003: "article", Hubel1989: "incollection",
      Karami2016: "incollection", Mottaqi1989: "mastersthesis", Naderpour1991: "mastersthesis", KaramiArticle: "misc" });
    expect(Object.entries(types).filter(([, t]) => t === "misc").map(([k]) => k)).toEqual(["KaramiArticle"]);
    expect(Object.keys(types)).not.toContain("Khalilzad1984");
    expect(toBibtex(all)).toMatch(/^% Cited in the text but not in its reference list \(no entry\): Afshordi, 2002; .*Mirfendereski, 2004\.$/m);
  });

  it("writes the article as @misc saying what the source does not state, never an invented journal", () => {
    expect(bibtexItem(byId("KaramiArticle"))).toMatchObject({ type: "document", note: "Journal article; the source does not state its journal, volume or year" });
    expect(toBibtex(all)).not.toMatch(/url = \{https:\/\/w3id\.org/);
  });

  it("puts translators, language and the access date in the note plain.bst prints", () => {
    const bib = toBibtex(all);
    expect(bib).toContain("note = {Translated by Ebrahim Mottaqi and Zohreh Postinchi. In Persian}");
    expect(bib).toContain("note = {Translated by Amir Baghdadabadi et al. In Persian}");
    expect(bib).toContain("note = {Accessed 2 August 2018}");
  });

  it("is byte-identical from one export to the next", async () => {
    expect(toBibtex(await readBibliography(engine, [...works].reverse()))).toBe(toBibtex(all));
  });

  it("round-trips through citation-js: the .bib parses back to the same records", () => {
    const back = new Cite(toBibtex(all)).data as unknown as CslItem[];
    expect(back).toHaveLength(all.items.length);
    const core = (i: CslItem) => ({
      id: i.id, title: i.title, authors: i.author?.map((a) => `${a.family}, ${a.given}`),
      editors: i.editor?.map((a) => `${a.family}, ${a.given}`), year: i.issued?.["date-parts"][0]?.[0],
      container: i["container-title"], publisher: i.publisher, place: i["publisher-place"], volume: i.volume,
      issue: i.issue, page: i.page, url: i.URL, note: (i as { note?: string }).note,
    });
    // The same records as written: the BibTeX form of each item (issue-only numbers and translators in the note).
    const parsed = new Map(back.map((i) => [i.id, core(i)]));
    for (const item of all.items) expect(parsed.get(item.id), item.id).toEqual(core(bibtexItem(item, all.unnamed[item.id]) as unknown as CslItem));
    const types = Object.fromEntries(back.map((i) => [i.id, i.type]));
    expect(types).toMatchObject({ Savory2002: "book", Herzig2004: "article-journal", Hubel1989: "chapter", Mottaqi1989: "thesis" });
  });
});

describe("RIS and CSL-JSON for Zotero", () => {
  it("come from caspian export in one run with the BibTeX file, for the same works", () => {
    expect(cliFiles.map((f) => f.name).sort()).toEqual(["figure.bib", "figure.csl.json", "figure.ris"]);
    const text = (suffix: string) => Buffer.from(cliFiles.find((f) => f.name?.endsWith(suffix))!.bytes).toString("utf8");
    const keys = Object.keys(entryTypes(defaultViewBib)).sort();
    expect((JSON.parse(text(".csl.json")) as CslItem[]).map((i) => i.id).sort()).toEqual(keys);
    expect([...text(".ris").matchAll(/^ID {2}- (.*)$/gm)].map((m) => m[1]).sort()).toEqual(keys);
  });

  it("writes one tagged line per value, one record per work, with authors, editors and translators", () => {
    const ris = toRis(all);
    expect(ris.split("\n").filter((l) => l !== "" && !/^[A-Z][A-Z0-9] {2}- /.test(l))).toEqual([]);
    expect(ris.match(/^TY {2}- /gm)).toHaveLength(29);
    expect(ris).toContain("TI  - Lost Enlightenment: Central Asia's Golden Age from the Arab Conquest to Tamerlane");
    expect(ris).toMatch(/TY {2}- CHAP\n(?:.*\n)*?A2 {2}- Henns, M\.\n/);
    expect(ris).toContain("A4  - Postinchi, Zohreh");
  });

  it("reads the RIS back with citation-js to the same titles, authors and years", () => {
    const back = new Cite(toRis(all)).data as unknown as CslItem[];
    // RIS calls a newspaper article's author its reporter; citation-js reads it back as the string "Family, Given".
    const families = (i: CslItem & { reporter?: string }) => i.author?.map((a) => a.family).join("; ") ?? i.reporter?.split(",")[0];
    const core = (i: CslItem) => JSON.stringify([i.title, families(i), i.issued?.["date-parts"][0]?.[0]]);
    expect(toRis(all)).toMatch(/TY {2}- NEWS\n(?:.*\n)*?AU {2}- Pochtarief, Andrei\n/);
    expect(back.map(core).sort()).toEqual(all.items.map(core).sort());
  });

  it("writes CSL-JSON that parses back to the records", () => {
    expect(JSON.parse(toCslJson(all))).toEqual(all.items);
  });
});
