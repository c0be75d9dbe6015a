import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EmbeddedEngine } from "../sparql/embeddedEngine.ts";
import { loadDatasets } from "../rdf/loadDatasets.ts";
import { graphView } from "./graphView.ts";
import { forgetViews } from "./perEngine.ts";
import { search } from "./search.ts";
import { timeline } from "./timeline.ts";
import { setViewProfile, viewProfile } from "./viewProfile.ts";
import { MINI_FIXTURE, cd } from "../test/testEngine.ts";

const NEW_PLACE = [
  `<https://w3id.org/caspian/data/Derbent> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/caspian/ontology#Place> <urn:test:upload> .`,
  `<https://w3id.org/caspian/data/Derbent> <http://www.w3.org/2000/01/rdf-schema#label> "Derbent" <urn:test:upload> .`,
].join("\n");
const NEW_EVENT = [
  `<https://w3id.org/caspian/data/SiegeOfDerbent> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/caspian/ontology#Event> <urn:test:event> .`,
  `<https://w3id.org/caspian/data/SiegeOfDerbent> <http://www.w3.org/2000/01/rdf-schema#label> "Siege of Derbent" <urn:test:event> .`,
  `<https://w3id.org/caspian/data/SiegeOfDerbent> <https://w3id.org/caspian/ontology#startYear> "1806"^^<http://www.w3.org/2001/XMLSchema#integer> <urn:test:event> .`,
].join("\n");

let engine: EmbeddedEngine;
beforeAll(async () => {
  engine = await EmbeddedEngine.start({ chunks: (await loadDatasets([MINI_FIXTURE])).chunks, workers: 1, deadlineMs: 20_000, rowCap: 10_000 });
});
afterAll(() => engine.close());

describe("the views' memo", () => {
  it("reads the graph and labels again once an uploaded graph changes the data, and after forgetViews", async () => {
    const before = await graphView(engine);
    expect(before.nodes.map((n) => n.key)).not.toContain(cd("Derbent"));
    expect(await search(engine, "Derbent")).toEqual([]);

    await engine.addGraph("urn:test:upload", [NEW_PLACE]);
    expect((await graphView(engine)).nodes.map((n) => n.key)).toContain(cd("Derbent"));
    expect((await search(engine, "Derbent"))[0]?.iri).toBe(cd("Derbent"));

    await engine.dropGraph("urn:test:upload");
    forgetViews(engine);
    expect(await graphView(engine)).toEqual(before);
  });

  it("reads the timeline again once an uploaded graph adds an event, and after forgetViews", async () => {
    const before = await timeline(engine);
    expect(await timeline(engine)).toEqual(before);
    expect(before.events.map((e) => e.iri)).not.toContain(cd("SiegeOfDerbent"));

    await engine.addGraph("urn:test:event", [NEW_EVENT]);
    const after = await timeline(engine);
    expect(after.events.find((e) => e.iri === cd("SiegeOfDerbent"))).toMatchObject({ label: "Siege of Derbent", startYear: 1806, endYear: 1806 });
    // The dyad is chosen after the memo: another dyad still answers from the same data.
    expect((await timeline(engine, [cd("Russia"), cd("Iran")])).events).toEqual(after.events);

    await engine.dropGraph("urn:test:event");
    forgetViews(engine);
    expect(await timeline(engine)).toEqual(before);
  });

  it("detects the view profile again once an uploaded graph brings wdt:P31 statements", async () => {
    expect((await viewProfile(engine)).name).toBe("default");
    await engine.addGraph("urn:test:wikidata", [`<http://example.org/Q1> <http://www.wikidata.org/prop/direct/P31> <http://example.org/Q2> <urn:test:wikidata> .`]);
    expect((await viewProfile(engine)).name).toBe("wikidata");
    setViewProfile(engine, "default");
    expect((await viewProfile(engine)).name).toBe("default");
    setViewProfile(engine, "auto");
    expect((await viewProfile(engine)).name).toBe("wikidata");
    await engine.dropGraph("urn:test:wikidata");
    expect((await viewProfile(engine)).name).toBe("default");
  });
});
