/**
 * Foreign data in the graph
 * =========================
 * Resources that carry no Caspian class still belong in the explorer: every IRI with a class
 * (by the view profile's class properties: rdf:type, or wdt:P31 for Wikidata) that is not a
 * Caspian or schema-language class becomes a node of kind "other" carrying its own class IRI and
 * label, so the client colours it by class and lists the class in the legend. Its label comes
 * from the profile's label properties (English, then untagged, then any language; then the
 * profile's order of properties), its years from the profile's start/end/point-in-time
 * properties. Edges: every IRI-to-IRI statement touching such a node, labelled by its predicate.
 * Nothing is read beyond the first query when the data has no foreign resources.
 */
import { NS } from "../rdf/namespaces.ts";
import type { SparqlJsonTerm, QueryEngine } from "../sparql/engine.ts";
import type { ModelEdge, ModelNode } from "./graphModel.ts";
import { compareStrings, iriOf, localName, selectAll } from "./sparqlText.ts";
import { SOURCE_CLASSES } from "./vocabulary.ts";
import { viewProfile, yearOf, type ViewProfile } from "./viewProfile.ts";

/** Classes from these vocabularies describe schemas, not things to draw; documents (SOURCE_CLASSES) are drawn only when evidence cites them. */
const SCHEMA_NAMESPACES = [
  NS.cas, NS.owl, NS.rdfs, NS.rdf, NS.sh, "http://www.w3.org/2004/02/skos/core#Concept",
  // A store's own bookkeeping that its default graph shows (Virtuoso's quad maps, in virtrdf:,
  // and its service description).
  "http://www.openlinksw.com/schemas/virtrdf#", "http://www.w3.org/ns/sparql-service-description#",
];

export interface ForeignGraph {
  nodes: ModelNode[];
  edges: ModelEdge[];
}

const refs = (iris: readonly string[]) => iris.map((iri) => `<${iri}>`).join(" ");

export async function readForeignGraph(engine: QueryEngine, known: ReadonlySet<string>): Promise<ForeignGraph> {
  const profile = await viewProfile(engine);
  const typed = await selectAll(
    engine,
    `SELECT ?node ?class WHERE {
  VALUES ?classProperty { ${refs(profile.classes)} }
  ?node ?classProperty ?class .
  FILTER(isIRI(?node) && isIRI(?class) && !STRSTARTS(STR(?node), "${NS.cas}"))
  ${SCHEMA_NAMESPACES.map((ns) => `FILTER(!STRSTARTS(STR(?class), "${ns}"))`).join("\n  ")}
  FILTER NOT EXISTS { ?node a ?own . FILTER(STRSTARTS(STR(?own), "${NS.cas}")) }
}`,
  );
  // A document is drawn only when evidence cites it, even when it has other classes too (the
  // article itself is also a prov:Entity).
  const documents = new Set(typed.rows.filter((row) => SOURCE_CLASSES.includes(iriOf(row, "class") ?? "")).map((row) => iriOf(row, "node")));
  const classesOf = new Map<string, string[]>();
  for (const row of typed.rows) {
    const [node, cls] = [iriOf(row, "node"), iriOf(row, "class")];
    if (!node || !cls || known.has(node) || documents.has(node)) continue;
    (classesOf.get(node) ?? classesOf.set(node, []).get(node)!).push(cls);
  }
  if (classesOf.size === 0) return { nodes: [], edges: [] };
  // A document's authors, translators and publishers (directly, or through an rdf:Seq such as
  // bibo:authorList) are its bibliographic record, and the agents statements are attributed to
  // (the author, the editors) their provenance: neither is an actor of the story. The
  // bibliography is drawn only through the works the evidence cites.
  const { rows: record } = await selectAll(
    engine,
    `SELECT DISTINCT ?x WHERE {
  { VALUES ?class { ${refs(SOURCE_CLASSES)} }
    ?doc a ?class .
    { ?doc ?p ?x } UNION { ?doc ?p ?list . FILTER(isBlank(?list)) ?list ?q ?x } }
  UNION { ?statement <${NS.prov}wasAttributedTo> ?x }
  FILTER(isIRI(?x))
}`,
  );
  for (const row of record) {
    const x = iriOf(row, "x");
    if (x) classesOf.delete(x);
  }
  if (classesOf.size === 0) return { nodes: [], edges: [] };

  const [labels, years, statements] = await Promise.all([
    readLabels(engine, profile),
    selectAll(engine, `SELECT ?s ?p ?v WHERE { VALUES ?p { ${refs([...profile.start, ...profile.end, ...profile.pointInTime])} } ?s ?p ?v . FILTER(isLiteral(?v)) }`),
    selectAll(
      engine,
      `SELECT ?s ?p ?o WHERE { ?s ?p ?o . FILTER(isIRI(?s) && isIRI(?o) && !STRSTARTS(STR(?p), "${NS.cas}")) FILTER(?p NOT IN (${profile.classes.map((p) => `<${p}>`).join(", ")})) }`,
    ),
  ]);

  const span = new Map<string, { start?: number; end?: number }>();
  const role = (p: string) => (profile.start.includes(p) ? "start" : profile.end.includes(p) ? "end" : "point");
  for (const row of years.rows) {
    const [s, p, v] = [iriOf(row, "s"), iriOf(row, "p"), row.v?.value];
    const year = v === undefined ? undefined : yearOf(v);
    if (!s || !p || year === undefined || !classesOf.has(s)) continue;
    const entry = span.get(s) ?? {};
    const kind = role(p);
    if (kind !== "end") entry.start = Math.min(entry.start ?? year, year);
    if (kind !== "start") entry.end = Math.max(entry.end ?? year, year);
    span.set(s, entry);
  }

  const nodes: ModelNode[] = [];
  for (const [key, classes] of classesOf) {
    const cls = classes.sort(compareStrings)[0]!;
    const years = span.get(key);
    const start = years?.start ?? years?.end;
    const end = years?.end ?? years?.start;
    nodes.push({
      key,
      attributes: {
        label: labels.get(key) ?? localName(key),
        kind: "other",
        classIri: cls,
        classLabel: labels.get(cls) ?? localName(cls),
        evidenceCount: 0,
        ...(start !== undefined ? { startYear: start } : {}),
        ...(end !== undefined ? { endYear: end } : {}),
      },
    });
  }

  const edges: ModelEdge[] = [];
  for (const row of statements.rows) {
    const [s, p, o] = [iriOf(row, "s")!, iriOf(row, "p")!, iriOf(row, "o")!];
    if (!classesOf.has(s) && !classesOf.has(o)) continue;
    const label = labels.get(p) ?? localName(p);
    edges.push({
      key: `${s}|${p}|${o}`,
      source: s,
      target: o,
      attributes: { kind: "other", label, predicate: p, evidenceCount: 0 },
      phrase: label,
      inversePhrase: `is ${label} of`,
      claims: [],
      triples: [[s, p, o]],
    });
  }
  return { nodes, edges };
}

/** The best label of every resource by the profile: language first (en, none, other), then property order. */
export async function readLabels(engine: QueryEngine, profile: ViewProfile): Promise<Map<string, string>> {
  const { rows } = await selectAll(engine, `SELECT ?s ?p ?label WHERE { VALUES ?p { ${refs(profile.labels)} } ?s ?p ?label . FILTER(isIRI(?s) && isLiteral(?label)) }`);
  const best = new Map<string, { rank: number; value: string }>();
  for (const row of rows) {
    const [s, p, term] = [iriOf(row, "s"), iriOf(row, "p"), row.label];
    if (!s || !p || !term) continue;
    const rank = langRank(term) * 100 + profile.labels.indexOf(p);
    const current = best.get(s);
    if (!current || rank < current.rank || (rank === current.rank && term.value < current.value)) best.set(s, { rank, value: term.value });
  }
  return new Map([...best].map(([iri, { value }]) => [iri, value]));
}

function langRank(term: SparqlJsonTerm): number {
  const lang = term["xml:lang"]?.toLowerCase();
  if (lang === "en" || lang?.startsWith("en-")) return 0;
  return lang ? 2 : 1;
}
