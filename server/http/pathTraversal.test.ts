import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../test/testServer.ts";

// A file beside the served folders that no request may read or remove.
const SECRET = "caspian-secret-7f3a9c";
const TOKEN = "traversal-test-token";

let root: string;
let server: TestServer;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "caspian-traversal-"));
  await mkdir(join(root, "dist"));
  await mkdir(join(root, "uploads"));
  await writeFile(join(root, "dist", "index.html"), "<!doctype html><title>Caspian</title><p>index</p>");
  await writeFile(join(root, "secret.txt"), SECRET);
  await writeFile(join(root, "uploads", "secret.txt"), SECRET);
  server = await startTestServer({
    documents: { "a.ttl": "<http://example.org/a> <http://example.org/p> <http://example.org/b> ." },
    distDir: join(root, "dist"),
    uploads: { dir: join(root, "uploads"), adminToken: TOKEN },
    workers: 1,
  });
});

afterAll(async () => {
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

/** Sends the path exactly as written (fetch would normalise the dots away before sending). */
function raw(path: string, method = "GET", headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method, headers }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

const ESCAPES = [
  "/../secret.txt",
  "/../../../../../../etc/passwd",
  "/%2e%2e/secret.txt",
  "/%2E%2E%2Fsecret.txt",
  "/..%2fsecret.txt",
  "/..%5csecret.txt",
  "/..\\secret.txt",
  "/%252e%252e/secret.txt",
  "/....//secret.txt",
  "/assets/../../secret.txt",
  "/.%2e/.%2e/secret.txt",
  "/secret.txt%00.html",
  "//secret.txt",
  "/%c0%ae%c0%ae/secret.txt",
];

describe("path traversal", () => {
  it.each(ESCAPES)("the static files never serve what lies outside dist/: %s", async (path) => {
    const { status, body } = await raw(path);
    expect(body).not.toContain(SECRET);
    expect(body).not.toMatch(/root:.*:0:0:/);
    // Either refused, or the explorer's own page for an unknown path.
    if (status === 200) expect(body).toContain("<p>index</p>");
    else expect(status).toBeGreaterThanOrEqual(400);
  });

  it.each(["../../secret.txt", "/etc/passwd", "..%2f..%2fsecret.txt", "file:///etc/passwd"])(
    "the source-text route reads only the article, whatever the quote or evidence says: %s",
    async (value) => {
      for (const param of ["quote", "evidence"]) {
        const { status, body } = await raw(`/api/v1/source?${param}=${encodeURIComponent(value)}`);
        expect(status, param).toBeGreaterThanOrEqual(400);
        expect(status, param).toBeLessThan(500);
        expect(body).not.toContain(SECRET);
        expect(body).not.toMatch(/root:.*:0:0:/);
      }
    },
  );

  it.each(["..%2fsecret", "..%2F..%2Fsecret.txt", "%2e%2e", "..", "secret.txt%00", "..%5csecret"])(
    "the dataset routes name only their own datasets, so DELETE cannot reach a file by path: %s",
    async (name) => {
      const { status } = await raw(`/api/v1/datasets/${name}`, "DELETE", { Authorization: `Bearer ${TOKEN}` });
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
      expect(existsSync(join(root, "secret.txt"))).toBe(true);
      expect(existsSync(join(root, "uploads", "secret.txt"))).toBe(true);
    },
  );

  it("an upload's name cannot place its file outside the data directory", async () => {
    for (const name of ["../escape.ttl", "..%2Fescape.ttl", "/tmp/escape.ttl", "a/../../escape.ttl"]) {
      const { status } = await raw(`/api/v1/datasets?name=${encodeURIComponent(name)}`, "POST", {
        Authorization: `Bearer ${TOKEN}`,
        "Content-Type": "text/turtle",
      });
      expect(status, name).toBeGreaterThanOrEqual(400);
      expect(status, name).toBeLessThan(500);
    }
    expect(existsSync(join(root, "escape.ttl"))).toBe(false);
  });
});
