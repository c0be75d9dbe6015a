/**
 * Time window
 * ===========
 * The one rule of every view (issue #12; contract/api.ts, "TIME RULE"): a resource is in the
 * window [from, to] when one of its spans meets it — `start ≤ to && end ≥ from`, on the outer
 * bounds (ontology/README.md, "Time").
 *
 * - A resource with years of its own has that span. An undated resource during one or more dated
 *   periods (cas:duringPeriod: a role, a relationship state, an event) has the years those
 *   periods share — it lies inside each of them — or, if they share none, their hull.
 * - Every other resource (an actor, a place) has the spans of the statements it takes part in:
 *   an edge's span is its statement nodes' years, else its n-ary node's (state, role,
 *   provision), else its event's, treaty's or threat's, else its subject's.
 * - A resource with no span is undated: left out of a window unless `undated: "include"`.
 *
 * The index is built once per data version (perEngine.ts) from the graph model, the statement
 * index and one query for cas:duringPeriod; graph, lens, paths, search, neighbours and the CLI's
 * exports all ask it (`inWindow`), so no view has a rule of its own.
 */
import type { QueryEngine } from "../sparql/engine.ts";
import { readGraphModel, type GraphModel, type ModelEdge } from "./graphModel.ts";
import { perEngine } from "./perEngine.ts";
import { SPARQL_PREFIXES, appendTo, iriOf, selectAll } from "./sparqlText.ts";
import { readStatements, type StatementIndex } from "./statements.ts";

export interface Span {
  start: number;
  end: number;
}

export interface TimeWindow {
  from?: number;
  to?: number;
}

/** What a view does with undated resources inside a window. */
export type UndatedPolicy = "exclude" | "include";

/** True when a window is asked for at all (either bound). */
export function hasWindow(window: TimeWindow | undefined): window is TimeWindow {
  return window !== undefined && (window.from !== undefined || window.to !== undefined);
}

/** The outer-bound test: [start, end] meets [from, to] (an open bound meets everything). */
export function meets(span: Span, window: TimeWindow): boolean {
  return (window.to === undefined || span.start <= window.to) && (window.from === undefined || span.end >= window.from);
}

/** A span from optional years: one end only is a point in time; none is undefined. */
export function spanOf(item: { startYear?: number; endYear?: number } | undefined): Span | undefined {
  if (!item) return undefined;
  const start = item.startYear ?? item.endYear;
  const end = item.endYear ?? item.startYear;
  return start === undefined || end === undefined ? undefined : { start, end };
}

/** The verdict of the rule for one resource: in, out (dated, none meets), or undated. */
export type WindowVerdict = "in" | "out" | "undated";

export class TimeIndex {
  constructor(
    /** Merged, sorted spans per resource (absent = undated). */
    private readonly spans: ReadonlyMap<string, readonly Span[]>,
    /** Own span of every dated resource and of undated ones during dated periods. */
    private readonly own: ReadonlyMap<string, Span>,
    private readonly edgeSpans: ReadonlyMap<ModelEdge, Span>,
  ) {}

  /** The resource's spans (its own, else its statements'), sorted; empty when undated. */
  spansOf(iri: string): readonly Span[] {
    return this.spans.get(iri) ?? [];
  }

  /** The resource's own years (or its periods'), if any: the span of a ground or a claim. */
  ownSpan(iri: string): Span | undefined {
    return this.own.get(iri);
  }

  /** The span of a model edge's statement, if dated. */
  edgeSpan(edge: ModelEdge): Span | undefined {
    return this.edgeSpans.get(edge);
  }

  /** The rule: "in" when a span meets the window (always, when there is no window). */
  verdict(iri: string, window: TimeWindow | undefined): WindowVerdict {
    const spans = this.spans.get(iri);
    if (!spans || spans.length === 0) return "undated";
    if (!hasWindow(window)) return "in";
    return spans.some((span) => meets(span, window)) ? "in" : "out";
  }

  /** Whether a view keeps the resource: in the window, or undated and asked for. No window keeps all. */
  keeps(iri: string, window: TimeWindow | undefined, undated: UndatedPolicy = "exclude"): boolean {
    if (!hasWindow(window)) return true;
    const verdict = this.verdict(iri, window);
    return verdict === "in" || (verdict === "undated" && undated === "include");
  }

  /** Whether a view keeps a model edge: its span meets the window, or it is undated and asked for. */
  keepsEdge(edge: ModelEdge, window: TimeWindow | undefined, undated: UndatedPolicy = "exclude"): boolean {
    if (!hasWindow(window)) return true;
    const span = this.edgeSpans.get(edge);
    return span ? meets(span, window) : undated === "include";
  }
}

/** The engine's time index, built once per data version. */
export const readTimeIndex = perEngine(async (engine: QueryEngine) => {
  const [model, statements, periods] = await Promise.all([
    readGraphModel(engine),
    readStatements(engine),
    selectAll(engine, `${SPARQL_PREFIXES}
SELECT ?x ?period WHERE { ?x cas:duringPeriod ?period . FILTER(isIRI(?x) && isIRI(?period)) }`),
  ]);
  const during = new Map<string, string[]>();
  for (const row of periods.rows) {
    const [x, period] = [iriOf(row, "x"), iriOf(row, "period")];
    if (x && period) appendTo(during, x, period);
  }
  const years = (iri: string): Span | undefined => spanOf({ startYear: model.start.get(iri), endYear: model.end.get(iri) }) ?? spanOf(model.nodes.get(iri)?.attributes);
  return buildTimeIndex(model, statements, years, during);
});

/** The index from its inputs (exported for tests and for data read another way). */
export function buildTimeIndex(
  model: GraphModel,
  statements: StatementIndex,
  yearsOf: (iri: string) => Span | undefined,
  during: ReadonlyMap<string, readonly string[]>,
): TimeIndex {
  const own = new Map<string, Span>();
  const ownSpan = (iri: string): Span | undefined => {
    if (own.has(iri)) return own.get(iri);
    let span = yearsOf(iri);
    if (!span) {
      const dated = (during.get(iri) ?? []).map(yearsOf).filter((s): s is Span => s !== undefined);
      if (dated.length > 0) {
        const start = Math.max(...dated.map((s) => s.start));
        const end = Math.min(...dated.map((s) => s.end));
        span = start <= end ? { start, end } : hull(dated);
      }
    }
    if (span) own.set(iri, span);
    return span;
  };

  // By the edge itself: a plain edge's key is made anew each time it is asked (graphModel.ts).
  const edgeSpans = new Map<ModelEdge, Span>();
  const touching = new Map<string, Span[]>();
  for (const edge of model.edges) {
    const span = statementSpan(edge, statements, ownSpan);
    if (!span) continue;
    edgeSpans.set(edge, span);
    appendTo(touching, edge.source, span);
    appendTo(touching, edge.target, span);
  }

  const spans = new Map<string, Span[]>();
  for (const key of model.nodes.keys()) {
    const mine = ownSpan(key);
    const list = mine ? [mine] : merge(touching.get(key) ?? []);
    if (list.length > 0) spans.set(key, list);
  }
  return new TimeIndex(spans, own, edgeSpans);
}

/** An edge's statement span: statement nodes' years, else the n-ary node's or claim's, else the subject's. */
function statementSpan(edge: ModelEdge, statements: StatementIndex, ownSpan: (iri: string) => Span | undefined): Span | undefined {
  const dated: Span[] = [];
  for (const [s, p, o] of edge.triples) {
    for (const statement of statements.about(s, p, o)) {
      const span = spanOf(statement);
      if (span) dated.push(span);
    }
  }
  if (dated.length > 0) return hull(dated);
  if (edge.attributes.via) {
    const span = ownSpan(edge.attributes.via);
    if (span) return span;
  }
  for (const claim of edge.claims) {
    const span = ownSpan(claim);
    if (span) return span;
  }
  const subject = edge.triples[0]?.[0];
  return subject ? ownSpan(subject) : undefined;
}

function hull(spans: readonly Span[]): Span {
  return { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
}

/** Sorted, overlapping spans merged: a hub's thousand statements become a few intervals. */
function merge(spans: Span[]): Span[] {
  if (spans.length <= 1) return spans;
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const result: Span[] = [{ ...sorted[0]! }];
  for (const span of sorted.slice(1)) {
    const last = result[result.length - 1]!;
    if (span.start <= last.end) last.end = Math.max(last.end, span.end);
    else result.push({ ...span });
  }
  return result;
}
