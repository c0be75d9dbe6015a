import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../test/testServer.ts";
import { cas, cd, startStage2Server } from "./fixtures/stage2Fixture.ts";
import { readGraphModel } from "./graphModel.ts";
import { graphView } from "./graphView.ts";
import { neighbours } from "./neighbours.ts";
import { meets, readTimeIndex, spanOf } from "./timeWindow.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startStage2Server();
});
afterAll(() => server.close());

const keys = async (filters: Parameters<typeof graphView>[1]) => (await graphView(server.engine, filters)).nodes.map((n) => n.key);

describe("the time rule (one function for every view)", () => {
  it("meets on the outer bounds, and reads one year as a point in time", () => {
    expect(meets({ start: 1804, end: 1813 }, { from: 1813, to: 1900 })).toBe(true);
    expect(meets({ start: 1804, end: 1813 }, { from: 1814 })).toBe(false);
    expect(meets({ start: 1804, end: 1813 }, { to: 1803 })).toBe(false);
    expect(spanOf({ startYear: 1813 })).toEqual({ start: 1813, end: 1813 });
    expect(spanOf({})).toBeUndefined();
  });

  it("keeps an undated actor in a window through the events, treaties and roles it takes part in", async () => {
    const kept = await keys({ from: 1795, to: 1921 });
    expect(kept).toEqual(expect.arrayContaining([cd("Iran"), cd("Russia"), cd("Britain"), cd("FirstWar"), cd("TreatyOfGulistan"), cd("Caucasus")]));
    expect(kept).not.toContain(cd("Taliban"));
    expect(kept).not.toContain(cd("NewSecurityEnvironment"));
  });

  it("gives an undated role the years its periods share, so its third party meets only their window", async () => {
    const time = await readTimeIndex(server.engine);
    expect(time.ownSpan(cd("RoleTerroristGroups"))).toEqual({ start: 1991, end: 2021 });
    // During both the Qajar period and the Age of Neighbourhood: the years the two share.
    expect(time.ownSpan(cd("RoleBritainPartner"))).toEqual({ start: 1801, end: 1915 });
    expect(time.verdict(cd("TerroristGroups"), { from: 1795, to: 1921 })).toBe("out");
    expect(time.verdict(cd("TerroristGroups"), { from: 2000, to: 2000 })).toBe("in");
  });

  it("leaves undated resources out of a window, says how many, and keeps them on request", async () => {
    const payload = await graphView(server.engine, { from: 1700, to: 1900 });
    const kept = payload.nodes.map((n) => n.key);
    // Atlantis takes part in nothing; the Ottomans only in an undated role with no period.
    expect(kept).not.toContain(cd("Atlantis"));
    expect(kept).not.toContain(cd("Ottomans"));
    expect(payload.attributes.undatedOmitted).toBeGreaterThanOrEqual(2);
    expect(payload.attributes.window).toEqual({ from: 1700, to: 1900 });
    const withUndated = await graphView(server.engine, { from: 1700, to: 1900, undated: "include" });
    expect(withUndated.nodes.map((n) => n.key)).toEqual(expect.arrayContaining([cd("Atlantis"), cd("Ottomans")]));
    expect(withUndated.attributes.undatedOmitted).toBe(0);
  });

  it("keeps everything when no window is asked", async () => {
    const payload = await graphView(server.engine);
    expect(payload.nodes.map((n) => n.key)).toEqual(expect.arrayContaining([cd("Atlantis"), cd("Taliban")]));
    expect(payload.attributes).not.toHaveProperty("undatedOmitted");
  });

  it("dates an edge by its statement node's own years before its event's", async () => {
    const time = await readTimeIndex(server.engine);
    const model = await readGraphModel(server.engine);
    const support = model.edges.find((e) => e.key === `${cd("FirstWar")}|${cas("supporter")}|${cd("Britain")}`)!;
    expect(time.edgeSpan(support)).toEqual({ start: 1805, end: 1807 });
    const inLaterYears = await graphView(server.engine, { from: 1810, to: 1813 });
    expect(inLaterYears.edges.map((e) => e.key)).not.toContain(support.key);
    expect(inLaterYears.nodes.map((n) => n.key)).toContain(cd("FirstWar"));
  });
});

describe("neighbours in a window", () => {
  it("expands a node only to the neighbours and edges the window keeps, counting the rest", async () => {
    const all = await neighbours(server.engine, cd("Iran"));
    expect(all.nodes.map((n) => n.key)).toEqual(expect.arrayContaining([cd("Taliban"), cd("FirstWar"), cd("Ottomans")]));
    const qajar = await neighbours(server.engine, cd("Iran"), 500, { from: 1795, to: 1921 });
    const keys = qajar.nodes.map((n) => n.key);
    expect(keys).toEqual(expect.arrayContaining([cd("FirstWar"), cd("Britain"), cd("TreatyOfGulistan")]));
    expect(keys).not.toContain(cd("Taliban"));
    expect(keys).not.toContain(cd("Ottomans"));
    expect(qajar.attributes).toMatchObject({ window: { from: 1795, to: 1921 } });
  });
});
