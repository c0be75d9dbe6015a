import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EmbeddedEngine } from "../sparql/embeddedEngine.ts";
import { loadDatasets } from "../rdf/loadDatasets.ts";
import { graphView } from "./graphView.ts";
import { forgetViews } from "./perEngine.ts";
import { search } from "./search.ts";
import { MINI_FIXTURE, cd } from "./testEngine.ts";

const NEW_PLACE = [
  `<https://w3id.org/caspian/data/Derbent> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/caspian/ontology#Place> <urn:test:upload> .`,
  `<https://w3id.org/caspian/data/Derbent> <http://www.w3.org/2000/01/rdf-schema#label> "Derbent" <urn:test:upload> .`,
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
});
