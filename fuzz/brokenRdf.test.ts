import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDatasets } from "../server/rdf/loadDatasets.ts";
import { parseRdfFile, RdfSyntaxError } from "../server/rdf/parseRdf.ts";
import { startTestServer, type TestServer } from "../server/test/testServer.ts";
import { BROKEN_KINDS, brokenRdfFiles, VALID, type BrokenFile } from "./brokenRdf.ts";

const SEED = 20261124;
const COUNT = 1000;
const TOKEN = "broken-rdf-test-token";

let dir: string;
let files: (BrokenFile & { path: string })[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "caspian-broken-rdf-"));
  files = [];
  for (const file of brokenRdfFiles(SEED, COUNT)) {
    const path = join(dir, file.name);
    await writeFile(path, file.content);
    files.push({ ...file, path });
  }
  await writeFile(join(dir, "good.ttl"), VALID[".ttl"]!);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Formats whose parser reports a position for a syntax error (RDF/XML's parser gives none). */
const HAS_LINE = /\.(ttl|trig|nt|nq)$/;

describe("broken RDF files", () => {
  it(`are ${COUNT}, every kind in every format, and the valid ones they start from load`, async () => {
    expect(files).toHaveLength(COUNT);
    expect(new Set(files.map((file) => file.kind))).toEqual(new Set(BROKEN_KINDS));
    for (const extension of Object.keys(VALID)) {
      const path = join(dir, `valid${extension}`);
      await writeFile(path, VALID[extension]!);
      expect((await parseRdfFile(path)).length, extension).toBeGreaterThan(0);
    }
  });

  it("each fail to parse with an error naming the file, and the line and column where the format gives them", async () => {
    const wrong: string[] = [];
    for (const file of files) {
      const outcome = await parseRdfFile(file.path).then(
        (quads) => `loaded ${quads.length} triples`,
        (error: unknown) => error,
      );
      if (!(outcome instanceof RdfSyntaxError)) wrong.push(`${file.name}: ${String(outcome)}`);
      else if (!outcome.message.includes(file.name)) wrong.push(`${file.name}: message does not name the file: ${outcome.message.slice(0, 120)}`);
      else if (HAS_LINE.test(file.name) && (outcome.line === undefined || outcome.column === undefined)) wrong.push(`${file.name}: no line and column in ${outcome.message.slice(0, 120)}`);
      else if (file.name.endsWith(".jsonld") && file.kind !== "bad IRI" && (outcome.line === undefined || outcome.column === undefined)) {
        wrong.push(`${file.name}: no line and column in ${outcome.message.slice(0, 120)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("stop a load beside a good file, so nothing from them reaches the store", async () => {
    const good = await loadDatasets([join(dir, "good.ttl")]);
    expect(good.triples).toBe(3);
    for (const file of files.filter((_, i) => i % 50 === 0)) {
      await expect(loadDatasets([join(dir, "good.ttl"), file.path]), file.name).rejects.toMatchObject({ code: "RDF_SYNTAX", file: expect.stringContaining(file.name) });
    }
  });
});

describe("broken RDF uploads", () => {
  let server: TestServer;
  let uploadDir: string;

  beforeAll(async () => {
    uploadDir = await mkdtemp(join(tmpdir(), "caspian-broken-uploads-"));
    server = await startTestServer({ documents: { "good.ttl": VALID[".ttl"]! }, uploads: { dir: uploadDir, adminToken: TOKEN }, workers: 1, rateLimit: { uploadsPerMinute: 0 } });
  });

  afterAll(async () => {
    await server?.close();
    await rm(uploadDir, { recursive: true, force: true });
  });

  const triples = async () => ((await (await fetch(`${server.url}/api/v1/health`)).json()) as { triples: number }).triples;

  it("are refused with 400 naming where, and the store keeps exactly what it had", async () => {
    const before = await triples();
    const sample = files.filter((_, i) => i % 5 === 0);
    const wrong: string[] = [];
    for (const file of sample) {
      const response = await fetch(`${server.url}/api/v1/datasets?name=${encodeURIComponent(file.name)}`, {
        method: "POST",
        headers: { Authorization: `Bearer ${TOKEN}` },
        body: new Uint8Array(file.content),
      });
      const body = (await response.json()) as { code?: string; message?: string };
      if (response.status !== 400 || body.code !== "RDF_SYNTAX" || !body.message?.includes(file.name)) wrong.push(`${file.name}: ${response.status} ${JSON.stringify(body).slice(0, 160)}`);
      else if (HAS_LINE.test(file.name) && !/ line \d+, column \d+/.test(body.message)) wrong.push(`${file.name}: no line and column in ${body.message.slice(0, 160)}`);
    }
    expect(wrong).toEqual([]);
    expect(await triples()).toBe(before);
    const listing = (await (await fetch(`${server.url}/api/v1/datasets`)).json()) as { uploads: unknown[] };
    expect(listing.uploads).toEqual([]);
  });
});
