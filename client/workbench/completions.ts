/**
 * Autocomplete
 * ============
 * What the editor offers as the user types: the project's prefixes, the classes and properties of
 * the data (fetched once with one query), and entities by label (the explorer's search, as the
 * user types a word without a prefix, or after cd:), inserted as cd:Name or <iri>.
 */
import type { Completion, CompletionContext, CompletionResult, CompletionSource } from "@codemirror/autocomplete";
import type { SearchHit } from "../../contract/api.ts";
import { PREFIXES, shortIri } from "./prefixes.ts";
import { localName, parseSolutions } from "./results.ts";

export interface VocabularyTerm {
  iri: string;
  short: string;
  kind: "class" | "property";
  label: string;
}

/** Classes and properties the ontology declares, with their labels. */
export const VOCABULARY_QUERY = `SELECT ?term ?kind (SAMPLE(?l) AS ?label) WHERE {
  { ?term a owl:Class . BIND ("class" AS ?kind) }
  UNION { ?term a rdfs:Class . BIND ("class" AS ?kind) }
  UNION { ?term a owl:ObjectProperty . BIND ("property" AS ?kind) }
  UNION { ?term a owl:DatatypeProperty . BIND ("property" AS ?kind) }
  UNION { ?term a rdf:Property . BIND ("property" AS ?kind) }
  OPTIONAL { ?term rdfs:label ?l }
  FILTER (isIRI(?term))
} GROUP BY ?term ?kind`;

export function vocabularyFrom(jsonText: string): VocabularyTerm[] {
  const result = parseSolutions(jsonText);
  if (result.form !== "select") return [];
  const seen = new Set<string>();
  const terms: VocabularyTerm[] = [];
  for (const row of result.rows) {
    const iri = row.term?.value;
    const kind = row.kind?.value === "property" ? "property" : "class";
    if (!iri || seen.has(`${kind} ${iri}`)) continue;
    seen.add(`${kind} ${iri}`);
    terms.push({ iri, short: shortIri(iri), kind, label: row.label?.value ?? localName(iri) });
  }
  return terms.sort((a, b) => a.label.localeCompare(b.label));
}

export interface CompletionDeps {
  vocabulary(): readonly VocabularyTerm[];
  search(text: string): Promise<SearchHit[]>;
}

const WORD = /[A-Za-z_][\w-]*(?::[\w-]*)?|[A-Za-z_][\w-]*:/;

export function sparqlCompletions(deps: CompletionDeps): CompletionSource {
  return async (context: CompletionContext): Promise<CompletionResult | null> => {
    const word = context.matchBefore(new RegExp(`(?:${WORD.source})$`));
    if (!word || (word.from === word.to && !context.explicit)) return null;
    const before = context.state.sliceDoc(Math.max(0, word.from - 1), word.from);
    if (before === "?" || before === "$" || before === "<" || before === '"') return null; // variables, IRIs, strings
    const text = word.text;
    const colon = text.indexOf(":");
    const options: Completion[] = [];
    const lower = text.toLowerCase();
    if (colon < 0) {
      for (const prefix of Object.keys(PREFIXES)) if (prefix.startsWith(lower)) options.push({ label: `${prefix}:`, type: "namespace", detail: PREFIXES[prefix] });
    }
    for (const term of deps.vocabulary()) {
      const local = term.short.includes(":") ? term.short.slice(term.short.indexOf(":") + 1) : term.short;
      const match = colon >= 0 ? term.short.toLowerCase().startsWith(lower) : local.toLowerCase().startsWith(lower) || term.label.toLowerCase().startsWith(lower);
      if (match) options.push({ label: term.short, type: term.kind === "class" ? "class" : "property", detail: term.label, boost: term.kind === "class" ? 1 : 0 });
    }
    // Entities by label: a prefix-less word, or a name after cd:.
    const entityText = colon < 0 ? text : text.startsWith("cd:") ? text.slice(3) : "";
    if (entityText.length >= 3) {
      try {
        for (const hit of await deps.search(entityText)) {
          options.push({ label: hit.label, apply: shortIri(hit.iri), type: "variable", detail: `${hit.kind} · ${shortIri(hit.iri)}`, boost: -1 });
        }
      } catch {
        // A failed search only means fewer suggestions.
      }
    }
    if (options.length === 0) return null;
    return { from: word.from, options, filter: false };
  };
}
