import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../test/testServer.ts";

const TOKEN = "request-log-secret-token";

describe("the request log", () => {
  const lines: string[] = [];
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "caspian-log-"));
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split("\n").filter(Boolean));
        done();
      },
    });
    server = await startTestServer({ documents: { "a.ttl": "<http://example.org/a> <http://example.org/p> 1 ." }, requestLog: sink, uploads: { dir, adminToken: TOKEN } });
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("writes one JSON line per request with method, path, status and time, and never the admin token", async () => {
    await fetch(`${server.url}/api/v1/health`);
    await fetch(`${server.url}/sparql?query=${encodeURIComponent("ASK { ?s ?p ?o }")}`);
    await fetch(`${server.url}/api/v1/datasets/nope`, { method: "DELETE", headers: { authorization: `Bearer ${TOKEN}` } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines).toHaveLength(3);
    const entries = lines.map((line) => JSON.parse(line) as { req: { method: string; url: string }; res: { status: number }; responseTime: number; msg: string });
    expect(entries.map((e) => [e.req.method, e.req.url.split("?")[0], e.res.status])).toEqual([
      ["GET", "/api/v1/health", 200],
      ["GET", "/sparql", 200],
      ["DELETE", "/api/v1/datasets/nope", 404],
    ]);
    for (const entry of entries) expect(entry.responseTime).toBeGreaterThanOrEqual(0);
    expect(lines.join("\n")).not.toContain(TOKEN);
  });
});
