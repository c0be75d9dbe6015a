/**
 * Statement checks
 * ================
 * What SHACL cannot say about the stage-2 statement nodes (ontology/README.md, "Stage 2"): a
 * statement's triple is asserted in the data, rival readings point at each other both ways, and
 * an author's statement (prov:wasAttributedTo cd:Karami) rests on a quote that names what the
 * triple says — the object's name (label, altLabel or hiddenLabel) or the year. Where no quote
 * names it, the triple is the editors' reading and must be attributed to cd:CaspianEditors.
 * Each check returns one readable line per problem, naming the statement at fault.
 */
import { DataFactory, Store, type Quad } from "n3";
import { NS } from "../server/rdf/namespaces.ts";
import { shortenIri } from "../server/rdf/validateShapes.ts";
import { exactsOf } from "./dataChecks.ts";

const { namedNode } = DataFactory;
const cas = (local: string) => namedNode(`${NS.cas}${local}`);
const RDF_TYPE = namedNode(`${NS.rdf}type`);
const RDF_SUBJECT = namedNode(`${NS.rdf}subject`);
const RDF_PREDICATE = namedNode(`${NS.rdf}predicate`);
const RDF_OBJECT = namedNode(`${NS.rdf}object`);
const ATTRIBUTED_TO = namedNode(`${NS.prov}wasAttributedTo`);
const NAME_PROPERTIES = [`${NS.rdfs}label`, `${NS.skos}altLabel`, `${NS.skos}hiddenLabel`].map((p) => namedNode(p));
const OA_HAS_BODY = namedNode(`${NS.oa}hasBody`);
export const AUTHOR = `${NS.cd}Karami`;
export const EDITORS = `${NS.cd}CaspianEditors`;

type Term = Quad["object"];

export interface StatementTriple {
  statement: Quad["subject"];
  subject: Term;
  predicate: Term;
  object: Term;
}

export function statementsOf(data: Store): StatementTriple[] {
  return data.getSubjects(RDF_TYPE, cas("Statement"), null).map((statement) => ({
    statement,
    subject: data.getObjects(statement, RDF_SUBJECT, null)[0]!,
    predicate: data.getObjects(statement, RDF_PREDICATE, null)[0]!,
    object: data.getObjects(statement, RDF_OBJECT, null)[0]!,
  })).filter((s) => s.subject && s.predicate && s.object);
}

/** The names by which a quote may name a resource: its labels, without a leading article. */
export function namesOf(data: Store, node: Term): string[] {
  return NAME_PROPERTIES.flatMap((p) => data.getObjects(node, p, null))
    .map((l) => l.value.replace(/^the /i, "").trim())
    .filter((n) => n.length > 0);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Whether a quote names the object of a triple: an entity or concept by one of its names (as a
 * whole word, any case), a year by its digits (a BC year by its digits and "BC" anywhere).
 */
export function quoteNames(data: Store, quote: string, object: Term): boolean {
  if (object.termType === "Literal") {
    const year = Number(object.value);
    if (!Number.isInteger(year)) return quote.includes(object.value);
    const digits = new RegExp(`(^|[^\\d])${Math.abs(year)}([^\\d]|$)`);
    return digits.test(quote) && (year > 0 || /\bBC\b/.test(quote));
  }
  return namesOf(data, object).some((name) => new RegExp(`(^|[^\\p{L}])${escape(name)}`, "iu").test(quote));
}

/** Every statement's triple is asserted: the statement qualifies a triple, it does not replace it. */
export function unassertedStatements(data: Store): string[] {
  return statementsOf(data)
    .filter((s) => s.predicate.termType === "NamedNode" && data.countQuads(s.subject, s.predicate, s.object, null) === 0)
    .map((s) => `${shortenIri(s.statement.value)}: its triple ${shortenIri(s.subject.value)} ${shortenIri(s.predicate.value)} ${s.object.termType === "Literal" ? s.object.value : shortenIri(s.object.value)} is not asserted in data/`);
}

/** cas:alternativeTo is stated both ways, between statements about the same subject. */
export function oneWayAlternatives(data: Store): string[] {
  const problems: string[] = [];
  for (const quad of data.getQuads(null, cas("alternativeTo"), null, null)) {
    if (data.countQuads(quad.object, cas("alternativeTo"), quad.subject, null) === 0) {
      problems.push(`${shortenIri(quad.subject.value)} cas:alternativeTo ${shortenIri(quad.object.value)}, but not the other way`);
    }
  }
  return problems;
}

/**
 * An author's statement rests on a quote that names its object (or year). Where none does, the
 * triple is read from the context and belongs to the editors, with their reasoning.
 * `names` looks labels up (data and ontology together, so concepts are named too).
 */
export function unsupportedAuthorStatements(data: Store, names: Store = data): string[] {
  const problems: string[] = [];
  for (const s of statementsOf(data)) {
    if (!data.getObjects(s.statement, ATTRIBUTED_TO, null).some((a) => a.value === AUTHOR)) continue;
    const quotes = data.getObjects(s.statement, cas("evidence"), null).flatMap((ev) => exactsOf(data, ev));
    if (quotes.some((q) => quoteNames(names, q, s.object))) continue;
    const what = s.object.termType === "Literal" ? `the year ${s.object.value}` : shortenIri(s.object.value);
    problems.push(`${shortenIri(s.statement.value)}: attributed to cd:Karami, but none of its quotes names ${what}; quote the words that do, or attribute it to cd:CaspianEditors with a skos:editorialNote`);
  }
  return problems;
}

/** A statement's evidence is about that statement or the triple's subject (the claim it qualifies). */
export function unlinkedStatementEvidence(data: Store): string[] {
  const problems: string[] = [];
  for (const s of statementsOf(data)) {
    for (const ev of data.getObjects(s.statement, cas("evidence"), null)) {
      const bodies = data.getObjects(ev, OA_HAS_BODY, null).map((b) => b.value);
      if (!bodies.includes(s.statement.value) && !bodies.includes(s.subject.value)) {
        problems.push(`${shortenIri(s.statement.value)} cas:evidence ${shortenIri(ev.value)}, whose oa:hasBody names neither the statement nor ${shortenIri(s.subject.value)}`);
      }
    }
  }
  return problems;
}

/** The properties the explorer draws as edges or shows as properties (ontology/README.md, "Stage 2"). */
export const DRAWN_PROPERTIES = [
  "party", "aggressor", "target", "supporter", "mediator", "participant", "opponent", "thirdParty", "thirdPartyRoleType",
  "supports", "threatSource", "threatTarget", "threatened", "threatElement", "dyadMember", "relationshipLevel", "geography",
  "place", "territory", "fromActor", "toActor", "startYear", "endYear",
] as const;

/** Every drawn triple has a statement of its own, so its evidence and attribution are its own. */
export function triplesWithoutStatement(data: Store): string[] {
  const stated = new Set(statementsOf(data).map((s) => `${s.subject.value} ${s.predicate.value} ${s.object.value}`));
  const problems: string[] = [];
  for (const local of DRAWN_PROPERTIES) {
    for (const quad of data.getQuads(null, cas(local), null, null)) {
      if (data.has(DataFactory.quad(quad.subject, RDF_TYPE, cas("Statement")))) continue;
      if (stated.has(`${quad.subject.value} ${quad.predicate.value} ${quad.object.value}`)) continue;
      const object = quad.object.termType === "Literal" ? quad.object.value : shortenIri(quad.object.value);
      problems.push(`${shortenIri(quad.subject.value)} cas:${local} ${object} has no cas:Statement (add one to data/statements.ttl or data/readings.ttl)`);
    }
  }
  return problems;
}

