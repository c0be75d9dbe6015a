/**
 * Entity details
 * ==============
 * Everything the store says about one resource, in readable form: labels, classes, years,
 * editorial notes, every property with predicate and value labels, relations both ways with
 * their kinds, and the evidence behind it. Works for any IRI, n-ary nodes and evidence included.
 */
import type { EntityDetails, PropertyValue, Relation } from "../../contract/api.ts";
import type { QueryEngine, SparqlRow } from "../sparql/engine.ts";
import { NotFoundError } from "./errors.ts";
import { evidenceFor } from "./evidence.ts";
import { LabelMap } from "./labels.ts";
import { schemaIndex, type SchemaIndex } from "./schemaIndex.ts";
import { SPARQL_PREFIXES, compareStrings, int, iriOf, iriRef, selectAll } from "./sparqlText.ts";
import { CAS, NOT_A_RELATION, RDFS_COMMENT, RDFS_LABEL, RDF_TYPE, RELATIONS, SKOS_ALT, SKOS_NOTE } from "./vocabulary.ts";
import { NS } from "../rdf/namespaces.ts";
import { nameProperties, viewProfile } from "./viewProfile.ts";

/** Incoming links beyond this many are left out (a hub like Iran has a few hundred); which ones
 * is then the store's choice, as an ORDER BY before the cut costs more than the whole answer. */
export const INCOMING_LIMIT = 1000;

const SCHEMA_CLASSES = new Set([`${NS.skos}Concept`, `${NS.owl}Class`, `${NS.rdfs}Class`, `${NS.skos}ConceptScheme`]);


export async function entityDetails(engine: QueryEngine, iri: string): Promise<EntityDetails> {
  const ref = iriRef(iri);
  // The view profile's name properties (skos:prefLabel, schema:name ... by default) name a
  // resource that has no rdfs:label, here and at the other ends of its triples.
  const names = nameProperties(await viewProfile(engine));
  const nameSet = new Set(names);
  const labelOf = `OPTIONAL { ${["rdfs:label", ...names.map((p) => `<${p}>`)].map((p) => `{ ?x ${p} ?xLabel }`).join(" UNION ")} }`;
  const [exists, schema, outgoing, incoming, evidence] = await Promise.all([
    engine.ask(`ASK { { ${ref} ?p ?o } UNION { ?s ?p ${ref} } }`),
    schemaIndex(engine),
    selectAll(engine, `${SPARQL_PREFIXES}
SELECT ?p ?o ?oLabel ?oClass WHERE {
  ${ref} ?p ?o .
  ${labelOf.replaceAll("?x", "?o")}
  OPTIONAL { ?o a ?oClass }
}`),
    selectAll(engine, `${SPARQL_PREFIXES}
SELECT ?s ?p ?sLabel ?sClass WHERE {
  { SELECT DISTINCT ?s ?p WHERE { ?s ?p ${ref} . FILTER(isIRI(?s)) } LIMIT ${INCOMING_LIMIT} }
  ${labelOf.replaceAll("?x", "?s")}
  OPTIONAL { ?s a ?sClass }
}`),
    evidenceFor(engine, [iri]),
  ]);
  if (!exists) throw new NotFoundError(`No resource <${iri}> in the data. Search for a label with /api/v1/search?q=.`);

  const own = new LabelMap();
  // Names from the other common label properties, for data outside Caspian's ontology.
  const named = new LabelMap();
  const others = new Others(schema);
  const altLabels = new Set<string>();
  const comments = new LabelMap();
  const classes = new Set<string>();
  const dates = new Set<string>();
  const notes = new Set<string>();
  let startYear: number | undefined;
  let endYear: number | undefined;
  let disputed = false;
  const properties = new Map<string, PropertyValue>();
  const out = new Map<string, Relation>();

  for (const row of outgoing.rows) {
    const p = row.p!.value;
    const o = row.o!;
    others.add(row, "o");
    if (p === RDFS_LABEL) own.add(iri, o);
    else if (nameSet.has(p) && o.type === "literal") named.add(iri, o);
    else if (p === SKOS_ALT) altLabels.add(o.value);
    else if (p === RDFS_COMMENT) comments.add(iri, o);
    else if (p === RDF_TYPE && o.type === "uri") classes.add(o.value);
    else if (p === CAS.startYear) startYear = min(startYear, int(row, "o"));
    else if (p === CAS.endYear) endYear = max(endYear, int(row, "o"));
    else if (p === CAS.dateAsWritten) dates.add(o.value);
    else if (p === CAS.disputed) disputed ||= o.value === "true" || o.value === "1";
    else if (p === SKOS_NOTE) notes.add(o.value);
  }
  for (const row of incoming.rows) others.add(row, "s");

  for (const row of outgoing.rows) {
    const p = row.p!.value;
    const o = row.o!;
    const predicate = { iri: p, label: schema.label(p) };
    const value: PropertyValue["value"] =
      o.type === "uri"
        ? { iri: o.value, label: others.label(o.value) }
        : o.type === "literal"
          ? { label: o.value, ...(o.datatype ? { datatype: o.datatype } : {}), ...(o["xml:lang"] ? { lang: o["xml:lang"] } : {}) }
          : { label: "(anonymous node)" };
    properties.set(`${p} ${o.type} ${o.value}`, { predicate, value });
    if (o.type === "uri" && !NOT_A_RELATION.has(p) && !others.isSchema(o.value)) {
      out.set(`${p} ${o.value}`, { predicate, kind: RELATIONS[p]?.kind ?? "other", other: others.ref(o.value) });
    }
  }
  const inc = new Map<string, Relation>();
  for (const row of incoming.rows) {
    const p = row.p!.value;
    const s = row.s!.value;
    if (NOT_A_RELATION.has(p) && p !== CAS.evidence) continue;
    inc.set(`${p} ${s}`, { predicate: { iri: p, label: schema.label(p) }, kind: RELATIONS[p]?.kind ?? "other", other: others.ref(s) });
  }

  const info = schema.classify(classes);
  const ownEvidence = evidence.get(iri) ?? [];
  // An evidence node has no label of its own; its quote names it better than its IRI does.
  const quoted = classes.has(CAS.Evidence) ? ownEvidence.find((e) => e.iri === iri)?.quote : undefined;
  const fallbackLabel = quoted ? `Evidence: “${quoted.length > 80 ? `${quoted.slice(0, 79)}…` : quoted}”` : others.label(iri);
  if (startYear !== undefined && endYear === undefined) endYear = startYear;
  if (endYear !== undefined && startYear === undefined) startYear = endYear;
  const comment = comments.has(iri) ? comments.get(iri) : undefined;
  return {
    iri,
    label: own.has(iri) ? own.get(iri) : named.has(iri) ? named.get(iri) : fallbackLabel,
    altLabels: [...altLabels].sort(compareStrings),
    ...(comment !== undefined ? { comment } : {}),
    kind: info.kind,
    classes: [...classes].sort(compareStrings).map((c) => ({ iri: c, label: schema.label(c) })),
    ...(startYear !== undefined ? { startYear } : {}),
    ...(endYear !== undefined ? { endYear } : {}),
    ...(dates.size > 0 ? { dateAsWritten: [...dates].sort(compareStrings) } : {}),
    disputed,
    editorialNotes: [...notes].sort(compareStrings),
    properties: [...properties.values()].sort(
      (a, b) => compareStrings(a.predicate.label, b.predicate.label) || compareStrings(a.value.label, b.value.label),
    ),
    outgoing: sortRelations(out),
    incoming: sortRelations(inc),
    evidence: ownEvidence,
  };
}

/** Labels and classes of the resources on the other end of the entity's triples. */
class Others {
  private readonly labels = new LabelMap();
  private readonly classes = new Map<string, Set<string>>();
  constructor(private readonly schema: SchemaIndex) {}

  add(row: SparqlRow, v: "o" | "s") {
    const iri = iriOf(row, v);
    if (!iri) return;
    this.labels.add(iri, row[`${v}Label`]);
    const cls = iriOf(row, `${v}Class`);
    const set = this.classes.get(iri) ?? new Set();
    if (cls) set.add(cls);
    this.classes.set(iri, set);
  }

  label(iri: string): string {
    return this.labels.has(iri) ? this.labels.get(iri) : this.schema.label(iri);
  }

  isSchema(iri: string): boolean {
    return [...(this.classes.get(iri) ?? [])].some((c) => SCHEMA_CLASSES.has(c));
  }

  ref(iri: string): Relation["other"] {
    return { iri, label: this.label(iri), kind: this.schema.classify(this.classes.get(iri) ?? []).kind };
  }
}

function sortRelations(map: Map<string, Relation>): Relation[] {
  return [...map.values()].sort(
    (a, b) =>
      compareStrings(a.predicate.label, b.predicate.label) ||
      compareStrings(a.other.label, b.other.label) ||
      compareStrings(a.other.iri, b.other.iri),
  );
}

const min = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.min(a, b));
const max = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.max(a, b));
