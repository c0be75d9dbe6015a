import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SOURCES } from "../rdf/loadDatasets.ts";
import { startTestServer, type TestServer } from "../test/testServer.ts";
import type { EntityDetails, GraphPayload, PathsResult, SearchHit, SourcePassage, ThirdPartyAnalysis, Timeline } from "../../contract/api.ts";

// The real app and embedded engine on port 0, over the curated ontology and data.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ sources: DEFAULT_SOURCES });
});
afterAll(() => server.close());

const cd = (local: string) => `https://w3id.org/caspian/data/${local}`;
const cas = (local: string) => `https://w3id.org/caspian/ontology#${local}`;

async function get<T>(path: string, params: Record<string, string> = {}): Promise<{ status: number; body: T; type: string | null }> {
  const query = new URLSearchParams(params).toString();
  const response = await fetch(`${server.url}/api/v1${path}${query ? `?${query}` : ""}`);
  return { status: response.status, body: (await response.json()) as T, type: response.headers.get("content-type") };
}

async function expectError(path: string, params: Record<string, string>, status: number, code: string, mentions?: string) {
  const { status: actual, body } = await get<{ code: string; message: string }>(path, params);
  expect({ status: actual, code: body.code }).toEqual({ status, code });
  if (mentions) expect(body.message).toContain(mentions);
}

describe("GET /api/v1/graph", () => {
  it("answers the curated graph as a graphology payload with Iran and Russia party to the Treaty of Turkmenchay", async () => {
    const { status, body, type } = await get<GraphPayload>("/graph");
    expect(status).toBe(200);
    expect(type).toMatch(/^application\/json/);
    expect(body.options).toEqual({ type: "directed", multi: true, allowSelfLoops: false });
    const node = (local: string) => body.nodes.find((n) => n.key === cd(local))?.attributes;
    expect(node("TreatyOfTurkmenchay")).toMatchObject({ label: "Treaty of Turkmenchay", kind: "treaty", startYear: 1828, endYear: 1828 });
    expect(node("Iran")).toMatchObject({ label: "Iran", kind: "actor" });
    expect(node("SafavidPeriod")).toMatchObject({ kind: "period", startYear: 1501, endYear: 1722 });
    const parties = body.edges.filter((e) => e.target === cd("TreatyOfTurkmenchay") && e.attributes.kind === "treatyParty").map((e) => e.source);
    expect(parties.sort()).toEqual([cd("Iran"), cd("Russia")]);
    expect(body.attributes).toEqual({ totalNodes: body.nodes.length, totalEdges: body.edges.length, view: "full" });
  });

  it("draws every curated resource as one of the explorer's kinds, and the article only through its quotes", async () => {
    const { body } = await get<GraphPayload>("/graph");
    expect(body.nodes.filter((n) => n.attributes.kind === "other").map((n) => n.key)).toEqual([]);
    expect(body.nodes.map((n) => n.key)).not.toContain(cd("KaramiArticle"));
  });

  it("answers the same payload twice for the same data", async () => {
    const [a, b] = await Promise.all([fetch(`${server.url}/api/v1/graph`), fetch(`${server.url}/api/v1/graph`)]);
    expect(await a.text()).toBe(await b.text());
  });

  it("filters by years, node kinds and relation kinds", async () => {
    const { body } = await get<GraphPayload>("/graph", { from: "1828", to: "1828", kinds: "actor,treaty", relations: "treatyParty" });
    const keys = body.nodes.map((n) => n.key);
    expect(keys).toContain(cd("TreatyOfTurkmenchay"));
    expect(keys).not.toContain(cd("TreatyOfGulistan"));
    expect(new Set(body.nodes.map((n) => n.attributes.kind))).toEqual(new Set(["actor", "treaty"]));
    expect(new Set(body.edges.map((e) => e.attributes.kind))).toEqual(new Set(["treatyParty"]));
    for (const n of body.nodes) {
      if (n.attributes.startYear !== undefined) expect(n.attributes.startYear).toBeLessThanOrEqual(1828);
      if (n.attributes.endYear !== undefined) expect(n.attributes.endYear).toBeGreaterThanOrEqual(1828);
    }
  });

  it("cuts the graph to maxNodes and says what it left out", async () => {
    const { body } = await get<GraphPayload>("/graph", { maxNodes: "10" });
    expect(body.nodes).toHaveLength(10);
    expect(body.nodes.map((n) => n.key)).toContain(cd("Iran"));
    expect(body.attributes.omitted).toMatch(/^\d+ of \d+ nodes and \d+ of \d+ edges left out/);
  });

  it.each([
    [{ from: "abc" }, "from"],
    [{ to: "1828.5" }, "to"],
    [{ from: "-4000" }, "from"],
    [{ from: "1900", to: "1800" }, "from"],
    [{ kinds: "actor,dragon" }, "kinds"],
    [{ relations: "friendship" }, "relations"],
    [{ maxNodes: "0" }, "maxNodes"],
  ])("answers 400 BAD_REQUEST naming the parameter for %j", async (params, name) => {
    await expectError("/graph", params, 400, "BAD_REQUEST", `${name}:`);
  });
});

describe("GET /api/v1/entity", () => {
  it("describes the Treaty of Turkmenchay: 1828, parties Iran and Russia, and a quote from the article", async () => {
    const { status, body } = await get<EntityDetails>("/entity", { iri: cd("TreatyOfTurkmenchay") });
    expect(status).toBe(200);
    expect(body).toMatchObject({ iri: cd("TreatyOfTurkmenchay"), label: "Treaty of Turkmenchay", kind: "treaty", startYear: 1828, endYear: 1828 });
    expect(body.classes.map((c) => c.iri)).toContain(cas("Treaty"));
    expect(body.altLabels).toEqual(expect.arrayContaining(["Turkmachay", "Turkmanchay"]));
    const parties = body.outgoing.filter((r) => r.predicate.iri === cas("party")).map((r) => [r.other.label, r.kind, r.other.kind]);
    expect(parties).toEqual([
      ["Iran", "treatyParty", "actor"],
      ["Russia", "treatyParty", "actor"],
    ]);
    expect(body.evidence).toContainEqual({
      iri: cd("ev-TreatyOfTurkmenchay-1"),
      quote: "With the defeat of Iran in the second war with Russia, the Treaty of Turkmenchay was concluded in 1828",
      section: "The Age of Neighborhood and Threat",
    });
  });

  it("shows a disputed claim with its editorial note", async () => {
    const { body } = await get<EntityDetails>("/entity", { iri: cd("SafavidPeriod") });
    expect(body.disputed).toBe(true);
    // The article's "1501 to 1722 for 231 years" is kept and flagged with a note saying why.
    expect(body.editorialNotes.some((note) => note.includes("231"))).toBe(true);
  });

  it("answers 404 NOT_FOUND for an IRI the data does not have", async () => {
    await expectError("/entity", { iri: cd("Atlantis") }, 404, "NOT_FOUND");
  });

  it.each([[{}], [{ iri: "Iran" }], [{ iri: "https://w3id.org/caspian/data/Iran> } ; DROP ALL ; {" }], [{ iri: "urn:%%%" }], [{ iri: "urn:a\u0000b" }]])(
    "answers 400 BAD_REQUEST for a missing or non-absolute IRI: %j",
    async (params) => {
      await expectError("/entity", params, 400, "BAD_REQUEST", "iri:");
    },
  );
});

describe("GET /api/v1/search", () => {
  it.each([
    ["Turkmanchay", "TreatyOfTurkmenchay"],
    ["Golestan", "TreatyOfGulistan"],
    ["Astrakhan", "HajiTarkhan"],
    ["ottoman empire", "OttomanEmpire"],
  ])("ranks the right entity first for %j", async (q, local) => {
    const { status, body } = await get<{ results: SearchHit[] }>("/search", { q });
    expect(status).toBe(200);
    expect(body.results[0]?.iri).toBe(cd(local));
  });

  it("answers the label that matched and honours the limit", async () => {
    const { body } = await get<{ results: SearchHit[] }>("/search", { q: "Astrakhan", limit: "1" });
    expect(body.results).toEqual([{ iri: cd("HajiTarkhan"), label: "Haji Tarkhan", matched: "Astrakhan", kind: "place", score: 100 }]);
  });

  it.each([[{}], [{ q: "" }], [{ q: "x".repeat(201) }], [{ q: "Iran", limit: "51" }], [{ q: "Iran", limit: "ten" }]])(
    "answers 400 BAD_REQUEST for %j",
    async (params) => {
      await expectError("/search", params, 400, "BAD_REQUEST");
    },
  );
});

describe("GET /api/v1/timeline", () => {
  it("has the Safavid period of Iran, 1501–1722, and the Iran–Russia relationship states in order", async () => {
    const { status, body } = await get<Timeline>("/timeline");
    expect(status).toBe(200);
    expect(body.periods).toContainEqual({
      iri: cd("SafavidPeriod"),
      label: "Safavid period",
      kind: "dynastic",
      country: { iri: cd("Iran"), label: "Iran" },
      startYear: 1501,
      endYear: 1722,
    });
    expect(body.events.find((e) => e.iri === cd("TreatyOfTurkmenchay"))).toEqual({
      iri: cd("TreatyOfTurkmenchay"),
      label: "Treaty of Turkmenchay",
      kind: "treaty",
      startYear: 1828,
      endYear: 1828,
    });
    expect(body.relationshipStates.length).toBeGreaterThan(0);
    for (const state of body.relationshipStates) {
      expect(state.dyad[0].iri).toBe(cd("Iran"));
      expect([cd("Russia"), cd("SovietUnion")]).toContain(state.dyad[1].iri);
      expect(state.level.rank).toBeGreaterThanOrEqual(1);
    }
    const starts = body.relationshipStates.map((s) => s.startYear);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});

describe("GET /api/v1/third-parties", () => {
  it("finds the Ottoman Empire among the third parties of Iran–Russia as the article's common threat", async () => {
    const { status, body } = await get<ThirdPartyAnalysis>("/third-parties");
    expect(status).toBe(200);
    expect(body.dyad).toEqual([{ iri: cd("Iran"), label: "Iran" }, { iri: cd("Russia"), label: "Russia" }]);
    const ottomans = body.thirdParties.find((p) => p.actor.iri === cd("OttomanEmpire"));
    const role = ottomans?.roles.find((r) => r.role.iri === cas("CommonThreat"));
    expect(role).toBeDefined();
    // The conclusion lists the Ottomans under "In a state of threat" among the roles of third parties.
    expect(role!.evidence.some((e) => e.quote.includes("In a state of threat: The Ottoman government"))).toBe(true);
    const firstYears = body.thirdParties.map((p) => Math.min(...p.roles.map((r) => r.startYear ?? Infinity)));
    expect(firstYears).toEqual([...firstYears].sort((a, b) => a - b));
  });

  it("answers 400 BAD_REQUEST when a and b are the same actor or not IRIs", async () => {
    await expectError("/third-parties", { from: "1900", to: "1800" }, 400, "BAD_REQUEST", "from:");
    await expectError("/third-parties", { a: cd("Russia"), b: cd("Russia") }, 400, "BAD_REQUEST", "b:");
    await expectError("/third-parties", { a: "Iran" }, 400, "BAD_REQUEST", "a:");
  });
});

describe("the Qajar period (1795–1921) in the curated data", () => {
  it("lists Britain and not the Taliban among Iran–Russia's third parties", async () => {
    const { body } = await get<ThirdPartyAnalysis>("/third-parties", { from: "1795", to: "1921" });
    const actors = body.thirdParties.map((p) => p.actor.iri);
    expect(actors).toContain(cd("Britain"));
    expect(actors).not.toContain(cd("Taliban"));
    expect(actors).not.toContain(cd("TerroristGroups"));
    for (const role of body.thirdParties.flatMap((p) => p.roles)) {
      if (role.startYear !== undefined) expect(role.startYear).toBeLessThanOrEqual(1921);
      if (role.endYear !== undefined) expect(role.endYear).toBeGreaterThanOrEqual(1795);
    }
  });

  it("draws no actor whose only statements are after 1921, in the actors' view or the full graph", async () => {
    for (const view of ["actors", "full"]) {
      const { body } = await get<GraphPayload>("/graph", { view, from: "1795", to: "1921" });
      const keys = body.nodes.map((n) => n.key);
      expect(keys).toContain(cd("Britain"));
      expect(keys).not.toContain(cd("Taliban"));
      expect(body.attributes.undatedOmitted).toBeGreaterThan(0);
    }
  });

  it("ranks in-window search hits first", async () => {
    const { body } = await get<{ results: SearchHit[] }>("/search", { q: "war", limit: "50", from: "1795", to: "1921" });
    const flags = body.results.map((hit) => hit.inWindow);
    expect(flags[0]).toBe(true);
    expect(flags.indexOf(false) === -1 || flags.slice(flags.indexOf(false)).every((f) => f === false)).toBe(true);
  });
});

describe("GET /api/v1/paths", () => {
  it("finds paths between Iran and Britain, each step a sentence", async () => {
    const { status, body } = await get<PathsResult>("/paths", { from: cd("Iran"), to: cd("Britain") });
    expect(status).toBe(200);
    expect(body.from).toEqual({ iri: cd("Iran"), label: "Iran" });
    expect(body.to).toEqual({ iri: cd("Britain"), label: "Britain" });
    expect(body.paths.length).toBeGreaterThan(0);
    for (const path of body.paths) {
      expect(path.nodes[0]?.iri).toBe(cd("Iran"));
      expect(path.nodes.at(-1)?.iri).toBe(cd("Britain"));
      expect(path.steps).toHaveLength(path.nodes.length - 1);
      for (const step of path.steps) expect(step.sentence).toMatch(new RegExp(`^${step.source.label.replace(/[()]/g, ".")}.* — .+ — `));
    }
  });

  it("reads Russia's part in the Treaty of Turkmenchay as a sentence with the treaty's evidence", async () => {
    const { body } = await get<PathsResult>("/paths", { from: cd("Russia"), to: cd("TreatyOfTurkmenchay") });
    expect(body.paths[0]?.steps[0]?.sentence).toBe("Russia — party to — Treaty of Turkmenchay (1828)");
    expect(body.paths[0]?.steps[0]?.evidence.map((e) => e.iri)).toContain(cd("ev-TreatyOfTurkmenchay-1"));
  });

  it("answers 404 for an unknown entity and 400 for a bad max", async () => {
    await expectError("/paths", { from: cd("Atlantis"), to: cd("Iran") }, 404, "NOT_FOUND", "from:");
    await expectError("/paths", { from: cd("Iran"), to: cd("Britain"), max: "21" }, 400, "BAD_REQUEST", "max:");
    await expectError("/paths", { from: cd("Iran") }, 400, "BAD_REQUEST", "to: is required");
  });
});

describe("GET /api/v1/source", () => {
  it("returns the paragraph of a quote, joined across the page break, with its section and offsets", async () => {
    const quote = "For Russia it was also the same for 240 years from 1240 to 1480";
    const { status, body } = await get<SourcePassage>("/source", { quote });
    expect(status).toBe(200);
    expect(body.section).toBe("Age of Geographical Distance");
    expect(body.paragraph.slice(body.start, body.end)).toBe(quote);
  });

  it("looks up an evidence node's quote", async () => {
    const { body } = await get<SourcePassage>("/source", { evidence: cd("ev-TreatyOfTurkmenchay-1") });
    expect(body.section).toBe("The Age of Neighborhood and Threat");
    expect(body.paragraph.slice(body.start, body.end)).toBe(
      "With the defeat of Iran in the second war with Russia, the Treaty of Turkmenchay was concluded in 1828",
    );
  });

  it("answers 404 for a quote the article does not hold, and reads no file named in the request", async () => {
    await expectError("/source", { quote: "../../package.json" }, 404, "NOT_FOUND");
  });

  it("answers 400 unless exactly one of evidence or quote is given", async () => {
    await expectError("/source", {}, 400, "BAD_REQUEST", "evidence:");
    await expectError("/source", { quote: "Iran", evidence: cd("ev-TreatyOfTurkmenchay-1") }, 400, "BAD_REQUEST", "evidence:");
  });
});

describe("methods", () => {
  it("answers HEAD like GET and 405 with Allow for other methods", async () => {
    const head = await fetch(`${server.url}/api/v1/timeline`, { method: "HEAD" });
    expect(head.status).toBe(200);
    const post = await fetch(`${server.url}/api/v1/search?q=Iran`, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
    expect(((await post.json()) as { code: string }).code).toBe("METHOD_NOT_ALLOWED");
  });
});
