/**
 * Third parties of a dyad
 * =======================
 * Every cas:ThirdPartyRole whose two dyad members are the pair (Iran–Russia by default, with the
 * Soviet Union on Russia's side, see dyad.ts), grouped by third party: each role with its type,
 * the side it supports, its period, years and evidence. Parties are ordered by their first year.
 * With a window, only the roles whose years meet it (timeWindow.ts: a role's own years, else
 * the years its periods share); always, the same roles a row per period, in time order — each
 * role under its narrowest period — as the article's conclusion reads them.
 */
import type { Ref, ThirdPartyAnalysis, ThirdPartyRoleEntry } from "../../contract/api.ts";
import type { QueryEngine, SparqlRow } from "../sparql/engine.ts";
import { DEFAULT_DYAD, isDyad, sideMembers } from "./dyad.ts";
import { evidenceFor } from "./evidence.ts";
import { LabelMap } from "./labels.ts";
import { schemaIndex } from "./schemaIndex.ts";
import { hasWindow, meets, readTimeIndex, type Span, type TimeWindow, type UndatedPolicy } from "./timeWindow.ts";
import { SPARQL_PREFIXES, compareStrings, int, iriOf, valuesClause, selectAll } from "./sparqlText.ts";

export interface LensWindow extends TimeWindow {
  undated?: UndatedPolicy;
}

export async function thirdParties(engine: QueryEngine, dyad: readonly [string, string] = DEFAULT_DYAD, lensWindow: LensWindow = {}): Promise<ThirdPartyAnalysis> {
  const window: TimeWindow = { ...(lensWindow.from !== undefined ? { from: lensWindow.from } : {}), ...(lensWindow.to !== undefined ? { to: lensWindow.to } : {}) };
  const [a, b] = dyad;
  const members = [...new Set([...sideMembers(a, b), ...sideMembers(b, a)])];
  const label = (v: string) => `OPTIONAL { ?${v} rdfs:label|skos:prefLabel ?${v}Label }`;
  const [schema, { rows }, dyadLabels, time] = await Promise.all([
    schemaIndex(engine),
    selectAll(engine, `${SPARQL_PREFIXES}
SELECT ?role ?member ?party ?partyLabel ?type ?typeLabel ?supports ?supportsLabel ?period ?periodLabel ?start ?end WHERE {
  ${valuesClause("first", members)}
  ?role a cas:ThirdPartyRole ; cas:dyadMember ?first ; cas:dyadMember ?member ; cas:thirdParty ?party .
  ${label("party")}
  OPTIONAL { ?role cas:thirdPartyRoleType ?type . ${label("type")} }
  OPTIONAL { ?role cas:supports ?supports . ${label("supports")} }
  OPTIONAL { ?role cas:duringPeriod ?period . ${label("period")} }
  OPTIONAL { ?role cas:startYear ?start }
  OPTIONAL { ?role cas:endYear ?end }
}`),
    selectAll(engine, `${SPARQL_PREFIXES}
SELECT ?x ?xLabel WHERE { ${valuesClause("x", dyad)} ?x rdfs:label ?xLabel }`),
    readTimeIndex(engine),
  ]);

  const labels = new LabelMap();
  for (const row of [...rows, ...dyadLabels.rows]) {
    for (const v of ["x", "party", "type", "supports", "period"]) {
      const iri = iriOf(row, v);
      if (iri) labels.add(iri, row[`${v}Label`]);
    }
  }
  const ref = (iri: string): Ref => ({ iri, label: labels.has(iri) ? labels.get(iri) : schema.label(iri) });

  const roles = new Map<string, { members: Set<string>; rows: SparqlRow[] }>();
  for (const row of rows) {
    const role = iriOf(row, "role")!;
    const entry = roles.get(role) ?? { members: new Set<string>(), rows: [] };
    entry.members.add(iriOf(row, "member")!);
    entry.rows.push(row);
    roles.set(role, entry);
  }
  let undatedOmitted = 0;
  const matching = [...roles].filter(([role, { members }]) => {
    if (!isDyad([...members], a, b)) return false;
    if (!hasWindow(window)) return true;
    const span = time.ownSpan(role);
    if (span) return meets(span, window);
    if (lensWindow.undated === "include") return true;
    undatedOmitted++;
    return false;
  });
  const evidence = await evidenceFor(engine, matching.map(([role]) => role));

  const byParty = new Map<string, ThirdPartyRoleEntry[]>();
  // The narrowest dated period of each role: its row in `periods`.
  const rowOf = new Map<string, { period: string; span: Span } | undefined>();
  for (const [role, { rows: roleRows }] of matching) {
    let best: { period: string; span: Span } | undefined;
    for (const period of new Set(roleRows.map((r) => iriOf(r, "period")).filter((x): x is string => !!x))) {
      const span = time.ownSpan(period);
      if (!span) continue;
      const width = (s: Span) => s.end - s.start;
      if (!best || width(span) < width(best.span) || (width(span) === width(best.span) && compareStrings(period, best.period) < 0)) best = { period, span };
    }
    rowOf.set(role, best);
  }
  const byPeriod = new Map<string, Map<string, ThirdPartyRoleEntry[]>>();
  for (const [role, { rows: roleRows }] of matching) {
    // Optional values multiply rows; the smallest IRI of each keeps the answer deterministic.
    const pick = (v: string) => roleRows.map((r) => iriOf(r, v)).filter((x): x is string => !!x).sort(compareStrings)[0];
    const years = (v: string, f: (...n: number[]) => number) => {
      const values = roleRows.map((r) => int(r, v)).filter((x): x is number => x !== undefined);
      return values.length ? f(...values) : undefined;
    };
    const party = pick("party")!;
    const type = pick("type");
    const supports = pick("supports");
    const period = pick("period");
    let startYear = years("start", Math.min);
    let endYear = years("end", Math.max);
    if (startYear !== undefined && endYear === undefined) endYear = startYear;
    if (endYear !== undefined && startYear === undefined) startYear = endYear;
    const entry: ThirdPartyRoleEntry = {
      iri: role,
      role: type ? ref(type) : { iri: "", label: "third party" },
      ...(supports ? { supports: ref(supports) } : {}),
      ...(period ? { period: ref(period) } : {}),
      ...(startYear !== undefined ? { startYear, endYear } : {}),
      evidence: evidence.get(role) ?? [],
    };
    byParty.set(party, [...(byParty.get(party) ?? []), entry]);
    const row = rowOf.get(role)?.period ?? "";
    const parties = byPeriod.get(row) ?? byPeriod.set(row, new Map()).get(row)!;
    parties.set(party, [...(parties.get(party) ?? []), entry]);
  }

  const first = (list: ThirdPartyRoleEntry[]) => Math.min(...list.map((r) => r.startYear ?? Infinity));
  const byYear = (x: ThirdPartyRoleEntry, y: ThirdPartyRoleEntry) =>
    (x.startYear ?? Infinity) - (y.startYear ?? Infinity) || compareStrings(x.role.label, y.role.label) || compareStrings(x.iri, y.iri);
  const grouped = (parties: Map<string, ThirdPartyRoleEntry[]>) =>
    [...parties]
      .map(([party, list]) => ({ actor: ref(party), roles: [...list].sort(byYear) }))
      .sort((x, y) => first(x.roles) - first(y.roles) || compareStrings(x.actor.label, y.actor.label));
  const periodSpan = (period: string) => time.ownSpan(period) ?? { start: Infinity, end: Infinity };
  const periods = [...byPeriod.keys()]
    .sort((x, y) => Number(x === "") - Number(y === "") || periodSpan(x).start - periodSpan(y).start || periodSpan(x).end - periodSpan(y).end || compareStrings(x, y))
    .map((period) => {
      const span = period ? time.ownSpan(period) : undefined;
      return {
        ...(period ? { period: { ...ref(period), ...(span ? { startYear: span.start, endYear: span.end } : {}) } } : {}),
        thirdParties: grouped(byPeriod.get(period)!),
      };
    });
  return {
    dyad: [ref(a), ref(b)],
    thirdParties: grouped(byParty),
    ...(hasWindow(window) ? { window, undatedOmitted } : {}),
    periods,
  };
}
