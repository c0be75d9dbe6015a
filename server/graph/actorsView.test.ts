import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActorEdgeAttributes, EdgeStatements, GraphPayload } from "../../contract/api.ts";
import type { TestServer } from "../test/testServer.ts";
import { cas, cd, startStage2Server } from "./fixtures/stage2Fixture.ts";

// The actors' network and its edge evidence through the real routes, over statement nodes.
let server: TestServer;
beforeAll(async () => {
  server = await startStage2Server();
});
afterAll(() => server.close());

async function get<T>(path: string, params: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.url}/api/v1${path}?${new URLSearchParams(params)}`);
  return { status: response.status, body: (await response.json()) as T };
}
const edgeOf = (payload: GraphPayload, source: string, relation: string, target: string) =>
  payload.edges.find((e) => e.source === cd(source) && e.target === cd(target) && (e.attributes as ActorEdgeAttributes).relation === relation)?.attributes as
    | ActorEdgeAttributes
    | undefined;

describe("GET /api/v1/graph?view=actors", () => {
  it("draws states, peoples, dynasties, movements and armed groups, not persons, places or events", async () => {
    const { status, body } = await get<GraphPayload>("/graph", { view: "actors" });
    expect(status).toBe(200);
    expect(body.attributes.view).toBe("actors");
    const keys = body.nodes.map((n) => n.key);
    expect(keys).toEqual(expect.arrayContaining([cd("Iran"), cd("Russia"), cd("Britain"), cd("Taliban")]));
    expect(keys).not.toContain(cd("AlexanderI"));
    expect(keys).not.toContain(cd("Caucasus"));
    expect(keys).not.toContain(cd("FirstWar"));
    expect(new Set(body.edges.map((e) => `${e.source} ${e.target}`)).size).toBeLessThanOrEqual(body.edges.length);
  });

  it("aggregates one edge per pair and relation, weighted by its grounds and spanning their years", async () => {
    const { body } = await get<GraphPayload>("/graph", { view: "actors" });
    const war = edgeOf(body, "Russia", "war", "Iran");
    expect(war).toMatchObject({ relation: "war", kind: "war", weight: 2, startYear: 1804, endYear: 1828, editorial: false });
    expect(war?.grounds).toEqual([cd("FirstWar"), cd("SecondWar")]);
    // The reciprocal war is its own edge, in the other direction.
    expect(edgeOf(body, "Iran", "war", "Russia")).toMatchObject({ weight: 1, startYear: 1826 });
    expect(edgeOf(body, "Russia", "threat", "Iran")).toMatchObject({ weight: 1, grounds: [cd("RussianThreat")] });
    expect(edgeOf(body, "Iran", "alliance", "Russia")).toMatchObject({ grounds: [cd("IranRussiaCooperationAfter1991")] });
    expect(edgeOf(body, "Britain", "thirdParty", "Iran")).toMatchObject({ grounds: [cd("RoleBritainPartner")] });
    expect(edgeOf(body, "Britain", "alliance", "Russia")).toMatchObject({ grounds: [cd("FirstWar")] });
  });

  it("marks an edge editorial when every statement is the editors', and leaves it out on editorial=exclude", async () => {
    const { body } = await get<GraphPayload>("/graph", { view: "actors" });
    const treaty = edgeOf(body, "Iran", "treatyParty", "Russia");
    expect(treaty).toMatchObject({ weight: 1, editorial: true, statements: [cd("st-Gulistan-party-Iran"), cd("st-Gulistan-party-Russia")] });
    const { body: authorOnly } = await get<GraphPayload>("/graph", { view: "actors", editorial: "exclude" });
    expect(edgeOf(authorOnly, "Iran", "treatyParty", "Russia")).toBeUndefined();
    expect(edgeOf(authorOnly, "Russia", "war", "Iran")).toBeDefined();
    expect(authorOnly.attributes.editorialOmitted).toBeGreaterThanOrEqual(1);
  });

  it("keeps in a window only the grounds that meet it, and says how many actors it left out", async () => {
    const { body } = await get<GraphPayload>("/graph", { view: "actors", from: "1795", to: "1921" });
    expect(body.nodes.map((n) => n.key)).not.toContain(cd("Taliban"));
    expect(body.nodes.map((n) => n.key)).not.toContain(cd("TerroristGroups"));
    expect(edgeOf(body, "Iran", "alliance", "Russia")).toBeUndefined();
    expect(edgeOf(body, "Russia", "war", "Iran")).toMatchObject({ weight: 2 });
    expect(body.attributes).toMatchObject({ window: { from: 1795, to: 1921 }, undatedOmitted: 2 });
    const { body: late } = await get<GraphPayload>("/graph", { view: "actors", from: "1827", to: "1900" });
    expect(edgeOf(late, "Russia", "war", "Iran")).toMatchObject({ weight: 1, grounds: [cd("SecondWar")], startYear: 1826, endYear: 1828 });
  });

  it("answers 400 for an unknown view or undated value", async () => {
    for (const params of [{ view: "hairball" }, { undated: "maybe" }, { editorial: "sometimes" }] as Record<string, string>[]) {
      const { status, body } = await get<{ code: string; message: string }>("/graph", params);
      expect({ status, code: body.code }).toEqual({ status: 400, code: "BAD_REQUEST" });
      expect(body.message).toContain(Object.keys(params)[0]);
    }
  });
});

describe("GET /api/v1/edge", () => {
  it("lists an actors-view edge's statements, each with its years, attribution and own evidence", async () => {
    const { status, body } = await get<EdgeStatements>("/edge", { source: cd("Britain"), target: cd("Russia"), relation: "alliance" });
    expect(status).toBe(200);
    expect(body.source).toEqual({ iri: cd("Britain"), label: "Britain" });
    const editors = body.statements.find((s) => s.iri === cd("st-FirstWar-supporter-Britain"));
    expect(editors).toMatchObject({
      ground: { iri: cd("FirstWar"), label: "first war", kind: "event" },
      startYear: 1805,
      endYear: 1807,
      attributedTo: { iri: cd("CaspianEditors"), label: "Caspian editors" },
      editorial: true,
      disputed: true,
      note: "Only the first years of the war.",
      alternativeTo: [cd("st-FirstWar-supporter-Britain-author")],
    });
    // No evidence of its own: the event's (its subject's) evidence stands in.
    expect(editors?.evidenceOf).toBe("subject");
    expect(editors?.evidence.map((e) => e.iri)).toEqual([cd("ev-FirstWar-1")]);
    const author = body.statements.find((s) => s.iri === cd("st-FirstWar-supporter-Britain-author"));
    expect(author).toMatchObject({ attributedTo: { iri: cd("Karami") }, editorial: false, evidenceOf: "statement", alternativeTo: [cd("st-FirstWar-supporter-Britain")] });
    expect(author?.evidence[0]?.quote).toBe("in the nineteenth century Russia, along with Britain, became the main quasi-colonial powers in Iran");
    // The aggressor's triple has no statement node: read as the event's claim, the author's.
    const bare = body.statements.find((s) => s.iri === undefined);
    expect(bare).toMatchObject({ attributedTo: { iri: cd("Karami") }, evidenceOf: "subject", triples: [{ subject: { iri: cd("FirstWar") }, predicate: { iri: cas("aggressor") }, object: { iri: cd("Russia") } }] });
  });

  it("names a symmetric edge in either order, and a full-view edge by its key", async () => {
    const { body } = await get<EdgeStatements>("/edge", { source: cd("Russia"), target: cd("Iran"), relation: "treatyParty" });
    expect(body.statements.map((s) => s.iri)).toEqual([cd("st-Gulistan-party-Iran"), cd("st-Gulistan-party-Russia")]);
    expect(body.statements[0]?.evidence.map((e) => e.iri)).toEqual([cd("ev-st-Gulistan-Iran")]);
    expect(body.statements[1]).toMatchObject({ evidenceOf: "subject", evidence: [expect.objectContaining({ iri: cd("ev-Gulistan-1") })] });
    const key = `${cd("TreatyOfGulistan")}|${cas("party")}|${cd("Iran")}`;
    const { status, body: full } = await get<EdgeStatements>("/edge", { key });
    expect(status).toBe(200);
    expect(full.statements.map((s) => s.iri)).toEqual([cd("st-Gulistan-party-Iran")]);
  });

  it("answers 404 for an edge that is not there and 400 for a half-named one", async () => {
    expect((await get("/edge", { source: cd("Atlantis"), target: cd("Iran"), relation: "war" })).status).toBe(404);
    expect((await get("/edge", { key: "no such edge" })).status).toBe(404);
    const { status, body } = await get<{ code: string }>("/edge", { source: cd("Iran") });
    expect({ status, code: body.code }).toEqual({ status: 400, code: "BAD_REQUEST" });
  });
});
