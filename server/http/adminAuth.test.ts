import express from "express";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireAdmin, tokenMatches } from "./adminAuth.ts";
import { errorMiddleware } from "./errors.ts";

const servers: { close: () => void }[] = [];
afterAll(() => servers.forEach((server) => server.close()));

async function serve(token: string | undefined): Promise<string> {
  const app = express();
  app.post("/change", requireAdmin(token), (_req, res) => void res.json({ ok: true }));
  app.use(errorMiddleware({ log: () => {} }));
  const server = app.listen(0, "127.0.0.1");
  servers.push(server);
  await new Promise((resolve) => server.once("listening", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/change`;
}

let guarded: string;
let readOnly: string;
beforeAll(async () => {
  guarded = await serve("s3cret-token");
  readOnly = await serve(undefined);
});

describe("the admin token", () => {
  it("lets a request with the right bearer token through", async () => {
    const response = await fetch(guarded, { method: "POST", headers: { Authorization: "Bearer s3cret-token" } });
    expect(response.status).toBe(200);
  });

  it("answers 401 with a reason to a missing or wrong token", async () => {
    const missing = await fetch(guarded, { method: "POST" });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ code: "UNAUTHORIZED" });
    const wrong = await fetch(guarded, { method: "POST", headers: { Authorization: "Bearer s3cret-tokeN" } });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).message).toMatch(/wrong/);
  });

  it("answers 403 read-only to everyone when no token is configured", async () => {
    const response = await fetch(readOnly, { method: "POST", headers: { Authorization: "Bearer anything" } });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: "READ_ONLY" });
  });

  it("compares tokens of different lengths without throwing", () => {
    expect(tokenMatches("a", "a much longer token")).toBe(false);
    expect(tokenMatches("same", "same")).toBe(true);
  });
});
