import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../test/testServer.ts";
import { cd, startStage2Server } from "./fixtures/stage2Fixture.ts";
import { thirdParties } from "./thirdParties.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startStage2Server();
});
afterAll(() => server.close());

const parties = (analysis: Awaited<ReturnType<typeof thirdParties>>) => analysis.thirdParties.map((p) => p.actor.label);

describe("the third-party lens per period", () => {
  it("lists in the Qajar period only the roles whose years meet it: Britain, not the Taliban or terrorist groups", async () => {
    const qajar = await thirdParties(server.engine, [cd("Iran"), cd("Russia")], { from: 1795, to: 1921 });
    expect(parties(qajar)).toEqual(["Britain"]);
    expect(qajar.window).toEqual({ from: 1795, to: 1921 });
    // The Ottoman role has no years and no period.
    expect(qajar.undatedOmitted).toBe(1);
    const withUndated = await thirdParties(server.engine, [cd("Iran"), cd("Russia")], { from: 1795, to: 1921, undated: "include" });
    expect(parties(withUndated)).toEqual(["Britain", "Ottoman Empire"]);
  });

  it("lists the roles of a later window, an undated role placed by its period", async () => {
    const later = await thirdParties(server.engine, [cd("Iran"), cd("Russia")], { from: 2000, to: 2000 });
    expect(parties(later).sort()).toEqual(["Taliban", "terrorist groups"]);
  });

  it("without a window, groups every role a row per period, in time order, undated roles last", async () => {
    const all = await thirdParties(server.engine);
    expect(parties(all)).toHaveLength(4);
    expect(all).not.toHaveProperty("window");
    expect(all.periods?.map((row) => row.period?.label ?? "(no period)")).toEqual(["Qajar period", "new security environment", "(no period)"]);
    expect(all.periods?.[0]).toMatchObject({ period: { iri: cd("QajarPeriod"), startYear: 1795, endYear: 1921 }, thirdParties: [{ actor: { label: "Britain" } }] });
    expect(all.periods?.[1]?.thirdParties.map((p) => p.actor.label)).toEqual(["Taliban", "terrorist groups"]);
    expect(all.periods?.[2]?.thirdParties.map((p) => p.actor.label)).toEqual(["Ottoman Empire"]);
  });
});
