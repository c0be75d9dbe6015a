/**
 * Labels
 * ======
 * Picks one display label among a resource's candidates (English first, then untagged, then any
 * language), and names resources without one from their IRI.
 */
import type { SparqlJsonTerm } from "../sparql/engine.ts";
import { localName } from "./sparqlText.ts";

function langRank(term: SparqlJsonTerm): number {
  const lang = term["xml:lang"]?.toLowerCase();
  if (lang === "en" || lang?.startsWith("en-")) return 0;
  if (!lang) return 1;
  return 2;
}

/** Collects label candidates per resource and answers the best one. */
export class LabelMap {
  private readonly best = new Map<string, SparqlJsonTerm>();

  add(iri: string, term: SparqlJsonTerm | undefined): void {
    if (!term) return;
    const current = this.best.get(iri);
    // Ties go to the alphabetically first value so the same data always gives the same label.
    if (!current || langRank(term) < langRank(current) || (langRank(term) === langRank(current) && term.value < current.value)) {
      this.best.set(iri, term);
    }
  }

  has(iri: string): boolean {
    return this.best.has(iri);
  }

  get(iri: string): string {
    return this.best.get(iri)?.value ?? localName(iri);
  }
}

/** "1828", "1501–1722" or "" for display after a label. */
export function yearsText(startYear?: number, endYear?: number): string {
  const y = (n: number) => (n < 0 ? `${-n} BC` : String(n));
  if (startYear === undefined && endYear === undefined) return "";
  if (startYear === undefined) return y(endYear!);
  if (endYear === undefined || endYear === startYear) return y(startYear);
  return `${y(startYear)}–${y(endYear)}`;
}
