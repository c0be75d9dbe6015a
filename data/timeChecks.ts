/**
 * Time checks
 * ===========
 * What SHACL cannot say about dates as the article gives them (ontology/README.md, "Stage 2"):
 * every cas:edtf parses as EDTF (the `edtf` package, ISO 8601-2) and agrees with the integer
 * outer bounds beside it. The two count BC years differently, on purpose: cas:startYear and
 * cas:endYear are historians' years without a year zero (500 BC is -500), EDTF and xsd:gYear
 * (XSD 1.1) count a year zero (500 BC is "-0499"), so a BC EDTF year is the integer plus one.
 */
import edtf from "edtf";
import { DataFactory, type Quad, type Store } from "n3";
import { NS } from "../server/rdf/namespaces.ts";
import { shortenIri } from "../server/rdf/validateShapes.ts";

const cas = (local: string) => DataFactory.namedNode(`${NS.cas}${local}`);

/** An astronomical year (with a year zero) as a historian's year (without one). */
export function historianYear(astronomical: number): number {
  return astronomical > 0 ? astronomical : astronomical - 1;
}

/** The first and last historian's years an EDTF string can mean; undefined at an open end. */
export function edtfYears(text: string): { first?: number; last?: number } {
  const date = edtf(text);
  const year = (ms: number) => (Number.isFinite(ms) ? historianYear(new Date(ms).getUTCFullYear()) : undefined);
  return { first: year(date.min), last: year(date.max) };
}

function integer(data: Store, node: Quad["subject"], local: string): number | undefined {
  const value = data.getObjects(node, cas(local), null)[0]?.value;
  return value === undefined ? undefined : Number(value);
}

/**
 * Every cas:edtf parses, and agrees with the outer bounds: an exact EDTF spans exactly
 * [startYear, endYear]; an approximate or uncertain one (~ ? %) lies within them; an open end
 * ("..") leaves that bound to the integers alone.
 */
export function edtfProblems(data: Store): string[] {
  const problems: string[] = [];
  for (const quad of data.getQuads(null, cas("edtf"), null, null)) {
    const where = `${shortenIri(quad.subject.value)} cas:edtf "${quad.object.value}"`;
    let years: { first?: number; last?: number };
    try {
      years = edtfYears(quad.object.value);
    } catch {
      problems.push(`${where}: not a date in the Extended Date/Time Format (e.g. "1828", "1804/1813", "-0499~", "197X", "1980-21")`);
      continue;
    }
    const start = integer(data, quad.subject, "startYear");
    const end = integer(data, quad.subject, "endYear");
    if (start === undefined || end === undefined) {
      problems.push(`${where}: has no cas:startYear/cas:endYear beside it (the integer bounds the views filter on)`);
      continue;
    }
    const qualified = /[~?%]/.test(quad.object.value);
    const agrees = (bound: number, year: number | undefined, side: "start" | "end") =>
      year === undefined || (qualified ? (side === "start" ? bound <= year : bound >= year) : bound === year);
    if (!agrees(start, years.first, "start") || !agrees(end, years.last, "end")) {
      problems.push(`${where} means ${years.first ?? ".."}–${years.last ?? ".."} (historians' years), but the outer bounds are ${start}–${end}; a BC year in EDTF is the integer plus one (500 BC: -500, "-0499")`);
    }
  }
  return problems;
}
