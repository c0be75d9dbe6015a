import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../test/testServer.ts";

const TOKEN = "test-admin-token";
const AUTH = { Authorization: `Bearer ${TOKEN}` };
const TREATIES = `@prefix ex: <http://example.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:Gulistan rdfs:label "Treaty of Gulistan"@en ; ex:year 1813 .
ex:Turkmenchay rdfs:label "Treaty of Turkmenchay"@en ; ex:year 1828 .
`;

let dir: string;
let server: TestServer;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "caspian-uploads-"));
  server = await startTestServer({ documents: { "base.ttl": "<http://example.org/base> <http://example.org/p> 1 ." }, uploads: { dir, adminToken: TOKEN }, workers: 2, spare: true });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const upload = (name: string, body: string, type: string | undefined, headers: Record<string, string> = AUTH, extra = "") =>
  fetch(`${server.url}/api/v1/datasets?name=${encodeURIComponent(name)}${extra}`, { method: "POST", body, headers: { ...headers, ...(type ? { "Content-Type": type } : {}) } });

const ask = async (url: string, query: string) => {
  const response = await fetch(`${url}/sparql?query=${encodeURIComponent(query)}`, { headers: { Accept: "application/sparql-results+json" } });
  return (await response.json()) as { boolean?: boolean; results?: { bindings: Record<string, { value: string }>[] } };
};

describe("uploading a dataset", () => {
  it("stores a Turtle upload as its own named graph that queries see at once", async () => {
    const response = await upload("treaties.ttl", TREATIES, "text/turtle");
    expect(response.status).toBe(201);
    const body = (await response.json()) as { dataset: { name: string; graph: string; triples: number } };
    expect(body.dataset).toMatchObject({ name: "treaties", graph: "urn:caspian:upload:treaties", triples: 4 });
    // Several queries so both workers (not only the one that answered first) are checked.
    for (let i = 0; i < 4; i++) {
      expect((await ask(server.url, "ASK { <http://example.org/Gulistan> ?p ?o }")).boolean).toBe(true);
    }
    const graphs = await ask(server.url, "SELECT DISTINCT ?g WHERE { GRAPH ?g { <http://example.org/Turkmenchay> ?p ?o } }");
    expect(graphs.results!.bindings.map((row) => row.g!.value)).toEqual(["urn:caspian:upload:treaties"]);
  });

  it("lists uploads with triple counts, size and time, beside the files loaded at start", async () => {
    const listing = (await (await fetch(`${server.url}/api/v1/datasets`)).json()) as { uploads: { name: string; triples: number; bytes: number; uploadedAt: string }[]; files: { path: string }[] };
    expect(listing.uploads).toEqual([expect.objectContaining({ name: "treaties", triples: 4, bytes: expect.any(Number), uploadedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) })]);
    expect(listing.files.map((file) => file.path)).toEqual([expect.stringMatching(/base\.ttl$/)]);
  });

  it("refuses a document that does not parse, with line and column, and stores nothing", async () => {
    const response = await upload("broken.jsonld", '{"@id": "http://example.org/a",\n "http://example.org/p": [}', "application/ld+json");
    expect(response.status).toBe(400);
    const error = (await response.json()) as { code: string; message: string };
    expect(error.code).toBe("RDF_SYNTAX");
    expect(error.message).toMatch(/broken\.jsonld line 2, column \d+: .*Nothing was stored/);
    const turtle = await upload("bad.ttl", "@prefix ex: <http://example.org/> .\nex:a ex:p ex:b .\nex:c ex:p nope:x .\n", "text/turtle");
    expect(turtle.status).toBe(400);
    expect(((await turtle.json()) as { message: string }).message).toMatch(/bad\.ttl line 3/);
    expect(await readdir(join(dir, "datasets"))).toEqual(["treaties.nq"]);
  });

  it("rejects data that breaks the ontology's shapes with a readable report, unless forced", async () => {
    const broken = `@prefix cas: <https://w3id.org/caspian/ontology#> .
@prefix ex: <http://example.org/> .
ex:NoNameTreaty a cas:Treaty .
`;
    const response = await upload("shapes.ttl", broken, "text/turtle");
    expect(response.status).toBe(422);
    const body = (await response.json()) as { code: string; report: { conforms: boolean; results: { focusNode: string; message: string; path?: string }[] } };
    expect(body.code).toBe("SHAPES");
    expect(body.report.conforms).toBe(false);
    expect(body.report.results[0]).toMatchObject({ focusNode: expect.stringContaining("NoNameTreaty"), message: expect.any(String) });
    const forced = await upload("shapes.ttl", broken, "text/turtle", AUTH, "&force=true");
    expect(forced.status).toBe(201);
    expect(((await forced.json()) as { shapes: { conforms: boolean } }).shapes.conforms).toBe(false);
  });

  it("needs the admin token: 401 without it", async () => {
    const response = await upload("sneaky.ttl", TREATIES, "text/turtle", {});
    expect(response.status).toBe(401);
    const remove = await fetch(`${server.url}/api/v1/datasets/treaties`, { method: "DELETE" });
    expect(remove.status).toBe(401);
  });

  it("refuses a body in a format it cannot tell", async () => {
    const response = await upload("data", TREATIES, "application/octet-stream");
    expect(response.status).toBe(415);
  });

  it("removes a dataset from the store and from every worker", async () => {
    const response = await fetch(`${server.url}/api/v1/datasets/shapes`, { method: "DELETE", headers: AUTH });
    expect(response.status).toBe(204);
    for (let i = 0; i < 4; i++) expect((await ask(server.url, "ASK { <http://example.org/NoNameTreaty> ?p ?o }")).boolean).toBe(false);
    expect((await fetch(`${server.url}/api/v1/datasets/shapes`, { method: "DELETE", headers: AUTH })).status).toBe(404);
  });

  it("keeps the uploads after a restart", async () => {
    const again = await startTestServer({ uploads: { dir, adminToken: TOKEN }, workers: 1 });
    try {
      expect((await ask(again.url, "ASK { <http://example.org/Turkmenchay> ?p ?o }")).boolean).toBe(true);
      expect((await ask(again.url, "ASK { <http://example.org/NoNameTreaty> ?p ?o }")).boolean).toBe(false);
    } finally {
      await again.close();
    }
  });
});

describe("a server without an admin token", () => {
  it("answers 403 read-only to uploads but still lists", async () => {
    const readOnlyDir = await mkdtemp(join(tmpdir(), "caspian-ro-"));
    const readOnly = await startTestServer({ uploads: { dir: readOnlyDir }, workers: 1 });
    try {
      const response = await fetch(`${readOnly.url}/api/v1/datasets?name=a.ttl`, { method: "POST", body: TREATIES, headers: { "Content-Type": "text/turtle", ...AUTH } });
      expect(response.status).toBe(403);
      expect((await fetch(`${readOnly.url}/api/v1/datasets`)).status).toBe(200);
    } finally {
      await readOnly.close();
      await rm(readOnlyDir, { recursive: true, force: true });
    }
  });
});

describe("a corrupted dataset file", () => {
  it("is moved to quarantine with its reason while the rest loads", async () => {
    const broken = await mkdtemp(join(tmpdir(), "caspian-quarantine-"));
    const first = await startTestServer({ uploads: { dir: broken, adminToken: TOKEN }, workers: 1 });
    const put = (name: string) => fetch(`${first.url}/api/v1/datasets?name=${name}.ttl`, { method: "POST", body: TREATIES, headers: { "Content-Type": "text/turtle", ...AUTH } });
    expect((await put("good")).status).toBe(201);
    expect((await put("bad")).status).toBe(201);
    await first.close();
    await writeFile(join(broken, "datasets", "bad.nq"), "<http://example.org/a> <http://example.org/p> \"unterminated .\n");
    const second = await startTestServer({ uploads: { dir: broken, adminToken: TOKEN }, workers: 1 });
    try {
      const listing = (await (await fetch(`${second.url}/api/v1/datasets`)).json()) as { uploads: { name: string }[] };
      expect(listing.uploads.map((dataset) => dataset.name)).toEqual(["good"]);
      expect((listing as unknown as { quarantined: { file: string; reason: string }[] }).quarantined).toEqual([{ file: "datasets/bad.nq", reason: expect.stringMatching(/^does not parse as N-Quads/) }]);
      const quarantine = await readdir(join(broken, "quarantine"));
      const reason = quarantine.find((file) => file.endsWith(".reason.txt"))!;
      expect(await readFile(join(broken, "quarantine", reason), "utf8")).toMatch(/bad\.nq does not parse/);
    } finally {
      await second.close();
      await rm(broken, { recursive: true, force: true });
    }
  });
});
