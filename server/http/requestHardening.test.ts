import { execFileSync } from "node:child_process";
import { request } from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../test/testServer.ts";

const TOKEN = "test-admin-token";
const DATA = {
  "g.trig": `@prefix ex: <http://example.org/> .
<http://example.org/g1> { ex:a ex:in "g1" . }
<http://example.org/g2> { ex:b ex:in "g2" . }
ex:c ex:in "control\u0001char" .`,
};

let dir: string;
let server: TestServer;
const logged: unknown[] = [];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "caspian-requests-"));
  server = await startTestServer({ documents: DATA, workers: 1, uploads: { dir, adminToken: TOKEN }, log: (error) => logged.push(error), rateLimit: { sparqlPerMinute: 0, apiPerMinute: 30, uploadsPerMinute: 5 } });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

async function select(query: string): Promise<string[]> {
  const response = await fetch(`${server.url}/sparql?query=${encodeURIComponent(query)}`, { headers: { Accept: "application/sparql-results+json" } });
  expect(response.status).toBe(200);
  const rows = ((await response.json()) as { results: { bindings: { v: { value: string } }[] } }).results.bindings;
  return rows.map((row) => row.v.value).sort();
}

/** A raw request, so the Host header is what the test says (fetch would set its own). */
function withHost(host: string, path = "/sparql?query=ASK%7B%7D"): Promise<number> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, headers: { Host: host } }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
    req.on("error", reject);
    req.end();
  });
}

describe("requests the server once got wrong", () => {
  it("answers 400, not 500, to a malformed percent-escape in a path, and logs no stack trace", async () => {
    for (const method of ["GET", "HEAD", "DELETE"]) {
      const response = await fetch(`${server.url}/api/v1/datasets/%`, { method });
      expect(response.status).toBe(400);
    }
    expect(logged).toEqual([]);
  });

  it("honours a query's own FROM and FROM NAMED (SPARQL 1.1 dataset rules) over the union default graph", async () => {
    expect(await select("SELECT ?v { ?s <http://example.org/in> ?v }")).toEqual(["control\u0001char", "g1", "g2"]);
    expect(await select("SELECT ?v FROM <http://example.org/g1> { ?s <http://example.org/in> ?v }")).toEqual(["g1"]);
    // FROM alone: no named graphs; FROM NAMED alone: an empty default graph.
    expect(await select("SELECT ?v FROM <http://example.org/g1> { GRAPH ?g { ?s <http://example.org/in> ?v } }")).toEqual([]);
    expect(await select("SELECT ?v FROM NAMED <http://example.org/g2> { ?s <http://example.org/in> ?v }")).toEqual([]);
    expect(await select("SELECT ?v FROM NAMED <http://example.org/g2> { GRAPH ?g { ?s <http://example.org/in> ?v } }")).toEqual(["g2"]);
  });

  it("writes XML results that parse even when a literal holds U+0001", async () => {
    const query = encodeURIComponent("SELECT ?v { <http://example.org/c> ?p ?v }");
    const response = await fetch(`${server.url}/sparql?query=${query}`, { headers: { Accept: "application/sparql-results+xml" } });
    const xml = await response.text();
    expect(xml).toContain("control\uFFFDchar");
    // xmllint exits non-zero on a document that is not well-formed.
    expect(() => execFileSync("xmllint", ["--noout", "-"], { input: xml, stdio: ["pipe", "pipe", "pipe"] })).not.toThrow();
    const json = await fetch(`${server.url}/sparql?query=${query}`, { headers: { Accept: "application/sparql-results+json" } });
    expect(((await json.json()) as { results: { bindings: { v: { value: string } }[] } }).results.bindings[0]!.v.value).toBe("control\u0001char");
  });

  it("answers only for its own host names: a rebinding domain gets 421, loopback names and IP addresses pass", async () => {
    expect(await withHost("attacker.example:80")).toBe(421);
    expect(await withHost("localhost:3000")).toBe(200);
    expect(await withHost("127.0.0.1")).toBe(200);
    expect(await withHost("[::1]:3000")).toBe(200);
    expect(await withHost("10.1.2.3:8080")).toBe(200);
  });

  it("lets --allowed-hosts widen the list", async () => {
    const { createApp } = await import("../app.ts");
    const app = createApp({ engine: server.engine, config: { rowCap: 10, host: "127.0.0.1", allowedHosts: ["caspian.example"] }, datasets: { files: [] }, log: () => {} });
    const listening = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => listening.once("listening", resolve));
    const port = (listening.address() as { port: number }).port;
    const status = (host: string) =>
      new Promise<number>((resolve) => request({ host: "127.0.0.1", port, path: "/api/v1/health", headers: { Host: host } }, (res) => resolve(res.statusCode!)).end());
    expect(await status("caspian.example:8080")).toBe(200);
    expect(await status("other.example")).toBe(421);
    listening.closeAllConnections();
    listening.close();
  });

  it("keeps the admin's rate-limit bucket apart from failed anonymous writes", async () => {
    for (let i = 0; i < 6; i++) await fetch(`${server.url}/api/v1/datasets/x`, { method: "DELETE", headers: { Authorization: "Bearer wrong-token" } });
    const anonymous = await fetch(`${server.url}/api/v1/datasets/x`, { method: "DELETE" });
    expect(anonymous.status).toBe(429);
    const admin = await fetch(`${server.url}/api/v1/datasets/x`, { method: "DELETE", headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(admin.status).toBe(404);
  });

  it("rate-limits /api/v1 too, with Retry-After", async () => {
    let last: Response | undefined;
    for (let i = 0; i < 40; i++) {
      last = await fetch(`${server.url}/api/v1/health`);
      if (last.status === 429) break;
    }
    expect(last!.status).toBe(429);
    expect(last!.headers.get("retry-after")).toBe("60");
    // /sparql counts in a bucket of its own.
    expect((await fetch(`${server.url}/sparql?query=ASK%7B%7D`)).status).toBe(200);
  });
});
