/**
 * Bibliographic records as CSL-JSON
 * =================================
 * The one reading of data/sources.ttl the bibliography exports share: the works of a view, read
 * from the store by SPARQL, as CSL-JSON items (the format citation-js, Zotero and pandoc speak).
 * BibTeX, RIS and CSL-JSON are then pure functions of these items (bibtex.ts, ris.ts, csl.ts).
 *
 * What goes in is what the record holds, which is what the reference list prints: people in
 * printed order (bibo:authorList, the translators' order from bibo:contributorList, the editors'
 * from the book's bibo:editorList), the book or periodical a part is in, publisher, place,
 * volume, issue, pages, month or day, language, URL and access date. A URL is only ever the
 * printed one (bibo:uri), never the record's own IRI. Works cited in the text but absent from the
 * list (cas:CitedWork) have no record: they are returned apart with their in-text citation, so an
 * export can name them without inventing an entry.
 *
 * Pure client code must not import the server, so the engine is the structural `SelectEngine`
 * below, which the server's QueryEngine satisfies.
 */
import { NS } from "../../contract/namespaces.ts";

/** The part of a SPARQL engine this module uses (the server's QueryEngine has it). */
export interface SelectEngine {
  select(query: string): Promise<{ rows: Record<string, { type: string; value: string } | undefined>[] }>;
}

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

export interface CslDate {
  "date-parts": number[][];
}

/** The CSL-JSON 1.0 fields the records fill. */
export interface CslItem {
  id: string;
  "citation-key": string;
  type: "book" | "chapter" | "article-journal" | "article-newspaper" | "thesis" | "document";
  title?: string;
  author?: CslName[];
  editor?: CslName[];
  translator?: CslName[];
  issued?: CslDate;
  "container-title"?: string;
  "collection-title"?: string;
  volume?: string;
  issue?: string;
  page?: string;
  publisher?: string;
  "publisher-place"?: string;
  genre?: string;
  language?: string;
  URL?: string;
  accessed?: CslDate;
}

/** A work the text cites that has no entry in the reference list. */
export interface CitedOnlyWork {
  id: string;
  /** The in-text citation as printed, e.g. "Khalilzad, 1984". */
  citation: string;
}

export interface Bibliography {
  items: CslItem[];
  /**
   * Contributors the entry does not name ("et al." as printed), by item id and role; CSL has no
   * name for them, so the BibTeX note says it.
   */
  unnamed: Record<string, ("author" | "translator" | "editor")[]>;
  citedOnly: CitedOnlyWork[];
}

const { bibo, dcterms, foaf, schema, rdf, rdfs, cas, cd } = NS;
const ETAL = `${cd}EtAl`;

/** Stable cite key from the IRI: cd:ref-Starr2013 → Starr2013, cd:KaramiArticle → KaramiArticle. */
export function citeKey(iri: string): string {
  const local = iri.replace(/^.*[/#]/, "").replace(/^ref-/, "");
  return local.replace(/[^A-Za-z0-9_:-]/g, "") || "source";
}

const PREFIXES = Object.entries({ bibo, dcterms, foaf, schema, rdf, rdfs, cas }).map(([p, ns]) => `PREFIX ${p}: <${ns}>`).join("\n");
const iriList = (iris: readonly string[]) => iris.map((i) => `<${i.replace(/[<>"{}|^`\\\s]/g, "")}>`).join(" ");

function worksQuery(iris: readonly string[]): string {
  return `${PREFIXES}
SELECT ?work (SAMPLE(?t) AS ?type) (SAMPLE(?ti) AS ?title) (SAMPLE(?d) AS ?date) (SAMPLE(?is) AS ?issued)
  (SAMPLE(?lang) AS ?language) (SAMPLE(?u) AS ?uri) (SAMPLE(?acc) AS ?accessed) (SAMPLE(?vol) AS ?volume)
  (SAMPLE(?iss) AS ?issue) (SAMPLE(?pg) AS ?pages) (SAMPLE(?pub) AS ?publisher) (SAMPLE(?pl) AS ?place)
  (SAMPLE(?deg) AS ?degree) (SAMPLE(?ct) AS ?containerType) (SAMPLE(?cti) AS ?containerTitle)
  (SAMPLE(?cvol) AS ?containerVolume) (SAMPLE(?coll) AS ?collectionTitle) (SAMPLE(?cw) AS ?citedOnly) (SAMPLE(?l) AS ?label)
WHERE {
  VALUES ?work { ${iriList(iris)} }
  OPTIONAL { ?work a ?t . FILTER(STRSTARTS(STR(?t), STR(bibo:))) }
  OPTIONAL { ?work a cas:CitedWork . BIND(true AS ?cw) }
  OPTIONAL { ?work rdfs:label ?l }
  OPTIONAL { ?work dcterms:title ?ti }
  OPTIONAL { ?work dcterms:date ?d }
  OPTIONAL { ?work dcterms:issued ?is }
  OPTIONAL { ?work dcterms:language ?lang }
  OPTIONAL { ?work bibo:uri ?u }
  OPTIONAL { ?work dcterms:dateSubmitted ?acc }
  OPTIONAL { ?work bibo:volume ?vol }
  OPTIONAL { ?work bibo:issue ?iss }
  OPTIONAL { ?work bibo:pages ?pg }
  OPTIONAL { ?work bibo:degree ?deg }
  OPTIONAL { ?work dcterms:isPartOf ?c . ?c a ?ct . FILTER(STRSTARTS(STR(?ct), STR(bibo:)))
    OPTIONAL { ?c dcterms:title ?cti }
    OPTIONAL { ?c bibo:volume ?cvol }
    OPTIONAL { ?c dcterms:isPartOf/dcterms:title ?coll } }
  OPTIONAL { { ?work dcterms:publisher/foaf:name ?pub } UNION { ?work dcterms:isPartOf/dcterms:publisher/foaf:name ?pub } }
  OPTIONAL { { ?work schema:publication/schema:location ?pl } UNION { ?work dcterms:isPartOf/schema:publication/schema:location ?pl } }
} GROUP BY ?work`;
}

function peopleQuery(iris: readonly string[]): string {
  return `${PREFIXES}
SELECT ?work ?role ?slot ?agent ?family ?given ?name WHERE {
  VALUES ?work { ${iriList(iris)} }
  { ?work bibo:authorList ?list . BIND("author" AS ?role) }
  UNION { ?work bibo:contributorList ?list . BIND("translator" AS ?role) }
  UNION { ?work dcterms:isPartOf/bibo:editorList ?list . BIND("editor" AS ?role) }
  ?list ?slot ?agent . FILTER(STRSTARTS(STR(?slot), STR(rdf:_)))
  FILTER(?role != "translator" || EXISTS { ?work bibo:translator ?agent })
  OPTIONAL { ?agent foaf:familyName ?family }
  OPTIONAL { ?agent foaf:givenName ?given }
  OPTIONAL { ?agent foaf:name ?name }
}`;
}

/** "2004-05" → [[2004, 5]]; "2003-05-24" → [[2003, 5, 24]]; "2013" → [[2013]]. */
function dateParts(text: string | undefined): CslDate | undefined {
  const m = text?.match(/^(-?\d{1,4})(?:-(\d\d))?(?:-(\d\d))?/);
  if (!m) return undefined;
  return { "date-parts": [[Number(m[1]), ...(m[2] ? [Number(m[2])] : []), ...(m[3] ? [Number(m[3])] : [])]] };
}

const DEGREE_GENRE: Record<string, string> = {
  [`${bibo}degrees/ma`]: "Master's thesis",
  [`${bibo}degrees/ms`]: "Master's thesis",
  [`${bibo}degrees/phd`]: "PhD thesis",
};

/** The CSL type of a bibo class, given the class of what it is part of (journal or newspaper). */
function cslType(type: string | undefined, containerType: string | undefined): CslItem["type"] {
  const local = type?.slice(bibo.length);
  if (local === "Book" || local === "EditedBook") return "book";
  if (local === "Chapter" || local === "BookSection") return "chapter";
  if (local === "Thesis") return "thesis";
  if (local === "Article" || local === "AcademicArticle") return containerType === `${bibo}Newspaper` ? "article-newspaper" : "article-journal";
  return "document";
}

type Row = Record<string, { type: string; value: string } | undefined>;

/** CSL-JSON items from the two queries' rows: pure, so it is tested on rows as well as on the store. */
export function toBibliography(works: Row[], people: Row[], order: readonly string[]): Bibliography {
  const names = new Map<string, { role: string; slot: number; name: CslName | "et al." }[]>();
  for (const p of people) {
    const work = p.work!.value;
    const slot = Number(p.slot!.value.split("#_")[1]);
    const name: CslName | "et al." = p.agent?.value === ETAL ? "et al."
      : p.family ? { family: p.family.value, ...(p.given ? { given: p.given.value } : {}) }
        : { literal: p.name?.value ?? "" };
    names.set(work, [...(names.get(work) ?? []), { role: p.role!.value, slot, name }]);
  }
  const items: CslItem[] = [];
  const unnamed: Bibliography["unnamed"] = {};
  const citedOnly: CitedOnlyWork[] = [];
  const byIri = new Map(works.map((w) => [w.work!.value, w]));
  for (const iri of order) {
    const w = byIri.get(iri);
    if (!w) continue;
    const id = citeKey(iri);
    if (w.citedOnly) {
      citedOnly.push({ id, citation: w.label?.value ?? id });
      continue;
    }
    const item: CslItem = { id, "citation-key": id, type: cslType(w.type?.value, w.containerType?.value) };
    const v = (k: string) => w[k]?.value;
    const set = <K extends keyof CslItem>(key: K, value: CslItem[K] | undefined) => {
      if (value !== undefined && value !== "") item[key] = value;
    };
    set("title", v("title"));
    for (const role of ["author", "editor", "translator"] as const) {
      const list = (names.get(iri) ?? []).filter((n) => n.role === role).sort((a, b) => a.slot - b.slot);
      const named = list.flatMap((n) => (n.name === "et al." ? [] : [n.name]));
      if (named.length) item[role] = named;
      if (list.some((n) => n.name === "et al.")) unnamed[id] = [...(unnamed[id] ?? []), role];
    }
    set("issued", dateParts(v("issued") ?? v("date")));
    if (item.type === "chapter" || item.type.startsWith("article")) set("container-title", v("containerTitle"));
    set("collection-title", v("collectionTitle"));
    set("volume", v("volume") ?? v("containerVolume"));
    set("issue", v("issue"));
    set("page", v("pages"));
    set("publisher", v("publisher"));
    set("publisher-place", v("place"));
    set("genre", DEGREE_GENRE[v("degree") ?? ""]);
    set("language", v("language"));
    set("URL", v("uri"));
    set("accessed", dateParts(v("accessed")));
    items.push(item);
  }
  return { items, unnamed, citedOnly };
}

/** Reads the records of `iris` (in that order; unknown IRIs are skipped) from the store. */
export async function readBibliography(engine: SelectEngine, iris: readonly string[]): Promise<Bibliography> {
  if (iris.length === 0) return { items: [], unnamed: {}, citedOnly: [] };
  const [works, people] = await Promise.all([engine.select(worksQuery(iris)), engine.select(peopleQuery(iris))]);
  return toBibliography(works.rows, people.rows, iris);
}
