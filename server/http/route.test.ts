import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../test/testServer.ts";

let dir: string;
let server: TestServer;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "caspian-routes-"));
  server = await startTestServer({ documents: { "a.nt": '<http://example.org/a> <http://example.org/p> "1" .' }, workers: 1, uploads: { dir, adminToken: "route-test-token" } });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe("every API route", () => {
  it.each([
    ["PUT", "/api/v1/graph", "GET, HEAD"],
    ["POST", "/api/v1/neighbours", "GET, HEAD"],
    ["DELETE", "/api/v1/health", "GET, HEAD"],
    ["PATCH", "/api/v1/search", "GET, HEAD"],
    ["PUT", "/api/v1/datasets", "GET, HEAD, POST"],
    ["GET", "/api/v1/datasets/some-name", "DELETE"],
    ["POST", "/.well-known/void", "GET, HEAD"],
  ])("answers %s %s with 405 and Allow: %s", async (method, path, allow) => {
    const response = await fetch(`${server.url}${path}`, { method });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe(allow);
    expect(((await response.json()) as { code: string }).code).toBe("METHOD_NOT_ALLOWED");
  });
});
