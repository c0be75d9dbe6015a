import N3 from "n3";
import { afterAll, describe, expect, it } from "vitest";
import { createConformanceAdapter } from "./adapter.ts";
import { createDirectOxigraphEngine, directFormOf } from "./directOxigraphEngine.ts";

const { namedNode, literal, quad } = N3.DataFactory;
const EX = "http://example.org/";

describe("the conformance adapter", () => {
  const adapter = createConformanceAdapter({ createEngine: createDirectOxigraphEngine, formOf: directFormOf });
  afterAll(() => adapter.close());
  const data = [
    quad(namedNode(`${EX}a`), namedNode(`${EX}p`), literal("x", "en")),
    quad(namedNode(`${EX}b`), namedNode(`${EX}p`), literal("y"), namedNode(`${EX}g`)),
  ];

  it("answers a SELECT with ?-prefixed variables and leaves unbound variables out of a row", async () => {
    const result = await adapter.query(data, "SELECT ?s ?o ?none { ?s <p> ?o OPTIONAL { ?s <q> ?none } }", { baseIRI: EX });
    expect(result.type).toBe("bindings");
    if (result.type !== "bindings") return;
    expect(result.variables).toEqual(["?s", "?o", "?none"]);
    expect(result.value).toHaveLength(1);
    expect(Object.keys(result.value[0]!).sort()).toEqual(["?o", "?s"]);
    expect(result.value[0]!["?o"]!.equals(literal("x", "en"))).toBe(true);
  });

  it("loads named graphs from the test data", async () => {
    const result = await adapter.query(data, "ASK { GRAPH <g> { <b> <p> 'y' } }", { baseIRI: EX });
    expect(result).toMatchObject({ type: "boolean", value: true });
  });

  it("returns a CONSTRUCT answer as quads", async () => {
    const result = await adapter.query(data, "CONSTRUCT { ?s <q> ?o } WHERE { ?s <p> ?o }", { baseIRI: EX });
    expect(result.type).toBe("quads");
    if (result.type !== "quads") return;
    expect(result.value.map((q) => q.subject.value)).toEqual([`${EX}a`]);
  });

  it("reads answers back from the serializations the endpoint sends", async () => {
    const viaXml = createConformanceAdapter({
      createEngine: createDirectOxigraphEngine,
      formOf: directFormOf,
      answers: { solutions: "application/sparql-results+xml", graphs: "text/turtle" },
    });
    try {
      const select = await viaXml.query(data, "SELECT ?o { ?s <p> ?o }", { baseIRI: EX, checkOrder: true });
      expect(select).toMatchObject({ type: "bindings", variables: ["?o"], checkOrder: true });
      const construct = await viaXml.query(data, "CONSTRUCT { ?s <q> ?o } WHERE { ?s <p> ?o }", { baseIRI: EX });
      expect(construct.type === "quads" && construct.value[0]!.object.equals(literal("x", "en"))).toBe(true);
    } finally {
      await viaXml.close();
    }
  });

  it("rejects a query that is not SPARQL and accepts a valid one on the empty store", async () => {
    await expect(adapter.parse("SELECT * WHERE { ?s ?p }", {})).rejects.toMatchObject({ code: "QUERY_SYNTAX" });
    await expect(adapter.parse("SELECT * WHERE { ?s ?p ?o }", {})).resolves.toBeUndefined();
  });
});
