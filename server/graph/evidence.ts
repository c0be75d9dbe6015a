/**
 * Evidence
 * ========
 * Reads the evidence behind claims: the quote (oa:hasTarget/oa:hasSelector/oa:exact), the
 * section, the in-text citation and the cited work with its bibliographic entry.
 */
import type { Evidence } from "../../contract/api.ts";
import type { QueryEngine } from "../sparql/engine.ts";
import { LabelMap } from "./labels.ts";
import { SPARQL_PREFIXES, bool, compareStrings, iriOf, str, valuesClause, selectAll } from "./sparqlText.ts";

/** Evidence of each claim, keyed by claim IRI, sorted by evidence IRI. A claim that is itself a
 * cas:Evidence node counts as its own evidence, so the view works for evidence nodes too. */
export async function evidenceFor(engine: QueryEngine, claims: Iterable<string>): Promise<Map<string, Evidence[]>> {
  const list = [...new Set(claims)];
  const result = new Map<string, Evidence[]>();
  if (list.length === 0) return result;
  const { rows } = await selectAll(engine, `${SPARQL_PREFIXES}
SELECT ?claim ?ev ?quote ?section ?citationText ?cites ?citesLabel ?citation ?pages ?disputed ?note WHERE {
  ${valuesClause("claim", list)}
  { ?claim cas:evidence ?ev } UNION { ?claim a cas:Evidence . BIND(?claim AS ?ev) }
  OPTIONAL { ?ev oa:hasTarget ?target . ?target oa:hasSelector ?selector . ?selector oa:exact ?quote }
  OPTIONAL { ?ev cas:inSection ?sec . ?sec dcterms:title ?section }
  OPTIONAL { ?ev cas:citationText ?citationText }
  OPTIONAL { ?ev cas:cites ?cites .
    OPTIONAL { ?cites rdfs:label ?citesLabel }
    OPTIONAL { ?cites dcterms:bibliographicCitation ?citation } }
  OPTIONAL { ?ev bibo:pages ?pages }
  OPTIONAL { ?ev cas:disputed ?disputed }
  OPTIONAL { ?ev skos:editorialNote ?note }
}`);
  const citedLabels = new LabelMap();
  for (const row of rows) {
    const cites = iriOf(row, "cites");
    if (cites) citedLabels.add(cites, row.citesLabel);
  }
  const byEvidence = new Map<string, { claims: Set<string>; evidence: Evidence }>();
  for (const row of rows) {
    const claim = iriOf(row, "claim");
    const iri = iriOf(row, "ev");
    if (!claim || !iri) continue;
    let entry = byEvidence.get(iri);
    if (!entry) {
      entry = { claims: new Set(), evidence: { iri, quote: "" } };
      byEvidence.set(iri, entry);
    }
    entry.claims.add(claim);
    const e = entry.evidence;
    // Several optional values multiply rows; keep the first (smallest) of each for determinism.
    const first = (current: string | undefined, next: string | undefined) =>
      current === undefined || (next !== undefined && next < current) ? next : current;
    const quote = str(row, "quote");
    if (quote !== undefined && (e.quote === "" || quote < e.quote)) e.quote = quote;
    e.section = first(e.section, str(row, "section"));
    e.citationText = first(e.citationText, str(row, "citationText"));
    e.pages = first(e.pages, str(row, "pages"));
    e.editorialNote = first(e.editorialNote, str(row, "note"));
    if (bool(row, "disputed")) e.disputed = true;
    const cites = iriOf(row, "cites");
    if (cites && (!e.cites || cites < e.cites.iri)) {
      e.cites = { iri: cites, label: citedLabels.get(cites) };
    }
    const citation = str(row, "citation");
    if (e.cites && cites === e.cites.iri && citation !== undefined) e.cites.citation = first(e.cites.citation, citation);
  }
  for (const { claims, evidence } of [...byEvidence.values()].sort((a, b) => compareStrings(a.evidence.iri, b.evidence.iri))) {
    for (const claim of claims) {
      const list = result.get(claim) ?? [];
      list.push(stripUndefined(evidence));
      result.set(claim, list);
    }
  }
  return result;
}

/** JSON drops undefined anyway; stripping keeps test expectations exact with toEqual. */
function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
