import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmbeddedEngine } from "../sparql/embeddedEngine.ts";
import { timeline } from "./timeline.ts";
import { readViewData } from "./viewData.ts";
import { cas, cd, startTestEngine } from "../test/testEngine.ts";

let engine: EmbeddedEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(() => engine.close());

describe("timeline", () => {
  it("lists dynastic periods with their country and the article's analytic ages, in time order", async () => {
    const { periods } = await timeline(engine);
    expect(periods).toEqual([
      { iri: cd("AgeOfGeographicalDistance"), label: "Age of Geographical Distance", kind: "analytic", startYear: -500, endYear: 1722 },
      { iri: cd("SafavidPeriod"), label: "Safavid period", kind: "dynastic", country: { iri: cd("Iran"), label: "Iran" }, startYear: 1501, endYear: 1722 },
      { iri: cd("QajarPeriod"), label: "Qajar period", kind: "dynastic", country: { iri: cd("Iran"), label: "Iran" }, startYear: 1795, endYear: 1925 },
    ]);
  });

  it("lists dated events, treaties and threats, in time order", async () => {
    const { events } = await timeline(engine);
    expect(events.map((e) => [e.label, e.kind, e.startYear, e.endYear])).toEqual([
      ["Shirley mission", "event", 1599, 1599],
      ["Russian threat to Iran", "threat", 1722, 1991],
      ["Treaty of Gulistan", "treaty", 1813, 1813],
      ["Treaty of Turkmenchay", "treaty", 1828, 1828],
    ]);
  });

  it("lists the Iran–Russia relationship states, the Soviet Union counting as Russia's side", async () => {
    const { relationshipStates } = await timeline(engine);
    expect(relationshipStates).toEqual([
      {
        iri: cd("rel-IranRussia-Safavid"),
        dyad: [{ iri: cd("Iran"), label: "Iran" }, { iri: cd("Russia"), label: "Russia" }],
        level: { iri: cas("Cooperation"), label: "cooperation", rank: 4 },
        geography: { iri: cas("GeographicalDistance"), label: "geographical distance" },
        period: { iri: cd("SafavidPeriod"), label: "Safavid period" },
        startYear: 1501,
        endYear: 1722,
        evidenceCount: 1,
      },
      {
        iri: cd("rel-IranSoviet-Threat"),
        dyad: [{ iri: cd("Iran"), label: "Iran" }, { iri: cd("SovietUnion"), label: "Soviet Union" }],
        level: { iri: cas("ThreatLevel"), label: "threat", rank: 6 },
        geography: { iri: cas("SharedBorder"), label: "shared border" },
        startYear: 1917,
        endYear: 1991,
        evidenceCount: 0,
      },
    ]);
  });

  it("orders the dyad as asked and finds no states for a pair without any", async () => {
    const reversed = await timeline(engine, [cd("Russia"), cd("Iran")]);
    expect(reversed.relationshipStates[0]?.dyad.map((r) => r.iri)).toEqual([cd("Russia"), cd("Iran")]);
    expect((await timeline(engine, [cd("Iran"), cd("Britain")])).relationshipStates).toEqual([]);
  });

  it("keeps to the years asked: only the events that meet the window, counted", async () => {
    const all = await timeline(engine);
    const qajar = await timeline(engine, undefined, { from: 1795, to: 1925 });
    expect(qajar.events.map((e) => e.label)).toEqual(["Russian threat to Iran", "Treaty of Gulistan", "Treaty of Turkmenchay"]);
    expect(qajar.eventCount).toBe(3);
    expect(all.eventCount).toBe(4);
    expect(qajar.eventsOmitted).toBeUndefined();
    expect(qajar.periods).toEqual(all.periods);
  });

  it("carries at most maxEvents, the most connected, in time order, says what it left out and still counts them all by stretch of years", async () => {
    const cut = await timeline(engine, undefined, { maxEvents: 2 });
    expect(cut.events).toHaveLength(2);
    expect(cut.eventCount).toBe(4);
    expect(cut.eventsOmitted).toBe("2 of 4 dated events left out: the timeline shows the 2 most connected; a narrower range of years shows more.");
    expect(cut.events.map((e) => e.startYear)).toEqual([...cut.events.map((e) => e.startYear)].sort((a, b) => a - b));
    // The two with the most edges in the graph: every event kept has at least as many as any left out.
    const { incident } = await readViewData(engine);
    const degree = (iri: string) => incident.get(iri)?.length ?? 0;
    const kept = new Set(cut.events.map((e) => e.iri));
    const left = (await timeline(engine)).events.filter((e) => !kept.has(e.iri));
    expect(Math.min(...cut.events.map((e) => degree(e.iri)))).toBeGreaterThanOrEqual(Math.max(...left.map((e) => degree(e.iri))));
    expect(cut.eventBuckets.reduce((sum, b) => sum + b.count, 0)).toBe(4);
    expect(cut.eventBuckets[0]!.startYear).toBe(1599);
    const bucketOf = (year: number) => cut.eventBuckets.find((b) => b.startYear <= year && year <= b.endYear)!;
    expect(bucketOf(1813).count).toBe(1);
    expect(cut.eventBuckets.at(-1)!.endYear).toBe(1991);
  });
});

