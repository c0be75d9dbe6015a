import { mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../test/testServer.ts";

const TOKEN = "test-admin-token";
const AUTH = { Authorization: `Bearer ${TOKEN}` };

let dir: string;
let server: TestServer;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "caspian-hardening-"));
  server = await startTestServer({ documents: { "base.ttl": "<http://example.org/base> <http://example.org/p> 1 ." }, uploads: { dir, adminToken: TOKEN, limit: 200_000 }, workers: 2, rateLimit: { uploadsPerMinute: 0, sparqlPerMinute: 0 } });
  // The parse worker starts with the first upload; later timings are of a warm one.
  expect((await upload("warm.ttl", "<http://example.org/w> <http://example.org/p> 1 .", "text/turtle")).status).toBe(201);
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

function upload(name: string, body: string, type: string) {
  return fetch(`${server.url}/api/v1/datasets?name=${encodeURIComponent(name)}`, { method: "POST", body, headers: { ...AUTH, "Content-Type": type } });
}

async function ask(query: string): Promise<boolean> {
  const response = await fetch(`${server.url}/sparql?query=${encodeURIComponent(query)}`, { headers: { Accept: "application/sparql-results+json" } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { boolean: boolean }).boolean;
}

async function count(query: string): Promise<number> {
  const response = await fetch(`${server.url}/sparql?query=${encodeURIComponent(query)}`, { headers: { Accept: "application/sparql-results+json" } });
  const rows = ((await response.json()) as { results: { bindings: { n: { value: string } }[] } }).results.bindings;
  return Number(rows[0]!.n.value);
}

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 ${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ""};`.repeat(10)}">`).join("\n ")}
]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
  <rdf:Description rdf:about="http://example.org/laugh"><ex:says>&lol9;</ex:says></rdf:Description>
</rdf:RDF>`;

describe("an upload that would cost the server", () => {
  it("refuses an N3 rule file with its line and column, and the engine keeps answering", async () => {
    const response = await upload("rules.n3", "@prefix : <http://example.org/> .\n{ ?x a :A } => { ?x a :B } .\n", "text/n3");
    expect(response.status).toBe(400);
    const error = (await response.json()) as { code: string; message: string };
    expect(error.code).toBe("RDF_SYNTAX");
    expect(error.message).toMatch(/rules\.n3 line 2, column 1: .*N3-only syntax/);
    expect(await ask("ASK { <http://example.org/base> ?p ?o }")).toBe(true);
    const health = (await (await fetch(`${server.url}/api/v1/health`)).json()) as { status: string };
    expect(health.status).toBe("ok");
  });

  it.each([
    ["@forAll", "@prefix : <http://example.org/> .\n@forAll :x .\n:x a :A .\n", 2],
    ["a literal subject", '@prefix : <http://example.org/> .\n\n"lit" :p :o .\n', 3],
  ])("refuses N3 with %s, naming the line", async (_what, body, line) => {
    const response = await upload("n3only.n3", body, "text/n3");
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(new RegExp(`n3only\\.n3 line ${line}`));
    expect(await readdir(join(dir, "datasets"))).not.toContain("n3only.nq");
  });

  it("refuses a billion-laughs RDF/XML in under a second while health keeps answering", async () => {
    const started = performance.now();
    const refused = upload("lol.rdf", BILLION_LAUGHS, "application/rdf+xml");
    const health = await fetch(`${server.url}/api/v1/health`);
    expect(health.status).toBe(200);
    const response = await refused;
    const elapsed = performance.now() - started;
    expect(response.status).toBe(413);
    expect(((await response.json()) as { code: string; message: string })).toMatchObject({ code: "XML_ENTITY", message: expect.stringMatching(/lol\.rdf: entity &lol\d; would expand to more than the upload limit/) });
    expect(elapsed).toBeLessThan(1000);
  });

  it("still reads RDF/XML whose entities only abbreviate namespaces, as ontology editors write it", async () => {
    const owl = `<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [ <!ENTITY ex "http://example.org/"> <!ENTITY rdfs "http://www.w3.org/2000/01/rdf-schema#"> ]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rdfs="&rdfs;">
  <rdf:Description rdf:about="&ex;Entity"><rdfs:label>expanded</rdfs:label></rdf:Description>
</rdf:RDF>`;
    const response = await upload("entities.rdf", owl, "application/rdf+xml");
    expect(response.status).toBe(201);
    expect(await ask('ASK { <http://example.org/Entity> <http://www.w3.org/2000/01/rdf-schema#label> "expanded" }')).toBe(true);
  });

  it("refuses deeply nested RDF/XML before parsing it, naming the line", async () => {
    const levels = 2000;
    const open = Array.from({ length: levels }, (_, i) => (i % 2 ? "<ex:p>" : "<rdf:Description>")).join("\n");
    const close = Array.from({ length: levels }, (_, i) => (i % 2 ? "</rdf:Description>" : "</ex:p>")).join("");
    const body = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">\n${open}x${close}</rdf:RDF>`;
    const response = await upload("deep.rdf", body, "application/rdf+xml");
    expect(response.status).toBe(413);
    expect(((await response.json()) as { message: string }).message).toMatch(/deep\.rdf line \d+: nested deeper than \d+ levels/);
  });

  it("refuses a body past the upload limit and an empty N-Quads file", async () => {
    const big = await upload("big.nt", "<http://example.org/s> <http://example.org/p> \"x\" .\n".repeat(5000), "application/n-triples");
    expect(big.status).toBe(413);
    const empty = await upload("empty.nq", "# nothing here\n\n", "application/n-quads");
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { message: string }).message).toMatch(/empty\.nq: the upload holds no triples/);
  });
});

describe("a dataset stays whole", () => {
  it("keeps a TriG upload's named graphs inside its own graph, says so, and DELETE leaves nothing", async () => {
    const trig = `@prefix ex: <http://example.org/> .
<urn:caspian:upload:warm> { ex:intruder ex:p 1 . }
ex:elsewhere { ex:stray ex:p 2 . }
ex:plain ex:p 3 .`;
    const response = await upload("crossgraph.trig", trig, "application/trig");
    expect(response.status).toBe(201);
    const body = (await response.json()) as { dataset: { graph: string; triples: number }; mergedGraphs: string[]; note: string };
    expect(body.dataset).toMatchObject({ graph: "urn:caspian:upload:crossgraph", triples: 3 });
    expect(body.mergedGraphs.sort()).toEqual(["http://example.org/elsewhere", "urn:caspian:upload:warm"]);
    expect(body.note).toMatch(/stored in the dataset's graph/);
    expect(await ask("ASK { GRAPH <urn:caspian:upload:warm> { <http://example.org/intruder> ?p ?o } }")).toBe(false);
    expect(await count("SELECT (COUNT(*) AS ?n) { GRAPH <urn:caspian:upload:crossgraph> { ?s ?p ?o } }")).toBe(3);
    expect((await fetch(`${server.url}/api/v1/datasets/crossgraph`, { method: "DELETE", headers: AUTH })).status).toBe(204);
    for (const subject of ["intruder", "stray", "plain"]) expect(await ask(`ASK { <http://example.org/${subject}> ?p ?o }`)).toBe(false);
  });

  it("serialises parallel uploads of one name: engine, file and index agree in 100 rounds", async () => {
    const sizes = [1, 2, 3, 4, 5];
    const document = (n: number) => Array.from({ length: n * 20 }, (_, i) => `<http://example.org/race${i}> <http://example.org/n> "${n}" .`).join("\n");
    for (let round = 0; round < 100; round++) {
      const answers = await Promise.all(sizes.map((n) => upload("race.nt", document(n), "application/n-triples")));
      expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201, 201]);
      const engine = await count("SELECT (COUNT(*) AS ?n) { GRAPH <urn:caspian:upload:race> { ?s ?p ?o } }");
      const file = (await readFile(join(dir, "datasets", "race.nq"), "utf8")).split("\n").filter(Boolean).length;
      const index = (JSON.parse(await readFile(join(dir, "index.json"), "utf8")) as { datasets: { name: string; triples: number }[] }).datasets.find((d) => d.name === "race")!.triples;
      expect({ round, engine, file }).toEqual({ round, engine: index, file: index });
    }
  }, 240_000);
});

describe("an upload past its triple or time limit", () => {
  it.each([
    [{ triples: 10 }, /more than 10 triples/],
    [{ timeMs: 1 }, /still parsing after 1 ms/],
  ])("is refused with 413 and stores nothing (%o)", async (limits, says) => {
    const limitedDir = await mkdtemp(join(tmpdir(), "caspian-limits-"));
    const limited = await startTestServer({ documents: { "a.nt": '<http://example.org/a> <http://example.org/p> "1" .' }, workers: 1, uploads: { dir: limitedDir, adminToken: TOKEN, limits } });
    try {
      // Enough triples that even a warm parse worker takes well over 1 ms.
      const body = Array.from({ length: 50_000 }, (_, i) => `<http://example.org/s${i}> <http://example.org/p> "${i}" .`).join("\n");
      const response = await fetch(`${limited.url}/api/v1/datasets?name=many.nt`, { method: "POST", body, headers: { ...AUTH, "Content-Type": "application/n-triples" } });
      expect(response.status).toBe(413);
      expect(((await response.json()) as { message: string }).message).toMatch(says);
      expect(await readdir(join(limitedDir, "datasets"))).toEqual([]);
    } finally {
      await limited.close();
      await rm(limitedDir, { recursive: true, force: true });
    }
  });
});

describe("a data directory whose index cannot be read", () => {
  it("still starts, with the datasets listed from their files", async () => {
    const broken = await mkdtemp(join(tmpdir(), "caspian-index-"));
    const first = await startTestServer({ uploads: { dir: broken, adminToken: TOKEN }, workers: 1 });
    const put = await fetch(`${first.url}/api/v1/datasets?name=kept.ttl`, { method: "POST", body: "<http://example.org/kept> <http://example.org/p> 1 .", headers: { ...AUTH, "Content-Type": "text/turtle" } });
    expect(put.status).toBe(201);
    await first.close();
    // A folder where the file should be: reading it fails with EISDIR (chmod would not stop root).
    await rm(join(broken, "index.json"));
    await mkdir(join(broken, "index.json"));
    const second = await startTestServer({ uploads: { dir: broken, adminToken: TOKEN }, workers: 1 });
    try {
      const listing = (await (await fetch(`${second.url}/api/v1/datasets`)).json()) as { uploads: { name: string; triples: number }[]; quarantined: { file: string; reason: string }[] };
      expect(listing.uploads).toEqual([expect.objectContaining({ name: "kept", triples: 1 })]);
      expect(listing.quarantined).toEqual([{ file: "index.json", reason: expect.stringMatching(/could not be read \(EISDIR\)/) }]);
    } finally {
      await second.close();
      await rm(broken, { recursive: true, force: true });
    }
  });
});
