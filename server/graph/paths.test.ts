import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmbeddedEngine } from "../sparql/embeddedEngine.ts";
import { NotFoundError } from "./errors.ts";
import { paths } from "./paths.ts";
import { cas, cd, startTestEngine } from "../test/testEngine.ts";
import type { PathsResult } from "../../contract/api.ts";
import type { TestServer } from "../test/testServer.ts";
import { startStage2Server } from "./fixtures/stage2Fixture.ts";

let engine: EmbeddedEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(() => engine.close());

describe("paths", () => {
  it("reads a step as a sentence from the predicate and the direction walked, with the treaty's evidence", async () => {
    const result = await paths(engine, cd("Russia"), cd("TreatyOfTurkmenchay"));
    expect(result.from).toEqual({ iri: cd("Russia"), label: "Russia" });
    expect(result.paths).toHaveLength(1);
    const [step] = result.paths[0]!.steps;
    expect(step).toMatchObject({
      source: { iri: cd("Russia"), label: "Russia" },
      target: { iri: cd("TreatyOfTurkmenchay"), label: "Treaty of Turkmenchay" },
      predicate: { iri: cas("party"), label: "party" },
      sentence: "Russia — party to — Treaty of Turkmenchay (1828)",
      edge: `${cd("TreatyOfTurkmenchay")}|${cas("party")}|${cd("Russia")}`,
    });
    expect(step).not.toHaveProperty("via");
    expect(step?.evidence.map((e) => e.iri)).toEqual([cd("ev-TreatyOfTurkmenchay-1")]);
    const back = await paths(engine, cd("TreatyOfTurkmenchay"), cd("Russia"));
    expect(back.paths[0]?.steps[0]?.sentence).toBe("Treaty of Turkmenchay (1828) — has party — Russia");
  });

  it("prefers the best-evidenced of parallel edges and gives an n-ary edge its node's evidence", async () => {
    const [path] = (await paths(engine, cd("Iran"), cd("Russia"))).paths;
    expect(path?.steps).toEqual([
      {
        source: { iri: cd("Iran"), label: "Iran" },
        target: { iri: cd("Russia"), label: "Russia" },
        predicate: { iri: cas("RelationshipState"), label: "Relationship state" },
        sentence: "Iran — in cooperation (1501–1722) with — Russia",
        startYear: 1501,
        endYear: 1722,
        evidence: [expect.objectContaining({ iri: cd("ev-rel-IranRussia-Safavid-1") })],
        edge: cd("rel-IranRussia-Safavid"),
        via: cd("rel-IranRussia-Safavid"),
      },
    ]);
  });

  it("finds every shortest path up to max, in a stable order", async () => {
    const result = await paths(engine, cd("Britain"), cd("HajiTarkhan"), 20);
    const lengths = new Set(result.paths.map((p) => p.nodes.length));
    expect(lengths).toEqual(new Set([4]));
    expect(result.paths.map((p) => p.nodes.map((n) => n.label))).toEqual([
      ["Britain", "Iran", "Shirley mission", "Haji Tarkhan"],
    ]);
    expect(result.paths[0]?.steps.map((s) => s.sentence)).toEqual([
      "Britain — partner or supporter (third party, 1941–1946) for — Iran",
      "Iran — participant in — Shirley mission (1599)",
      "Shirley mission (1599) — took place in — Haji Tarkhan",
    ]);
    const many = await paths(engine, cd("QajarPeriod"), cd("Russia"), 20);
    expect(many.paths.map((p) => p.nodes.map((n) => n.label))).toEqual([
      ["Qajar period", "Iran", "Russia"],
      ["Qajar period", "Treaty of Gulistan", "Russia"],
      ["Qajar period", "Treaty of Turkmenchay", "Russia"],
    ]);
    expect((await paths(engine, cd("QajarPeriod"), cd("Russia"), 1)).paths).toEqual(many.paths.slice(0, 1));
  });

  it("does not connect two claims through a work they both cite, and answers no paths between unconnected entities", async () => {
    const result = await paths(engine, cd("IvanTheGreat"), cd("Iran"));
    expect(result.paths).toEqual([]);
  });

  it("throws NotFoundError for an IRI that is not a drawn entity", async () => {
    await expect(paths(engine, cd("Atlantis"), cd("Iran"))).rejects.toBeInstanceOf(NotFoundError);
    await expect(paths(engine, cd("Iran"), cd("ref-Tranzio1980"))).rejects.toBeInstanceOf(NotFoundError);
  });
});

// Two later events give Atlantis a way to the Taliban that keeps to time order.
const LATER = `
cd:Mission1900 a cas:Event ; rdfs:label "mission of 1900" ; cas:startYear 1900 ; cas:participant cd:Atlantis , cd:Britain .
cd:Conference1950 a cas:Event ; rdfs:label "conference of 1950" ; cas:startYear 1950 ; cas:participant cd:Britain , cd:Russia .
`;

describe("paths in time order", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startStage2Server(LATER);
  });
  afterAll(() => server.close());

  const neverBackInTime = (result: PathsResult) => {
    for (const path of result.paths) {
      const starts = path.steps.map((s) => s.startYear);
      expect(starts.every((y) => y !== undefined)).toBe(true);
      for (let i = 1; i < starts.length; i++) expect(starts[i]!).toBeGreaterThanOrEqual(starts[i - 1]!);
    }
  };

  it("walks a longer path rather than go back in time, and every step carries its years", async () => {
    const any = await paths(server.engine, cd("Atlantis"), cd("Taliban"), 5);
    expect(any.paths[0]?.nodes.map((n) => n.label)).toEqual(["Atlantis", "mission of 1900", "Britain", "Iran", "Taliban"]);
    // The shortest path goes from 1900 back to Britain's role of 1801.
    expect(any.paths[0]?.steps.map((s) => s.startYear)).toEqual([1900, 1900, 1801, 1996]);
    const timed = await paths(server.engine, cd("Atlantis"), cd("Taliban"), 5, { order: "time" });
    expect(timed.order).toBe("time");
    expect(timed.paths[0]?.nodes.map((n) => n.label)).toEqual(["Atlantis", "mission of 1900", "Britain", "conference of 1950", "Russia", "Taliban"]);
    expect(timed.paths[0]?.steps.map((s) => [s.startYear, s.endYear])).toEqual([[1900, 1900], [1900, 1900], [1950, 1950], [1950, 1950], [1996, 2001]]);
    neverBackInTime(timed);
  });

  it("never goes back in time, from any actor to any other", async () => {
    const ends = ["Iran", "Russia", "Britain", "Taliban", "Atlantis", "TreatyOfGulistan", "SecondWar", "QajarPeriod"].map(cd);
    let found = 0;
    for (const from of ends) {
      for (const to of ends) {
        if (from === to) continue;
        const result = await paths(server.engine, from, to, 20, { order: "time" });
        found += result.paths.length;
        neverBackInTime(result);
      }
    }
    expect(found).toBeGreaterThan(10);
  });

  it("answers no time-ordered path where every way goes back in time", async () => {
    expect((await paths(server.engine, cd("Taliban"), cd("TreatyOfGulistan"))).paths).toHaveLength(2);
    expect((await paths(server.engine, cd("Taliban"), cd("TreatyOfGulistan"), 5, { order: "time" })).paths).toEqual([]);
  });

  it("keeps every step in the window asked", async () => {
    const result = await paths(server.engine, cd("Atlantis"), cd("Iran"), 5, { window: { from: 1795, to: 1921 } });
    expect(result.paths.length).toBeGreaterThan(0);
    for (const step of result.paths.flatMap((p) => p.steps)) {
      expect(step.startYear!).toBeLessThanOrEqual(1921);
      expect(step.endYear!).toBeGreaterThanOrEqual(1795);
    }
    expect((await paths(server.engine, cd("Atlantis"), cd("Iran"), 5, { window: { from: 1000, to: 1100 } })).paths).toEqual([]);
  });
});
