import { mkdtemp, rm } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SOURCES } from "../rdf/loadDatasets.ts";
import { startTestServer, type TestServer } from "../test/testServer.ts";

const TOKEN = "payload-test-token";
let dir: string;
let server: TestServer;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "caspian-payloads-"));
  server = await startTestServer({ sources: DEFAULT_SOURCES, uploads: { dir, adminToken: TOKEN }, workers: 1 });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** A raw GET (fetch would decode the body and hide Content-Encoding). */
function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; bytes: number }> {
  return new Promise((resolve, reject) => {
    request(`${server.url}${path}`, { headers }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes }));
    })
      .on("error", reject)
      .end();
  });
}

describe("payloads", () => {
  it("compresses the graph view with brotli or gzip, as the client prefers, to a fraction of its size", async () => {
    const plain = await get("/api/v1/graph");
    const brotli = await get("/api/v1/graph", { "Accept-Encoding": "br" });
    const gzip = await get("/api/v1/graph", { "Accept-Encoding": "gzip" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(brotli.headers["content-encoding"]).toBe("br");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(brotli.bytes).toBeLessThan(plain.bytes / 4);
    expect(gzip.bytes).toBeLessThan(plain.bytes / 3);
  });

  it("answers a reload with the same ETag by 304 and no body, until an upload changes the data", async () => {
    const first = await get("/api/v1/graph");
    const tag = first.headers.etag as string;
    expect(tag).toMatch(/^W\/"/);
    expect(first.headers["cache-control"]).toBe("no-cache");
    const reload = await get("/api/v1/graph", { "If-None-Match": tag });
    expect(reload).toMatchObject({ status: 304, bytes: 0 });
    // Another view, another tag: the URL is part of it.
    expect((await get("/api/v1/search?q=iran")).headers.etag).not.toBe(tag);

    const upload = await fetch(`${server.url}/api/v1/datasets?name=extra`, {
      method: "POST",
      headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "text/turtle" },
      body: '<http://example.org/x> <http://www.w3.org/2000/01/rdf-schema#label> "x" .',
    });
    expect(upload.status).toBe(201);
    const after = await get("/api/v1/graph", { "If-None-Match": tag });
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(tag);
  });

  it("never versions health, whose answer changes while the store loads", async () => {
    const tag = (await get("/api/v1/graph")).headers.etag as string;
    const health = await get("/api/v1/health", { "If-None-Match": tag });
    expect(health.status).toBe(200);
    expect(health.headers.etag).not.toBe(tag);
  });
});
