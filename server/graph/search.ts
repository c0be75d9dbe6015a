/**
 * Label search
 * ============
 * Finds resources by rdfs:label, skos:altLabel, skos:hiddenLabel or the name properties of the
 * engine's view profile (viewProfile.ts: skos:prefLabel, schema:name ... by default), case- and
 * accent-insensitively, ranked exact > prefix > word prefix > substring > close spelling; the
 * resource's own label breaks ties before an alternative spelling, then shorter labels win.
 * Schema terms (classes, properties, schemes) are left out: the search is for the data. With a
 * time window, hits in it (timeWindow.ts, the views' one rule) rank before all others.
 */
import type { SearchHit } from "../../contract/api.ts";
import type { QueryEngine } from "../sparql/engine.ts";
import { LabelMap } from "./labels.ts";
import { foldText, matchFolded } from "./labelMatch.ts";
import { perEngine } from "./perEngine.ts";
import { schemaIndex } from "./schemaIndex.ts";
import { SPARQL_PREFIXES, compareStrings, iriOf, valuesClause, selectAll } from "./sparqlText.ts";
import { RDFS_LABEL } from "./vocabulary.ts";
import { nameProperties, viewProfile } from "./viewProfile.ts";
import { hasWindow, readTimeIndex, type TimeWindow } from "./timeWindow.ts";


export const DEFAULT_SEARCH_LIMIT = 10;
export const MAX_SEARCH_LIMIT = 50;

interface LabelEntry {
  iri: string;
  value: string;
  folded: string;
  /** rdfs:label (the resource's own name) rather than an alternative spelling. */
  own: boolean;
}

/** Every searchable label, read once per engine (perEngine.ts). Accent folding is not SPARQL,
 * so the labels come back whole and are ranked here; the MINUS drops the ontology's own terms
 * before they leave the store. */
const labelIndex = perEngine(async (engine) => {
  const names = nameProperties(await viewProfile(engine));
  const { rows } = await selectAll(engine, `${SPARQL_PREFIXES}
SELECT ?s ?p ?label WHERE {
  VALUES ?p { rdfs:label skos:altLabel skos:hiddenLabel ${names.map((iri) => `<${iri}>`).join(" ")} }
  ?s ?p ?label .
  FILTER(isIRI(?s))
  MINUS { VALUES ?schema { owl:Class rdfs:Class owl:ObjectProperty owl:DatatypeProperty owl:AnnotationProperty rdf:Property owl:Ontology skos:ConceptScheme } ?s a ?schema }
}`);
  const labels = new LabelMap();
  const entries: LabelEntry[] = [];
  // A resource's own name: rdfs:label, or — only for a resource that has none, as data outside
  // the ontology — the common label properties. Decided over all rows, not in row order, which
  // differs between stores.
  const hasRdfsLabel = new Set(rows.filter((row) => row.p?.value === RDFS_LABEL).map((row) => iriOf(row, "s")));
  for (const row of rows) {
    const iri = iriOf(row, "s");
    const term = row.label;
    if (!iri || !term) continue;
    const own = row.p?.value === RDFS_LABEL || (names.includes(row.p?.value ?? "") && !hasRdfsLabel.has(iri));
    if (own) labels.add(iri, term);
    entries.push({ iri, value: term.value, folded: foldText(term.value), own });
  }
  return { labels, entries };
});

export async function search(engine: QueryEngine, q: string, limit = DEFAULT_SEARCH_LIMIT, window: TimeWindow = {}): Promise<SearchHit[]> {
  const query = foldText(q);
  if (!query) return [];
  const windowed = hasWindow(window);
  const [schema, { labels, entries }, time] = await Promise.all([schemaIndex(engine), labelIndex(engine), windowed ? readTimeIndex(engine) : undefined]);

  const best = new Map<string, Candidate>();
  for (const { iri, value, folded, own } of entries) {
    const score = matchFolded(query, folded);
    if (score === 0) continue;
    const current = best.get(iri);
    const candidate = { matched: value, score, own };
    if (!current || better(candidate, current)) best.set(iri, candidate);
  }
  const inWindow = new Map<string, boolean>();
  if (time) for (const iri of best.keys()) inWindow.set(iri, time.verdict(iri, window) === "in");
  const order = ([a, x]: [string, Candidate], [b, y]: [string, Candidate]) =>
    Number(inWindow.get(b) ?? false) - Number(inWindow.get(a) ?? false) ||
    y.score - x.score ||
    Number(y.own) - Number(x.own) ||
    x.matched.length - y.matched.length ||
    compareStrings(labels.get(a), labels.get(b)) ||
    compareStrings(a, b);
  const top = firstInOrder(best, limit, order);
  const classes = await classesOf(engine, top.map(([iri]) => iri));
  return top.map(([iri, hit]) => ({
    iri,
    label: labels.get(iri),
    matched: hit.matched,
    kind: schema.classify(classes.get(iri) ?? []).kind,
    score: hit.score,
    ...(time ? { inWindow: inWindow.get(iri) ?? false } : {}),
  }));
}

type Candidate = { matched: string; score: number; own: boolean };

/** The first `limit` entries in `order`, without sorting them all: a common word in a large
 * store matches tens of thousands of labels, of which a search shows ten. */
function firstInOrder<T>(items: Iterable<T>, limit: number, order: (a: T, b: T) => number): T[] {
  const top: T[] = [];
  for (const item of items) {
    if (top.length === limit && order(item, top[limit - 1]!) >= 0) continue;
    let at = top.length;
    while (at > 0 && order(item, top[at - 1]!) < 0) at--;
    top.splice(at, 0, item);
    if (top.length > limit) top.pop();
  }
  return top;
}
function better(a: Candidate, b: Candidate): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.own !== b.own) return a.own;
  if (a.matched.length !== b.matched.length) return a.matched.length < b.matched.length;
  return a.matched < b.matched;
}

async function classesOf(engine: QueryEngine, iris: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (iris.length === 0) return result;
  const { rows } = await selectAll(engine, `SELECT ?s ?c WHERE { ${valuesClause("s", iris)} ?s a ?c }`);
  for (const row of rows) {
    const s = iriOf(row, "s");
    const c = iriOf(row, "c");
    if (s && c) result.set(s, [...(result.get(s) ?? []), c]);
  }
  return result;
}
