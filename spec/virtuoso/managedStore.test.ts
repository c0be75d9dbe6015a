import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../bench/measure.ts";
import { VIRTUOSO_BINARY } from "./startVirtuoso.ts";

// `npm start -- --store virtuoso`: Caspian starts Virtuoso in its data directory, bulk-loads the
// files once, serves the views and /sparql from it, and finds it all again on the next start.
const GEN = "https://w3id.org/caspian/generated/";
let dir: string;
let data: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "caspian-managed-virtuoso-"));
  data = join(dir, "extra.nt");
  await writeFile(
    data,
    [
      `<${GEN}actor/1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/caspian/ontology#State> .`,
      `<${GEN}actor/1> <http://www.w3.org/2000/01/rdf-schema#label> "Gen. Zarathustrian League"@en .`,
      "",
    ].join("\n"),
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

interface Started {
  url: string;
  /** Everything the server printed on stderr, from its first line. */
  log: () => string;
  stop: () => Promise<void>;
}

function start(): Promise<Started> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts", "--store", "virtuoso", "--data", data, "--data-dir", join(dir, "caspian"), "--rate-limit", "0"], { cwd: ROOT, env: { ...process.env, PORT: "0" }, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  let out = "";
  child.stderr.on("data", (chunk: Buffer) => (log += chunk));
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once("exit", () => done());
      child.kill("SIGTERM");
    });
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve({ url, log: () => log, stop });
    });
    child.once("exit", (code) => reject(new Error(`the server exited with ${code}: ${log}`)));
  });
}

async function searchLabels(url: string): Promise<string[]> {
  const body = (await (await fetch(`${url}/api/v1/search?q=zarathustrian`)).json()) as { results: { label: string }[] };
  return body.results.map((hit) => hit.label);
}

describe.skipIf(!VIRTUOSO_BINARY)("the managed Virtuoso store (--store virtuoso)", () => {
  it("bulk-loads the curated data and --data files, serves the views and /sparql, and on a restart loads nothing again", { timeout: 240_000 }, async () => {
    const first = await start();
    try {
      const health = (await (await fetch(`${first.url}/api/v1/health`)).json()) as { status: string; engine: string; triples: number };
      expect(health).toMatchObject({ status: "ok", engine: expect.stringContaining("SPARQL 1.1 endpoint") });
      expect(health.triples).toBeGreaterThan(1000);
      expect(await searchLabels(first.url)).toContain("Gen. Zarathustrian League");
      // The curated data is there too, through the same views the embedded store serves.
      const iran = await fetch(`${first.url}/api/v1/entity?iri=${encodeURIComponent("https://w3id.org/caspian/data/Iran")}`);
      expect(iran.status).toBe(200);
      const graphs = (await (await fetch(`${first.url}/sparql?query=${encodeURIComponent(`SELECT ?g WHERE { GRAPH ?g { <${GEN}actor/1> ?p ?o } } LIMIT 1`)}`, { headers: { Accept: "application/sparql-results+json" } })).json()) as { results: { bindings: { g: { value: string } }[] } };
      expect(graphs.results.bindings[0]!.g.value).toBe("urn:caspian:file:extra.nt");
    } finally {
      await first.stop();
    }

    const second = await start();
    try {
      expect(await searchLabels(second.url)).toContain("Gen. Zarathustrian League");
      expect(first.log()).toMatch(/bulk-loading .*extra\.nt/);
      expect(second.log()).toMatch(/Virtuoso/);
      expect(second.log()).not.toMatch(/bulk-loading/);
    } finally {
      await second.stop();
    }
  });
});
