/**
 * Real Python clients against the real endpoint
 * =============================================
 * Starts Caspian on port 0 with the curated data and runs Debian's Python (/usr/bin/python3, not
 * whatever python is first on PATH) with SPARQLWrapper and rdflib, the two libraries Python users
 * reach for. The scripts print what the libraries read; these tests check the content: the Treaty
 * of Turkmenchay, 1828, between Iran and Russia. Off CI, the tests are skipped (with the reason
 * printed) when that Python lacks the modules; in CI (CI=true) they must run.
 */
import { execFile, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SOURCES } from "../../server/rdf/loadDatasets.ts";
import { startTestServer, type TestServer } from "../../server/test/testServer.ts";

const PYTHON = "/usr/bin/python3";
const HERE = fileURLToPath(new URL(".", import.meta.url));
const IN_CI = process.env.CI === "true";
const modulesPresent = spawnSync(PYTHON, ["-c", "import SPARQLWrapper, rdflib"], { stdio: "ignore" }).status === 0;
const skip = !modulesPresent && !IN_CI;
if (skip) console.warn(`Skipping the Python client tests: ${PYTHON} cannot import SPARQLWrapper and rdflib (apt-get install python3-sparqlwrapper python3-rdflib).`);

const CD = "https://w3id.org/caspian/data/";
const CAS = "https://w3id.org/caspian/ontology#";
const RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label";
const TREATY = `${CD}TreatyOfTurkmenchay`;
const ROWS = [
  { label: "Treaty of Turkmenchay", year: "1828", party: "Iran" },
  { label: "Treaty of Turkmenchay", year: "1828", party: "Russia" },
];
const CONSTRUCTED = [
  [`${CD}Iran`, RDFS_LABEL, "Iran"],
  [`${CD}Russia`, RDFS_LABEL, "Russia"],
  [TREATY, `${CAS}party`, `${CD}Iran`],
  [TREATY, `${CAS}party`, `${CD}Russia`],
  [TREATY, `${CAS}startYear`, "1828"],
];

type Triple = [string, string, string];
let server: TestServer;

async function runPython(script: string, ...args: string[]): Promise<Record<string, Record<string, unknown>>> {
  const { stdout } = await promisify(execFile)(PYTHON, [script, ...args], { cwd: HERE, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" } });
  return JSON.parse(stdout) as Record<string, Record<string, unknown>>;
}

/** DESCRIBE of the treaty: all its own triples, the year and both parties among them. */
function expectTreatyDescribed(triples: Triple[]): void {
  expect(triples.every(([subject]) => subject === TREATY)).toBe(true);
  expect(triples).toContainEqual([TREATY, RDFS_LABEL, "Treaty of Turkmenchay"]);
  expect(triples).toContainEqual([TREATY, `${CAS}startYear`, "1828"]);
  expect(triples).toContainEqual([TREATY, `${CAS}party`, `${CD}Iran`]);
  expect(triples).toContainEqual([TREATY, `${CAS}party`, `${CD}Russia`]);
}

beforeAll(async () => {
  if (skip) return;
  // Each script sends dozens of queries in a burst: no rate limit here.
  server = await startTestServer({ sources: DEFAULT_SOURCES, rateLimit: { sparqlPerMinute: 0 } });
});
afterAll(() => server?.close());

describe.skipIf(skip)("SPARQLWrapper against /sparql", () => {
  let answers: Record<string, Record<string, unknown>>;
  beforeAll(async () => {
    answers = await runPython("sparqlwrapper_client.py", `${server.url}/sparql`);
  });

  it.each(["GET", "POST"])("reads the treaty's year and parties from a SELECT in JSON, XML, CSV and TSV (%s)", (method) => {
    for (const format of ["json", "xml", "csv", "tsv"]) expect(answers[method]![`select/${format}`], format).toEqual(ROWS);
    const types = answers[method]!.content_types as Record<string, string>;
    expect(types["select/xml"]).toMatch(/^application\/sparql-results\+xml/);
    expect(types["select/tsv"]).toMatch(/^text\/tab-separated-values/);
  });

  it.each(["GET", "POST"])("reads ASK answers in JSON and XML (%s)", (method) => {
    expect(answers[method]).toMatchObject({ "ask/json": true, "ask/xml": true, "ask-false/json": false });
  });

  it.each(["GET", "POST"])("reads a CONSTRUCT in Turtle, N3, RDF/XML and the RDF format names it sends (%s)", (method) => {
    for (const format of ["turtle", "n3", "xml", "rdfxml", "rdf"]) expect(answers[method]![`construct/${format}`], format).toEqual(CONSTRUCTED);
    const types = answers[method]!.content_types as Record<string, string>;
    expect(types["construct/turtle"]).toMatch(/^text\/turtle/);
    expect(types["construct/rdfxml"]).toMatch(/^application\/rdf\+xml/);
  });

  it.each(["GET", "POST"])("reads a DESCRIBE of the treaty in every RDF format it asks for (%s)", (method) => {
    const turtle = answers[method]!["describe/turtle"] as Triple[];
    expectTreatyDescribed(turtle);
    for (const format of ["n3", "xml", "rdfxml", "rdf"]) expect(answers[method]![`describe/${format}`], format).toEqual(turtle);
  });
});

describe.skipIf(skip)("rdflib against /sparql", () => {
  let answers: Record<string, Record<string, unknown>>;
  beforeAll(async () => {
    answers = await runPython("rdflib_client.py", `${server.url}/sparql`, `${server.url}/.well-known/void`);
  });

  it("queries through Graph(store=SPARQLStore) with GET and POST: SELECT, ASK, CONSTRUCT, DESCRIBE", () => {
    for (const way of ["GET/xml", "POST/json", "POST/xml"]) {
      expect(answers[way], way).toMatchObject({ select: ROWS, ask: true, "ask-false": false });
    }
    for (const way of ["GET/xml", "POST/xml"]) {
      expect(answers[way]!.construct, way).toEqual(CONSTRUCTED);
      expectTreatyDescribed(answers[way]!.describe as Triple[]);
    }
  });

  it("parses the service description in Turtle, JSON-LD and RDF/XML to the same endpoint, formats and statistics", () => {
    const turtle = answers.sd!;
    expect(turtle.endpoint).toBe(`${server.url}/sparql`);
    expect(turtle.defaultDataset).toBe(`${server.url}/.well-known/void#dataset`);
    expect(turtle.resultFormats).toHaveLength(8);
    expect(turtle.resultFormats).toContain("http://www.w3.org/ns/formats/SPARQL_Results_JSON");
    expect(turtle.source).toBe(`${CD}KaramiArticle`);
    expect(turtle.triples).toBeGreaterThan(10_000);
    expect((turtle.classPartitions as Record<string, number>)[`${CAS}Treaty`]).toBeGreaterThan(0);
    expect((turtle.propertyPartitions as Record<string, number>)[`${CAS}party`]).toBeGreaterThan(0);
    expect(answers["sd/jsonld"]).toEqual(turtle);
    expect(answers["sd/rdfxml"]).toEqual(turtle);
  });

  it("parses /.well-known/void to the same dataset statistics", () => {
    const { endpoint, resultFormats, defaultDataset, size, ...statistics } = answers.void!;
    const { endpoint: _e, resultFormats: _r, defaultDataset: _d, size: _s, ...fromService } = answers.sd!;
    expect(endpoint).toBeNull();
    expect(statistics).toEqual(fromService);
    expect(statistics.sparqlEndpoint).toBe(`${server.url}/sparql`);
  });
});
