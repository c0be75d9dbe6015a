import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmbeddedEngine } from "../sparql/embeddedEngine.ts";
import { MATCH_SCORES } from "./labelMatch.ts";
import { search } from "./search.ts";
import { cd, startTestEngine } from "../test/testEngine.ts";

let engine: EmbeddedEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(() => engine.close());

describe("search", () => {
  it.each([
    ["Turkmanchay", "TreatyOfTurkmenchay", "Turkmanchay"],
    ["turkmachay", "TreatyOfTurkmenchay", "Turkmachay"],
    ["Golestan", "TreatyOfGulistan", "Golestan"],
    ["Astrakhan", "HajiTarkhan", "Astrakhan"],
    ["PERSIA", "Iran", "Persia"],
    ["Írán", "Iran", "Iran"],
    ["ussr", "SovietUnion", "USSR"],
  ])("ranks the right entity first for %j, naming the label that matched", async (q, local, matched) => {
    const [first] = await search(engine, q);
    expect(first).toMatchObject({ iri: cd(local), matched, score: MATCH_SCORES.exact });
  });

  it("answers the entity's own label and kind with each hit", async () => {
    expect((await search(engine, "Astrakhan"))[0]).toEqual({
      iri: cd("HajiTarkhan"),
      label: "Haji Tarkhan",
      matched: "Astrakhan",
      kind: "place",
      score: MATCH_SCORES.exact,
    });
  });

  it("ranks exact before prefix before word prefix before substring", async () => {
    const hits = await search(engine, "Iran");
    expect(hits.map((h) => [h.label, h.score])).toEqual([
      ["Iran", MATCH_SCORES.exact],
      ["Iran and Russia: Past Experiences and Future Prospects", MATCH_SCORES.prefix],
      ["Russian threat to Iran", MATCH_SCORES.wordPrefix],
    ]);
    const ottoman = await search(engine, "otto");
    expect(ottoman[0]).toMatchObject({ iri: cd("OttomanEmpire"), matched: "Ottoman Empire", score: MATCH_SCORES.prefix });
    expect((await search(engine, "afavid"))[0]).toMatchObject({ iri: cd("SafavidPeriod"), score: MATCH_SCORES.substring });
  });

  it("finds a treaty by a close spelling the data does not list", async () => {
    expect((await search(engine, "Turkmenchai"))[0]).toMatchObject({ iri: cd("TreatyOfTurkmenchay"), score: MATCH_SCORES.close });
  });

  it("leaves out the ontology's classes and properties", async () => {
    const hits = await search(engine, "treaty");
    expect(hits.map((h) => h.iri)).toEqual([cd("TreatyOfGulistan"), cd("TreatyOfTurkmenchay")]);
  });

  it("answers at most `limit` hits and nothing for a query of only punctuation", async () => {
    expect(await search(engine, "a", 2)).toHaveLength(2);
    expect(await search(engine, "—")).toEqual([]);
  });
});
