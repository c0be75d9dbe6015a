import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmbeddedEngine } from "../sparql/embeddedEngine.ts";
import { NotFoundError } from "./errors.ts";
import { paths } from "./paths.ts";
import { cas, cd, startTestEngine } from "./testEngine.ts";

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
