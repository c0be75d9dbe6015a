/**
 * Timeline
 * ========
 * The periods (dynastic, with their country; the article's analytic ages), the dated events,
 * treaties and threats, and the relationship states of a dyad (by default Iran–Russia, with the
 * Soviet Union on Russia's side, see dyad.ts) with their level, rank and evidence.
 * Everything but the choice of dyad is read once per engine and data (perEngine.ts): at a million
 * triples the reads take seconds, while picking a dyad's states from them takes milliseconds.
 */
import type { Ref, RelationshipStatePoint, Timeline, TimelineBucket, TimelineEvent, TimelinePeriod } from "../../contract/api.ts";
import type { QueryEngine, SparqlRow } from "../sparql/engine.ts";
import { DEFAULT_DYAD, isDyad, sideMembers } from "./dyad.ts";
import { CAS } from "./vocabulary.ts";
import { LabelMap } from "./labels.ts";
import { readGraphModel } from "./graphModel.ts";
import { perEngine } from "./perEngine.ts";
import { schemaIndex } from "./schemaIndex.ts";
import { hasWindow, meets, type TimeWindow } from "./timeWindow.ts";
import { readViewData } from "./viewData.ts";
import { SPARQL_PREFIXES, compareStrings, int, iriOf, selectAll } from "./sparqlText.ts";

const byTime = <T extends Ref & { startYear: number; endYear: number }>(a: T, b: T) =>
  a.startYear - b.startYear || a.endYear - b.endYear || compareStrings(a.label, b.label) || compareStrings(a.iri, b.iri);

/** What the timeline reads from the data, before a dyad is chosen. */
interface TimelineData {
  periods: TimelinePeriod[];
  events: TimelineEvent[];
  /** Every relationship state with its members, and the row that describes it. */
  states: Map<string, { members: Set<string>; row: SparqlRow }>;
  ref: (iri: string) => Ref;
  rank: (level: string) => number | undefined;
}

/** What a timeline request may narrow: the years (by the time rule, timeWindow.ts) and how many events it carries. */
export interface TimelineOptions {
  from?: number;
  to?: number;
  maxEvents?: number;
}

/** Events a timeline carries by default: every one of the curated data, a readable first drawing of a large store. */
export const DEFAULT_MAX_EVENTS = 2000;

/** Stretches of years the event counts are given for. */
const BUCKETS = 50;

/** How many answers a data version remembers (the explorer asks the same few again and again). */
const REMEMBERED = 16;

/** The timeline of the dyad; the same request on the same data answers the remembered (shared,
 * never changed) answer, so a warm request costs a lookup. */
export async function timeline(engine: QueryEngine, dyad: readonly [string, string] = DEFAULT_DYAD, options: TimelineOptions = {}): Promise<Timeline> {
  const remembered = await timelineAnswers(engine);
  const key = JSON.stringify([dyad, options.from, options.to, options.maxEvents]);
  let answer = remembered.get(key);
  if (!answer) {
    answer = buildTimeline(engine, dyad, options);
    remembered.set(key, answer);
    answer.catch(() => remembered.delete(key));
    if (remembered.size > REMEMBERED) remembered.delete(remembered.keys().next().value!);
  }
  return answer;
}

const timelineAnswers = perEngine(async () => new Map<string, Promise<Timeline>>());

async function buildTimeline(engine: QueryEngine, dyad: readonly [string, string], options: TimelineOptions): Promise<Timeline> {
  const { periods, events: allEvents, states: grouped, ref, rank } = await timelineData(engine);
  const span = (row: SparqlRow) => {
    const startYear = int(row, "start")!;
    return { startYear, endYear: int(row, "end") ?? startYear };
  };
  const [a, b] = dyad;
  const stateList: RelationshipStatePoint[] = [];
  for (const [x, { members, row }] of grouped) {
    const list = [...members].sort(compareStrings);
    if (!isDyad(list, a, b)) continue;
    // Order the dyad as asked: the member standing for `a` first.
    const ordered = sideMembers(a, b).includes(list[0]!) ? list : [list[1]!, list[0]!];
    const level = iriOf(row, "level");
    const geography = iriOf(row, "geography");
    const period = iriOf(row, "period");
    stateList.push({
      iri: x,
      dyad: [ref(ordered[0]!), ref(ordered[1]!)],
      level: level ? { ...ref(level), rank: rank(level) ?? 0 } : { iri: "", label: "unknown", rank: 0 },
      ...(geography ? { geography: ref(geography) } : {}),
      ...(period ? { period: ref(period) } : {}),
      ...span(row),
      evidenceCount: int(row, "evidence") ?? 0,
    });
  }

  const window = { ...(options.from !== undefined ? { from: options.from } : {}), ...(options.to !== undefined ? { to: options.to } : {}) };
  const inWindow = hasWindow(window) ? allEvents.filter((e) => meets({ start: e.startYear, end: e.endYear }, window)) : allEvents;
  const max = options.maxEvents ?? DEFAULT_MAX_EVENTS;
  const events = inWindow.length <= max ? [...inWindow] : await mostConnected(engine, inWindow, window, max);
  // Copies of the memo's lists: an answer is remembered apart from them.
  return {
    periods: [...periods],
    events,
    relationshipStates: stateList.sort((p, q) => p.startYear - q.startYear || p.endYear - q.endYear || compareStrings(p.iri, q.iri)),
    eventCount: inWindow.length,
    ...(events.length < inWindow.length
      ? { eventsOmitted: `${inWindow.length - events.length} of ${inWindow.length} dated events left out: the timeline shows the ${events.length} most connected; a narrower range of years shows more.` }
      : {}),
    eventBuckets: buckets(inWindow, window),
  };
}

/** The `max` events of `events` (those meeting `window`) with the most edges in the graph model,
 * then the earliest; in time order. */
async function mostConnected(engine: QueryEngine, events: readonly TimelineEvent[], window: TimeWindow, max: number): Promise<TimelineEvent[]> {
  const chosen = new Set<TimelineEvent>();
  for (const event of await byConnections(engine)) {
    if (chosen.size === max) break;
    if (!hasWindow(window) || meets({ start: event.startYear, end: event.endYear }, window)) chosen.add(event);
  }
  return events.filter((e) => chosen.has(e));
}

/** The dated events ordered by their edges in the graph model, most first (then by time): read
 * once per data version, so a request walks it only until it has enough. */
const byConnections = perEngine(async (engine): Promise<TimelineEvent[]> => {
  const [{ events }, { incident }] = await Promise.all([timelineData(engine), readViewData(engine)]);
  const degree = (e: TimelineEvent) => incident.get(e.iri)?.length ?? 0;
  return events
    .map((event, order) => ({ event, order, degree: degree(event) }))
    .sort((a, b) => b.degree - a.degree || a.order - b.order)
    .map(({ event }) => event);
});

/** Counts of the events starting in each of BUCKETS equal stretches of the window (or of their own span). */
function buckets(events: readonly TimelineEvent[], window: TimeWindow): TimelineBucket[] {
  if (events.length === 0) return [];
  let first = window.from ?? Infinity;
  let last = window.to ?? -Infinity;
  if (window.from === undefined) for (const e of events) first = Math.min(first, e.startYear);
  if (window.to === undefined) for (const e of events) last = Math.max(last, e.endYear);
  const width = Math.max(1, Math.ceil((last - first + 1) / BUCKETS));
  const counts = new Map<number, number>();
  for (const e of events) {
    const index = Math.floor((Math.max(first, e.startYear) - first) / width);
    counts.set(index, (counts.get(index) ?? 0) + 1);
  }
  const result: TimelineBucket[] = [];
  for (let index = 0; first + index * width <= last; index++) {
    result.push({ startYear: first + index * width, endYear: Math.min(last, first + (index + 1) * width - 1), count: counts.get(index) ?? 0 });
  }
  return result;
}

const timelineData = perEngine(async (engine): Promise<TimelineData> => {
  const years = `?x cas:startYear ?start . OPTIONAL { ?x cas:endYear ?end }`;
  const label = (v: string) => `OPTIONAL { ?${v} rdfs:label ?${v}Label }`;
  const [schema, periods, events, states] = await Promise.all([
    schemaIndex(engine),
    selectAll(engine, `${SPARQL_PREFIXES}
SELECT ?x ?xLabel ?class ?start ?end ?country ?countryLabel WHERE {
  ?class rdfs:subClassOf* cas:Period .
  ?x a ?class .
  ${years}
  ${label("x")}
  OPTIONAL { ?x cas:periodOf ?country . ${label("country")} }
}`),
    selectAll(engine, `${SPARQL_PREFIXES}
SELECT ?x ?xLabel ?class ?start ?end WHERE {
  { ?class rdfs:subClassOf* cas:Event . ?x a ?class . ${years} }
  UNION
  { ?class rdfs:subClassOf* cas:Threat . ?x a ?class . ${years} }
  ${label("x")}
}`),
    selectAll(engine, `${SPARQL_PREFIXES}
SELECT ?x ?member ?memberLabel ?level ?levelLabel ?geography ?geographyLabel ?period ?periodLabel ?start ?end
       (COUNT(DISTINCT ?ev) AS ?evidence) WHERE {
  ?x a cas:RelationshipState ; cas:dyadMember ?member .
  ${years}
  ${label("member")}
  OPTIONAL { ?x cas:relationshipLevel ?level . OPTIONAL { ?level rdfs:label|skos:prefLabel ?levelLabel } }
  OPTIONAL { ?x cas:geography ?geography . OPTIONAL { ?geography rdfs:label|skos:prefLabel ?geographyLabel } }
  OPTIONAL { ?x cas:duringPeriod ?period . ${label("period")} }
  OPTIONAL { ?x cas:evidence ?ev }
} GROUP BY ?x ?member ?memberLabel ?level ?levelLabel ?geography ?geographyLabel ?period ?periodLabel ?start ?end`),
  ]);

  const labels = new LabelMap();
  for (const result of [periods, events, states]) {
    for (const row of result.rows) {
      for (const v of ["x", "country", "member", "level", "geography", "period"]) {
        const iri = iriOf(row, v);
        if (iri) labels.add(iri, row[`${v}Label`]);
      }
    }
  }
  const ref = (iri: string): Ref => ({ iri, label: labels.has(iri) ? labels.get(iri) : schema.label(iri) });
  const span = (row: SparqlRow) => {
    const startYear = int(row, "start")!;
    return { startYear, endYear: int(row, "end") ?? startYear };
  };

  // --------------------------------------------------------------- periods
  const periodClasses = new Map<string, Set<string>>();
  const periodRows = new Map<string, SparqlRow>();
  for (const row of periods.rows) {
    const x = iriOf(row, "x");
    if (!x || int(row, "start") === undefined) continue;
    (periodClasses.get(x) ?? periodClasses.set(x, new Set()).get(x)!).add(iriOf(row, "class") ?? "");
    const seen = periodRows.get(x);
    if (!seen || compareStrings(iriOf(row, "country") ?? "", iriOf(seen, "country") ?? "") < 0) periodRows.set(x, row);
  }
  const periodList: TimelinePeriod[] = [];
  for (const [x, row] of periodRows) {
    const classes = periodClasses.get(x)!;
    const dynastic = [...classes].some((c) => schema.isSubclassOf(c, CAS.DynasticPeriod));
    const analytic = [...classes].some((c) => schema.isSubclassOf(c, CAS.AnalyticAge));
    const country = iriOf(row, "country");
    periodList.push({
      ...ref(x),
      kind: dynastic ? "dynastic" : analytic ? "analytic" : "other",
      ...(country ? { country: ref(country) } : {}),
      ...span(row),
    });
  }

  // --------------------------------------------------------------- events
  const eventClasses = new Map<string, string[]>();
  const eventRows = new Map<string, SparqlRow>();
  for (const row of events.rows) {
    const x = iriOf(row, "x");
    if (!x || int(row, "start") === undefined) continue;
    eventClasses.set(x, [...(eventClasses.get(x) ?? []), iriOf(row, "class") ?? ""]);
    eventRows.set(x, row);
  }
  const eventList: TimelineEvent[] = [...eventRows].map(([x, row]) => ({
    ...ref(x),
    kind: schema.classify(eventClasses.get(x)!.filter(Boolean)).kind,
    ...span(row),
  }));

  // Dated resources outside Caspian's ontology, found through the view profile (foreignGraph.ts).
  for (const node of (await readGraphModel(engine)).nodes.values()) {
    const { kind, label, startYear, endYear } = node.attributes;
    if (kind === "other" && startYear !== undefined) eventList.push({ iri: node.key, label, kind, startYear, endYear: endYear ?? startYear });
  }

  // --------------------------------------------------------------- relationship states
  const grouped = new Map<string, { members: Set<string>; row: SparqlRow }>();
  for (const row of states.rows) {
    const x = iriOf(row, "x");
    const member = iriOf(row, "member");
    if (!x || !member || int(row, "start") === undefined) continue;
    const group = grouped.get(x) ?? { members: new Set<string>(), row };
    group.members.add(member);
    // A state during several periods: the first period by IRI, so every store gives the same one
    // (row order is the store's own).
    if (compareStrings(iriOf(row, "period") ?? "", iriOf(group.row, "period") ?? "") < 0) group.row = row;
    grouped.set(x, group);
  }
  // A request later names only the states' members, levels, geographies and periods: their labels
  // are kept apart, so the labels of every event (and the rows behind them) are not.
  const stateLabels = new Map<string, string>();
  for (const row of states.rows) {
    for (const v of ["member", "level", "geography", "period"]) {
      const iri = iriOf(row, v);
      if (iri && labels.has(iri)) stateLabels.set(iri, labels.get(iri));
    }
  }
  return { periods: periodList.sort(byTime), events: eventList.sort(byTime), states: grouped, ...stateRefs(stateLabels, schema) };
});

/** `ref` and `rank` for the states, made outside timelineData: a closure made inside it would keep
 * that function's whole scope alive (V8 gives its closures one shared context), label map included. */
function stateRefs(labels: ReadonlyMap<string, string>, schema: Awaited<ReturnType<typeof schemaIndex>>): Pick<TimelineData, "ref" | "rank"> {
  return {
    ref: (iri) => ({ iri, label: labels.get(iri) ?? schema.label(iri) }),
    rank: (level) => schema.rank(level),
  };
}
