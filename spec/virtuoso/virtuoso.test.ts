/**
 * Caspian in front of Virtuoso
 * ============================
 * Starts Virtuoso Open Source on loopback with a throwaway database, bulk-loads the ontology and
 * the curated data, and checks that every API request of the route tests (server/http/
 * apiRouter.test.ts) answers the same status and the same JSON through Virtuoso as through the
 * embedded store, whose answers those tests check — with the views' SELECTs read as JSON results
 * and as streamed XML results (the managed store's choice, readXmlSolutions.ts). Skips (saying why) only when virtuoso-t is
 * not installed and this is not CI; in CI (CI=true) a missing Virtuoso fails.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SOURCES } from "../../server/rdf/loadDatasets.ts";
import { HttpSparqlEngine } from "../../server/sparql/httpEngine.ts";
import { startTestServer, type TestServer } from "../../server/test/testServer.ts";
import { loadIntoVirtuoso, startVirtuoso, VIRTUOSO_BINARY, type Virtuoso } from "./startVirtuoso.ts";

const cd = (local: string) => `https://w3id.org/caspian/data/${local}`;
const q = (params: Record<string, string>) => `?${new URLSearchParams(params).toString()}`;

/** Every request the route tests make, good and bad: status and body must match the embedded store's. */
export const API_REQUESTS = [
  "/graph",
  `/graph${q({ from: "1828", to: "1828", kinds: "actor,treaty", relations: "treatyParty" })}`,
  `/graph${q({ maxNodes: "10" })}`,
  `/graph${q({ from: "x" })}`,
  `/entity${q({ iri: cd("TreatyOfTurkmenchay") })}`,
  `/entity${q({ iri: cd("SafavidPeriod") })}`,
  `/entity${q({ iri: cd("Iran") })}`,
  `/entity${q({ iri: cd("Atlantis") })}`,
  `/search${q({ q: "turk" })}`,
  `/search${q({ q: "Astrakhan", limit: "1" })}`,
  `/search${q({ q: "iran" })}`,
  "/timeline",
  "/third-parties",
  `/third-parties${q({ a: cd("Russia"), b: cd("Russia") })}`,
  `/paths${q({ from: cd("Iran"), to: cd("Britain") })}`,
  `/paths${q({ from: cd("Russia"), to: cd("TreatyOfTurkmenchay") })}`,
  `/paths${q({ from: cd("Atlantis"), to: cd("Iran") })}`,
  `/source${q({ evidence: cd("ev-TreatyOfTurkmenchay-1") })}`,
  `/neighbours${q({ iri: cd("Iran") })}`,
];

const inCi = process.env.CI === "true";
const missing = !VIRTUOSO_BINARY;
if (missing && !inCi) console.warn("Skipping the Virtuoso tests: virtuoso-t is not installed (apt-get install virtuoso-opensource).");

describe.skipIf(missing && !inCi)("the API through Virtuoso Open Source", () => {
  let virtuoso: Virtuoso;
  let embedded: TestServer;
  let front: TestServer;
  let xmlFront: TestServer;
  beforeAll(async () => {
    if (missing) throw new Error("CI=true but virtuoso-t is not installed: add virtuoso-opensource to the apt packages of .ci/run.");
    const files = DEFAULT_SOURCES.flatMap((dir) => readdirSync(dir).filter((file) => file.endsWith(".ttl")).map((file) => join(dir, file)));
    [virtuoso, embedded] = await Promise.all([startVirtuoso(), startTestServer({ sources: DEFAULT_SOURCES, workers: 1 })]);
    await loadIntoVirtuoso(virtuoso, files, "urn:caspian:embedded");
    const inFront = (selectResults: "json" | "xml") =>
      startTestServer({ engine: new HttpSparqlEngine({ endpoint: virtuoso.endpoint, deadlineMs: 30_000, rowCap: 10_000, selectResults }), rateLimit: { sparqlPerMinute: 0 }, log: (error) => console.error("Caspian in front of Virtuoso:", error) });
    [front, xmlFront] = await Promise.all([inFront("json"), inFront("xml")]);
  });
  afterAll(async () => {
    await front?.close();
    await xmlFront?.close();
    await embedded?.close();
    await virtuoso?.stop();
  });

  it.each(API_REQUESTS.flatMap((path) => [[path, "JSON"] as const, [path, "XML"] as const]))("answers %s as the embedded store does, reading %s results", async (path, format) => {
    const base = format === "XML" ? xmlFront.url : front.url;
    const [direct, remote] = await Promise.all([fetch(`${embedded.url}/api/v1${path}`), fetch(`${base}/api/v1${path}`)]);
    const [expected, actual] = [await direct.json(), await remote.json()];
    expect({ status: remote.status, body: actual }).toEqual({ status: direct.status, body: expected });
  });

  it("answers the workbench's SPARQL through /sparql from Virtuoso", async () => {
    const query = "PREFIX cas: <https://w3id.org/caspian/ontology#> SELECT (COUNT(?t) AS ?n) WHERE { ?t a cas:Treaty }";
    const url = (base: string) => `${base}/sparql?query=${encodeURIComponent(query)}`;
    const read = async (base: string) => ((await (await fetch(url(base), { headers: { Accept: "application/sparql-results+json" } })).json()) as { results: { bindings: { n: { value: string } }[] } }).results.bindings[0]!.n.value;
    expect(await read(front.url)).toBe(await read(embedded.url));
  });
});
