/**
 * Resource facts
 * ==============
 * The facts every drawn thing may carry, read for the whole store in two queries: label, years,
 * disputed flag, event types and how many evidence nodes back it.
 */
import type { QueryEngine, SparqlJsonTerm } from "../sparql/engine.ts";
import { LabelMap } from "./labels.ts";
import { SPARQL_PREFIXES, int, selectAll, selectByPredicate } from "./sparqlText.ts";
import { CAS, RDFS_LABEL } from "./vocabulary.ts";

/** Per-resource facts every drawn thing may carry: label, years, disputed, evidence, event type. */
export interface Facts {
  labels: LabelMap;
  start: Map<string, number>;
  end: Map<string, number>;
  disputed: Set<string>;
  evidenceCount: Map<string, number>;
  eventTypes: Map<string, string[]>;
}

export async function readFacts(engine: QueryEngine): Promise<Facts> {
  const [values, counts] = await Promise.all([
    selectByPredicate(engine, [RDFS_LABEL, CAS.startYear, CAS.endYear, CAS.disputed, CAS.eventType], "isIRI(?s)"),
    selectAll(engine, `${SPARQL_PREFIXES}
SELECT ?s (COUNT(DISTINCT ?ev) AS ?n) WHERE { ?s cas:evidence ?ev } GROUP BY ?s`),
  ]);
  const facts: Facts = {
    labels: new LabelMap(),
    start: new Map(),
    end: new Map(),
    disputed: new Set(),
    evidenceCount: new Map(),
    eventTypes: new Map(),
  };
  for (const row of values.rows) {
    const s = row.s!.value;
    const p = row.p!.value;
    const o: SparqlJsonTerm = row.o!;
    if (p === RDFS_LABEL) facts.labels.add(s, o);
    else if (p === CAS.startYear) minInto(facts.start, s, int(row, "o"));
    else if (p === CAS.endYear) maxInto(facts.end, s, int(row, "o"));
    else if (p === CAS.disputed && (o.value === "true" || o.value === "1")) facts.disputed.add(s);
    else if (p === CAS.eventType && o.type === "uri") facts.eventTypes.set(s, [...(facts.eventTypes.get(s) ?? []), o.value]);
  }
  for (const row of counts.rows) {
    const n = int(row, "n");
    if (row.s && n !== undefined) facts.evidenceCount.set(row.s.value, n);
  }
  return facts;
}

// Two start years for one resource would be a data error; the widest span keeps it visible.
function minInto(map: Map<string, number>, key: string, value: number | undefined) {
  if (value !== undefined && (!map.has(key) || value < map.get(key)!)) map.set(key, value);
}
function maxInto(map: Map<string, number>, key: string, value: number | undefined) {
  if (value !== undefined && (!map.has(key) || value > map.get(key)!)) map.set(key, value);
}

export function setYears(target: { startYear?: number; endYear?: number }, facts: Facts, iri: string) {
  const start = facts.start.get(iri);
  const end = facts.end.get(iri);
  if (start !== undefined) target.startYear = start;
  if (end !== undefined) target.endYear = end;
  // A thing dated at one end only is treated as a point in time.
  if (start !== undefined && end === undefined) target.endYear = start;
  if (end !== undefined && start === undefined) target.startYear = end;
}

