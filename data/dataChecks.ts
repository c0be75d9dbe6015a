/**
 * Data checks beyond SHACL
 * ========================
 * What the shapes cannot say: a quote is the article's own words and stands in the section its
 * evidence names, a citation is printed beside its quote and names the work cited, every entity a
 * claim points to is declared, dated claims sit in periods that overlap them. Each check takes the
 * curated graph as an n3 Store and returns one readable line per problem (empty when all is well),
 * naming the evidence or claim at fault.
 */
import { DataFactory, Store, type Quad } from "n3";
import { NS } from "../server/rdf/namespaces.ts";
import { shortenIri } from "../server/rdf/validateShapes.ts";

const { namedNode } = DataFactory;
const cas = (local: string) => namedNode(`${NS.cas}${local}`);
const RDF_TYPE = namedNode(`${NS.rdf}type`);
const RDFS_LABEL = namedNode(`${NS.rdfs}label`);
const SKOS_ALT_LABEL = namedNode(`${NS.skos}altLabel`);
const OA_EXACT = namedNode(`${NS.oa}exact`);
const OA_HAS_TARGET = namedNode(`${NS.oa}hasTarget`);
const OA_HAS_SELECTOR = namedNode(`${NS.oa}hasSelector`);
const OA_HAS_BODY = namedNode(`${NS.oa}hasBody`);
const DCTERMS_TITLE = namedNode(`${NS.dcterms}title`);
const DCTERMS_CITATION = namedNode(`${NS.dcterms}bibliographicCitation`);

type Node = Quad["subject"] | Quad["object"];

/** Properties whose objects are actors, places or periods; a typo there leaves a dangling node. */
export const ENTITY_PROPERTIES = [
  "aggressor", "target", "mediator", "supporter", "participant", "opponent", "party", "threatSource", "threatTarget",
  "threatened", "dyadMember", "thirdParty", "supports", "fromActor", "toActor", "periodOf", "ruler", "ruled",
  "memberOf", "ledBy", "place", "territory", "duringPeriod",
] as const;

export function exactsOf(data: Store, evidence: Node): string[] {
  return data.getObjects(evidence, OA_HAS_TARGET, null)
    .flatMap((t) => data.getObjects(t, OA_HAS_SELECTOR, null))
    .flatMap((s) => data.getObjects(s, OA_EXACT, null))
    .map((e) => e.value);
}

/** Every quote with the evidence that holds it (or its selector, for a quote hung elsewhere). */
export function evidenceQuotes(data: Store): { evidence: string; exact: string }[] {
  const out: { evidence: string; exact: string }[] = [];
  for (const ev of data.getSubjects(RDF_TYPE, cas("Evidence"), null)) {
    for (const exact of exactsOf(data, ev)) out.push({ evidence: shortenIri(ev.value), exact });
  }
  const seen = new Set(out.map((q) => q.exact));
  for (const quad of data.getQuads(null, OA_EXACT, null, null)) {
    if (!seen.has(quad.object.value)) out.push({ evidence: `selector ${quad.subject.value}`, exact: quad.object.value });
  }
  return out;
}

export function quotesNotInSource(data: Store, sourceText: string): string[] {
  return evidenceQuotes(data)
    .filter((q) => !sourceText.includes(q.exact))
    .map((q) => `${q.evidence}: "${q.exact}" is not found verbatim in the article`);
}

/** Section spans run from each heading (a line of its own, as dcterms:title) to the next. */
export function quotesOutsideSection(data: Store, sourceText: string): string[] {
  const sections = data.getSubjects(RDF_TYPE, cas("Section"), null).map((s) => ({
    iri: s.value,
    order: Number(data.getObjects(s, cas("order"), null)[0]?.value),
    start: sourceText.indexOf(`\n${data.getObjects(s, DCTERMS_TITLE, null)[0]?.value ?? "\u0000"}\n`),
  })).sort((a, b) => a.order - b.order);
  const problems = sections.filter((s) => s.start < 0).map((s) => `${shortenIri(s.iri)}: its heading is not a line of the article`);
  const span = new Map(sections.map((s, i) => [s.iri, [s.start, sections[i + 1]?.start ?? sourceText.length] as const]));
  for (const ev of data.getSubjects(RDF_TYPE, cas("Evidence"), null)) {
    const section = data.getObjects(ev, cas("inSection"), null)[0];
    const range = section && span.get(section.value);
    if (!section || !range || range[0] < 0) continue; // the shapes report a missing or unknown section
    for (const exact of exactsOf(data, ev)) {
      let at = sourceText.indexOf(exact);
      if (at < 0) continue; // quotesNotInSource reports it
      let inside = false;
      for (; at >= 0 && !inside; at = sourceText.indexOf(exact, at + 1)) inside = at >= range[0] && at < range[1];
      if (!inside) problems.push(`${shortenIri(ev.value)}: the quote "${exact.slice(0, 80)}" is not in ${shortenIri(section.value)}`);
    }
  }
  return problems;
}

/** An in-text citation is printed in the paragraph of its quote and names the work cas:cites points to. */
export function citationProblems(data: Store, sourceText: string): string[] {
  const paragraphs = sourceText.split("\n");
  const problems: string[] = [];
  for (const quad of data.getQuads(null, cas("citationText"), null, null)) {
    const evidence = shortenIri(quad.subject.value);
    const citation = quad.object.value;
    const exacts = exactsOf(data, quad.subject);
    if (!sourceText.includes(citation)) problems.push(`${evidence}: the citation "${citation}" is not in the article`);
    else if (!exacts.some((e) => paragraphs.some((p) => p.includes(e) && p.includes(citation)))) {
      problems.push(`${evidence}: the citation "${citation}" is not in the paragraph of its quote`);
    }
    // "Tranznio, 1980: 33" names the work labelled or alt-labelled "Tranznio, 1980".
    const authorYear = citation.replace(/:.*$/, "").trim();
    const works = data.getObjects(quad.subject, cas("cites"), null);
    const names = works.flatMap((w) => [...data.getObjects(w, RDFS_LABEL, null), ...data.getObjects(w, SKOS_ALT_LABEL, null)]).map((n) => n.value);
    if (!names.includes(authorYear)) {
      problems.push(`${evidence}: cas:cites ${works.map((w) => shortenIri(w.value)).join(", ") || "nothing"}, which is not labelled "${authorYear}"`);
    }
  }
  return problems;
}

export function undeclaredEntities(data: Store): string[] {
  const problems = new Set<string>();
  for (const local of [...ENTITY_PROPERTIES, "cites", "inSection"]) {
    for (const quad of data.getQuads(null, cas(local), null, null)) {
      if (quad.object.termType === "NamedNode" && data.countQuads(quad.object, RDFS_LABEL, null, null) === 0) {
        problems.add(`${shortenIri(quad.subject.value)} cas:${local} ${shortenIri(quad.object.value)}, which is not declared (no rdfs:label in data/)`);
      }
    }
  }
  return [...problems];
}

export function unlinkedEvidence(data: Store): string[] {
  // A statement's evidence may be the claim's own (statementChecks.ts checks those).
  return data.getQuads(null, cas("evidence"), null, null)
    .filter((quad) => !data.has(DataFactory.quad(quad.subject, RDF_TYPE, cas("Statement"))))
    .filter((quad) => data.countQuads(quad.object, OA_HAS_BODY, quad.subject, null) === 0)
    .map((quad) => `${shortenIri(quad.subject.value)} cas:evidence ${shortenIri(quad.object.value)}, whose oa:hasBody does not name it`);
}

export function undeclaredCasTerms(data: Iterable<Quad>, ontology: Store): string[] {
  const unknown = new Set<string>();
  for (const quad of data) {
    for (const term of [quad.predicate, quad.object]) {
      if (term.termType === "NamedNode" && term.value.startsWith(NS.cas) && ontology.countQuads(term, RDFS_LABEL, null, null) === 0) {
        unknown.add(`${shortenIri(term.value)} is used but not declared in ontology/caspian.ttl`);
      }
    }
  }
  return [...unknown];
}

function year(data: Store, node: Node, local: string): number | undefined {
  const value = data.getObjects(node, cas(local), null)[0]?.value;
  return value === undefined ? undefined : Number(value);
}

/** A dated thing sits only in periods whose years overlap its own, unless marked disputed. */
export function periodMismatches(data: Store): string[] {
  const problems: string[] = [];
  for (const quad of data.getQuads(null, cas("duringPeriod"), null, null)) {
    const [start, end] = [year(data, quad.subject, "startYear"), year(data, quad.subject, "endYear")];
    const [periodStart, periodEnd] = [year(data, quad.object, "startYear"), year(data, quad.object, "endYear")];
    if (start === undefined || end === undefined || periodStart === undefined || periodEnd === undefined) continue;
    const disputed = data.getObjects(quad.subject, cas("disputed"), null).some((o) => o.value === "true");
    if (!disputed && (start > periodEnd || end < periodStart)) {
      problems.push(`${shortenIri(quad.subject.value)} (${start}–${end}) cas:duringPeriod ${shortenIri(quad.object.value)} (${periodStart}–${periodEnd}): the years do not overlap`);
    }
  }
  return problems;
}

export function missingThreatEdges(data: Store): string[] {
  const problems: string[] = [];
  for (const threat of data.getSubjects(RDF_TYPE, cas("Threat"), null)) {
    for (const source of data.getObjects(threat, cas("threatSource"), null)) {
      for (const target of data.getObjects(threat, cas("threatTarget"), null)) {
        if (!data.has(DataFactory.quad(source as Quad["subject"], cas("threatened"), target))) {
          problems.push(`${shortenIri(threat.value)}: the plain edge ${shortenIri(source.value)} cas:threatened ${shortenIri(target.value)} is missing`);
        }
      }
    }
  }
  return problems;
}

/** The printed reference list, one entry a line, without the source text's *italic* markers. */
export function printedReferences(sourceText: string): string[] {
  const list = sourceText.slice(sourceText.indexOf("\nReferences\n"));
  return list.split("\n").filter((l) => l.startsWith("- ")).map((l) => l.slice(2).replace(/\*/g, "").trim());
}

export function bibliographyMismatches(data: Store, sourceText: string): string[] {
  const printed = printedReferences(sourceText);
  const citations = data.getObjects(null, DCTERMS_CITATION, null).map((o) => o.value);
  return [
    ...printed.filter((p) => !citations.includes(p)).map((p) => `reference list entry missing from data/sources.ttl: "${p}"`),
    ...citations.filter((c) => !printed.includes(c)).map((c) => `dcterms:bibliographicCitation not in the printed reference list: "${c}"`),
    ...citations.filter((c, i) => citations.indexOf(c) !== i).map((c) => `reference entered twice: "${c}"`),
  ];
}

/** Classes of a node, with their superclasses from the ontology (rdfs:subClassOf, transitively). */
function classesOf(data: Store, ontology: Store, node: Node): Set<string> {
  const out = new Set<string>();
  const todo = data.getObjects(node, RDF_TYPE, null).map((t) => t.value);
  while (todo.length) {
    const c = todo.pop()!;
    if (out.has(c)) continue;
    out.add(c);
    todo.push(...ontology.getObjects(c, namedNode(`${NS.rdfs}subClassOf`), null).map((s) => s.value));
  }
  return out;
}

/**
 * Uses of cas: properties on subjects outside their rdfs:domain or with objects outside their
 * rdfs:range (cas: classes only; an OWL reasoner would silently retype such nodes instead).
 */
export function domainRangeMismatches(data: Store, ontology: Store): string[] {
  const problems = new Set<string>();
  for (const [axis, local] of [["domain", "subject"], ["range", "object"]] as const) {
    for (const decl of ontology.getQuads(null, namedNode(`${NS.rdfs}${axis}`), null, null)) {
      if (!decl.subject.value.startsWith(NS.cas) || !decl.object.value.startsWith(NS.cas)) continue;
      for (const use of data.getQuads(null, decl.subject, null, null)) {
        const node = use[local];
        if (node.termType === "Literal" || classesOf(data, ontology, node).has(decl.object.value)) continue;
        problems.add(`${shortenIri(use.subject.value)} ${shortenIri(use.predicate.value)} ${shortenIri(use.object.value)}: the ${local} is not a ${shortenIri(decl.object.value)} (the property's ${axis})`);
      }
    }
  }
  return [...problems];
}

// An in-text citation as the article prints it: "(Tranznio, 1980: 33)", "(Koolaee,1997: 127)", "(Starr, 2013)".
const CITATION = /\(([A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?, ?\d{4}(?:: [\d-]+)?)\)/g;
const CITATION_AFTER = /^[.,]? ?\(([A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?, ?\d{4}(?:: [\d-]+)?)\)/;

/**
 * A quote that contains an in-text citation, or is followed at once by one, is evidence the
 * article backs with a source: its cas:citationText must record that citation.
 */
export function unrecordedCitations(data: Store, sourceText: string): string[] {
  const problems: string[] = [];
  for (const ev of data.getSubjects(RDF_TYPE, cas("Evidence"), null)) {
    const recorded = new Set(data.getObjects(ev, cas("citationText"), null).map((c) => c.value));
    for (const exact of exactsOf(data, ev)) {
      const printed = [...exact.matchAll(CITATION)].map((m) => m[1]!);
      for (let at = sourceText.indexOf(exact); at >= 0; at = sourceText.indexOf(exact, at + 1)) {
        const after = CITATION_AFTER.exec(sourceText.slice(at + exact.length, at + exact.length + 60));
        if (after) printed.push(after[1]!);
      }
      for (const citation of new Set(printed)) {
        if (!recorded.has(citation)) problems.push(`${shortenIri(ev.value)}: the article cites "${citation}" for this quote, but the evidence has no cas:citationText "${citation}" (and cas:cites)`);
      }
    }
  }
  return problems;
}

const OA_PREFIX = namedNode(`${NS.oa}prefix`);
const OA_SUFFIX = namedNode(`${NS.oa}suffix`);

function occurrences(text: string, needle: string): number {
  let n = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) n++;
  return n;
}

/**
 * A TextQuoteSelector must pick out one place in the article: a quote found more than once needs
 * an oa:prefix and/or oa:suffix that, joined to it, occurs only once.
 */
export function ambiguousQuotes(data: Store, sourceText: string): string[] {
  const problems: string[] = [];
  for (const selector of data.getSubjects(RDF_TYPE, namedNode(`${NS.oa}TextQuoteSelector`), null)) {
    for (const exact of data.getObjects(selector, OA_EXACT, null)) {
      if (occurrences(sourceText, exact.value) <= 1) continue;
      const prefix = data.getObjects(selector, OA_PREFIX, null)[0]?.value ?? "";
      const suffix = data.getObjects(selector, OA_SUFFIX, null)[0]?.value ?? "";
      if (occurrences(sourceText, prefix + exact.value + suffix) === 1) continue;
      const evidence = data.getSubjects(OA_HAS_SELECTOR, selector, null).flatMap((t) => data.getSubjects(OA_HAS_TARGET, t, null))[0];
      problems.push(`${evidence ? shortenIri(evidence.value) : `selector ${selector.value}`}: the quote "${exact.value.slice(0, 80)}" occurs ${occurrences(sourceText, exact.value)} times in the article; quote more words, or add an oa:prefix/oa:suffix that makes it unique`);
    }
  }
  return problems;
}
