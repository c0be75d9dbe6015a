import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmbeddedEngine } from "../sparql/embeddedEngine.ts";
import { thirdParties } from "./thirdParties.ts";
import { cas, cd, startTestEngine } from "../test/testEngine.ts";

let engine: EmbeddedEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(() => engine.close());

describe("thirdParties", () => {
  it("groups the Iran–Russia roles by third party, earliest first, Soviet-era roles included", async () => {
    const analysis = await thirdParties(engine);
    expect(analysis.dyad).toEqual([{ iri: cd("Iran"), label: "Iran" }, { iri: cd("Russia"), label: "Russia" }]);
    expect(analysis.thirdParties.map((p) => p.actor.label)).toEqual(["Ottoman Empire", "Britain"]);
  });

  it("gives each role its type, period, years and evidence", async () => {
    const [ottomans] = (await thirdParties(engine)).thirdParties;
    expect(ottomans).toEqual({
      actor: { iri: cd("OttomanEmpire"), label: "Ottoman Empire" },
      roles: [
        {
          iri: cd("role-OttomanEmpire-IranRussia"),
          role: { iri: cas("CommonThreat"), label: "common threat" },
          period: { iri: cd("SafavidPeriod"), label: "Safavid period" },
          startYear: 1501,
          endYear: 1722,
          evidence: [
            {
              iri: cd("ev-rel-IranRussia-Safavid-1"),
              quote: "The common threat of Ottoman expansionism around the Black Sea led to the implicit and intermittent unification of Iran and Russia",
              section: "Age of Geographical Distance",
            },
          ],
        },
      ],
    });
  });

  it("names the side a partner or supporter supports", async () => {
    const britain = (await thirdParties(engine)).thirdParties.find((p) => p.actor.iri === cd("Britain"));
    expect(britain?.roles[0]).toMatchObject({ role: { label: "partner or supporter" }, supports: { iri: cd("Iran"), label: "Iran" }, startYear: 1941 });
  });

  it("answers the same roles with the dyad given the other way round, and none for another pair", async () => {
    const reversed = await thirdParties(engine, [cd("Russia"), cd("Iran")]);
    expect(reversed.thirdParties.map((p) => p.actor.label)).toEqual(["Ottoman Empire", "Britain"]);
    expect((await thirdParties(engine, [cd("Iran"), cd("SovietUnion")])).thirdParties.map((p) => p.actor.label)).toEqual(["Britain"]);
    expect((await thirdParties(engine, [cd("Iran"), cd("OttomanEmpire")])).thirdParties).toEqual([]);
  });
});
