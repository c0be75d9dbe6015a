import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../config.ts";
import { startTestServer, type TestServer } from "../test/testServer.ts";

const DOC = { "a.ttl": "<http://example.org/a> <http://example.org/p> <http://example.org/b> ." };

let server: TestServer;
let limited: TestServer;
let distDir: string;
// A server that stands for "another host": a federated query must never reach it.
let remote: Server;
let remoteHits = 0;

beforeAll(async () => {
  distDir = await mkdtemp(join(tmpdir(), "caspian-security-"));
  await writeFile(join(distDir, "index.html"), "<!doctype html><title>t</title><script type=module src=./main.js></script>");
  remote = createServer((_req, res) => {
    remoteHits++;
    res.end("{}");
  });
  await new Promise<void>((resolve) => remote.listen(0, "127.0.0.1", resolve));
  [server, limited] = await Promise.all([
    startTestServer({ documents: DOC, distDir, workers: 1 }),
    startTestServer({ documents: DOC, workers: 1, rateLimit: { sparqlPerMinute: 3 } }),
  ]);
});

afterAll(async () => {
  await Promise.all([server?.close(), limited?.close()]);
  remote?.close();
  await rm(distDir, { recursive: true, force: true });
});

const ask = (base: string) => `${base}/sparql?query=${encodeURIComponent("ASK { ?s ?p ?o }")}`;

function directives(header: string | null): Map<string, string[]> {
  return new Map((header ?? "").split(";").map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe("security headers", () => {
  it("serves the page with a Content Security Policy that runs only Caspian's own scripts", async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    const csp = directives(response.headers.get("content-security-policy"));
    expect(csp.get("script-src")).toEqual(["'self'"]);
    expect(csp.get("script-src-attr")).toEqual(["'none'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("worker-src")).toEqual(["'self'", "blob:"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
  });

  it("sends helmet's headers on every answer and never says it is Express", async () => {
    for (const path of ["/", "/api/v1/health", "/sparql", "/api/v1/nope"]) {
      const response = await fetch(server.url + path);
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("x-frame-options"), path).toBe("SAMEORIGIN");
      expect(response.headers.get("referrer-policy"), path).toBe("no-referrer");
      expect(response.headers.get("x-powered-by"), path).toBeNull();
    }
  });
});

describe("CORS", () => {
  it("lets any origin read query answers from /sparql, by GET and by POST", async () => {
    const get = await fetch(ask(server.url), { headers: { Origin: "https://elsewhere.example" } });
    expect(get.status).toBe(200);
    expect(get.headers.get("access-control-allow-origin")).toBe("*");
    const post = await fetch(`${server.url}/sparql`, {
      method: "POST",
      headers: { Origin: "https://elsewhere.example", "Content-Type": "application/sparql-query" },
      body: "ASK { ?s ?p ?o }",
    });
    expect(post.status).toBe(200);
    expect(post.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("grants a preflight for queries only: no other method, and never the Authorization header an admin sends", async () => {
    const preflight = await fetch(`${server.url}/sparql`, {
      method: "OPTIONS",
      headers: { Origin: "https://elsewhere.example", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization, content-type" },
    });
    const methods = (preflight.headers.get("access-control-allow-methods") ?? "").split(/,\s*/);
    expect(methods.every((method) => ["GET", "POST", "HEAD"].includes(method))).toBe(true);
    const headers = (preflight.headers.get("access-control-allow-headers") ?? "").toLowerCase();
    expect(headers).not.toContain("authorization");
    expect(preflight.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("gives other origins nothing from the JSON API or the uploads", async () => {
    for (const path of ["/api/v1/health", "/api/v1/search?q=a", "/api/v1/datasets"]) {
      const response = await fetch(server.url + path, { headers: { Origin: "https://elsewhere.example" } });
      expect(response.headers.get("access-control-allow-origin"), path).toBeNull();
    }
  });
});

describe("request bodies", () => {
  it("refuses a declared body over 1 MB with 413 before reading it", async () => {
    const response = await fetch(`${server.url}/sparql`, {
      method: "POST",
      headers: { "Content-Type": "application/sparql-query" },
      body: `ASK { ?s ?p "${"x".repeat(1_100_000)}" }`,
    });
    expect(response.status).toBe(413);
    expect(await response.text()).toMatch(/PAYLOAD_TOO_LARGE: .*larger than/);
  });

  it("refuses an over-long body on the JSON API too, with a JSON message", async () => {
    const response = await fetch(`${server.url}/api/v1/health`, { method: "POST", body: "x".repeat(2_000_000) });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });
});

describe("rate limiting", () => {
  it("answers 429 with Retry-After once a client passes its SPARQL limit, and keeps the API open", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await fetch(ask(limited.url))).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const refused = await fetch(ask(limited.url));
    expect(refused.headers.get("retry-after")).toBe("60");
    expect(refused.headers.get("ratelimit-policy")).toMatch(/q=3/);
    expect(await refused.text()).toMatch(/^RATE_LIMITED: Too many SPARQL requests/);
    expect((await fetch(`${limited.url}/api/v1/health`)).status).toBe(200);
  });
});

describe("SPARQL", () => {
  it("refuses federated queries with 400 and never calls the other host", async () => {
    const endpoint = `http://127.0.0.1:${(remote.address() as AddressInfo).port}/sparql`;
    for (const query of [`SELECT * WHERE { SERVICE <${endpoint}> { ?s ?p ?o } }`, `SELECT * WHERE { SERVICE SILENT <${endpoint}> { ?s ?p ?o } }`]) {
      const response = await fetch(`${server.url}/sparql?query=${encodeURIComponent(query)}`);
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/^QUERY_UNSUPPORTED: .*SERVICE/);
    }
    expect(remoteHits).toBe(0);
  });

  it("refuses 10,000 nested groups or parentheses with 400, not a stack overflow", async () => {
    for (const query of [`SELECT * WHERE ${"{".repeat(10_000)}${"}".repeat(10_000)}`, `ASK { FILTER(${"(".repeat(10_000)}1${")".repeat(10_000)}) }`]) {
      const response = await fetch(`${server.url}/sparql`, { method: "POST", headers: { "Content-Type": "application/sparql-query" }, body: query });
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/too deeply nested/);
    }
    expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
  });

  it("refuses SPARQL Update with 403 when no admin token is configured", async () => {
    const response = await fetch(`${server.url}/sparql`, {
      method: "POST",
      headers: { "Content-Type": "application/sparql-update" },
      body: "INSERT DATA { <http://example.org/x> <http://example.org/p> 1 }",
    });
    expect(response.status).toBe(403);
    const count = await (await fetch(`${server.url}/sparql?query=${encodeURIComponent("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")}`)).json();
    expect(count.results.bindings[0].n.value).toBe("1");
  });
});

describe("listening address", () => {
  it("binds to 127.0.0.1 unless another address is asked for", () => {
    expect(parseConfig([], {})).toMatchObject({ host: "127.0.0.1" });
    expect(parseConfig(["--host", "0.0.0.0"], {})).toMatchObject({ host: "0.0.0.0" });
    expect(parseConfig([], { HOST: "::" })).toMatchObject({ host: "::" });
  });
});

describe("SPARQL Update with an admin token configured", () => {
  let withToken: TestServer;
  let uploads: string;
  beforeAll(async () => {
    uploads = await mkdtemp(join(tmpdir(), "caspian-security-uploads-"));
    withToken = await startTestServer({ documents: DOC, workers: 1, uploads: { dir: uploads, adminToken: "correct-horse-battery" } });
  });
  afterAll(async () => {
    await withToken?.close();
    await rm(uploads, { recursive: true, force: true });
  });

  const update = (headers: Record<string, string>, form = false) =>
    fetch(`${withToken.url}/sparql`, {
      method: "POST",
      headers: { "Content-Type": form ? "application/x-www-form-urlencoded" : "application/sparql-update", ...headers },
      body: form ? `update=${encodeURIComponent("CLEAR ALL")}` : "CLEAR ALL",
    });

  it("answers 401 without the token or with a wrong one, by either form of POST", async () => {
    for (const form of [false, true]) {
      const missing = await update({}, form);
      expect(missing.status).toBe(401);
      expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await missing.text()).toMatch(/^UNAUTHORIZED: /);
      expect((await update({ Authorization: "Bearer correct-horse-battery-staple" }, form)).status).toBe(401);
      expect((await update({ Authorization: "Basic Y29ycmVjdA==" }, form)).status).toBe(401);
    }
    const count = await (await fetch(`${withToken.url}/sparql?query=${encodeURIComponent("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")}`)).json();
    expect(count.results.bindings[0].n.value).toBe("1");
  });

  it("passes the token check with the right token, then says updates go through uploads", async () => {
    const response = await update({ Authorization: "Bearer correct-horse-battery" });
    expect(response.status).toBe(501);
    expect(await response.text()).toMatch(/uploading a dataset/);
  });
});
