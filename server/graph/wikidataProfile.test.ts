import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphPayload, SearchHit, Timeline } from "../../contract/api.ts";
import { startTestServer, type TestServer } from "../test/testServer.ts";
import { yearOf } from "./viewProfile.ts";

const wd = (local: string) => `http://example.org/wikidata-shaped/${local}`;
let server: TestServer;
beforeAll(async () => {
  const fixture = await readFile(new URL("./fixtures/wikidata-treaties.ttl", import.meta.url), "utf8");
  // Only the Wikidata-shaped file: no Caspian ontology, no curated data.
  server = await startTestServer({ documents: { "wikidata-treaties.ttl": fixture }, workers: 1 });
});
afterAll(() => server.close());

const get = async <T>(path: string): Promise<T> => {
  const response = await fetch(`${server.url}/api/v1${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
};

describe("Wikidata-shaped data through the API (the wikidata profile, detected from wdt:P31)", () => {
  it("draws treaties and states as nodes of their own P31 class, labelled in English, with years", async () => {
    const graph = await get<GraphPayload>("/graph");
    const node = (local: string) => graph.nodes.find((n) => n.key === wd(local))?.attributes;
    expect(graph.nodes).toHaveLength(15);
    expect(node("TreatyOfGulistan")).toMatchObject({ label: "Treaty of Gulistan", kind: "other", classIri: wd("treaty"), classLabel: "treaty", startYear: 1813, endYear: 1813 });
    expect(node("AngloRussianConvention")).toMatchObject({ startYear: 1907, endYear: 1917 });
    expect(node("OttomanEmpire")).toMatchObject({ label: "Ottoman Empire", classLabel: "state", startYear: 1299, endYear: 1922 });
    const participants = graph.edges.filter((e) => e.source === wd("TreatyOfTurkmenchay")).map((e) => [e.target, e.attributes.label]);
    expect(participants.sort()).toEqual([[wd("Persia"), "participant"], [wd("RussianEmpire"), "participant"]]);
  });

  it("finds a treaty and a state by label and alternative label", async () => {
    const { results } = await get<{ results: SearchHit[] }>("/search?q=gulistan");
    expect(results[0]).toMatchObject({ iri: wd("TreatyOfGulistan"), label: "Treaty of Gulistan" });
    const iran = await get<{ results: SearchHit[] }>("/search?q=iran");
    expect(iran.results.map((hit) => hit.iri)).toContain(wd("Persia"));
  });

  it("puts every dated treaty on the timeline in order", async () => {
    const timeline = await get<Timeline>("/timeline");
    const treaties = timeline.events.filter((event) => event.iri.includes("Treaty") || event.iri.includes("Convention"));
    expect(treaties.map((event) => [event.label, event.startYear])).toEqual([
      ["Treaty of Saint Petersburg (1723)", 1723],
      ["Treaty of Constantinople (1724)", 1724],
      ["Treaty of Resht", 1732],
      ["Treaty of Ganja", 1735],
      ["Treaty of Gulistan", 1813],
      ["First Treaty of Erzurum", 1823],
      ["Treaty of Turkmenchay", 1828],
      ["Treaty of Paris (1857)", 1857],
      ["Anglo-Russian Convention", 1907],
      ["Russo-Persian Treaty of Friendship", 1921],
    ]);
  });

  it("names a resource in the entity view by schema:name when it has no rdfs:label", async () => {
    const entity = await get<{ label: string }>(`/entity?iri=${encodeURIComponent(wd("OttomanEmpire"))}`);
    expect(entity.label).toBe("Ottoman Empire");
  });

  it("expands a state to its treaties through /neighbours", async () => {
    const around = await get<GraphPayload>(`/neighbours?iri=${encodeURIComponent(wd("Britain"))}`);
    expect(around.nodes.map((n) => n.key).sort()).toEqual([wd("AngloRussianConvention"), wd("Britain"), wd("TreatyOfParis1857")]);
  });
});

describe("yearOf", () => {
  it("reads the year of years, dates and date-times, BC included", () => {
    expect([yearOf("1813"), yearOf("1813-10-24"), yearOf("1813-01-01T00:00:00Z"), yearOf("-0330-01-01"), yearOf("Treaty")]).toEqual([1813, 1813, 1813, -330, undefined]);
  });
});
