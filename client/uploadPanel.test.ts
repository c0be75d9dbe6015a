/**
 * The Data tab in a real browser
 * ==============================
 * Debian's Chromium drives the built explorer against the real server (curated data, an upload
 * store in a temporary folder, an admin token): a file chosen in the picker is uploaded with a
 * progress bar, listed with its triple count, queryable, refused with line and column when it
 * does not parse, and removed again.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SOURCES } from "../server/rdf/loadDatasets.ts";
import { startTestServer, type TestServer } from "../server/test/testServer.ts";
import { launchBrowser, type TestBrowser } from "./test/browser.ts";
import { buildClient } from "./test/explorerServer.ts";
import { screenshot, waitForExplorer } from "./test/pageHelpers.ts";

const TOKEN = "browser-test-token";
let dir: string;
let server: TestServer;
let browser: TestBrowser;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "caspian-upload-ui-"));
  const distDir = await buildClient();
  [server, browser] = await Promise.all([startTestServer({ sources: [...DEFAULT_SOURCES], distDir, uploads: { dir, adminToken: TOKEN } }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

const ask = async (query: string) =>
  ((await (await fetch(`${server.url}/sparql?query=${encodeURIComponent(query)}`, { headers: { Accept: "application/sparql-results+json" } })).json()) as { boolean: boolean }).boolean;

describe("the Data tab", () => {
  it("uploads a chosen file with the admin token, lists it with its triple count, and removes it", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/?tab=data`);
    await waitForExplorer(page);
    await page.getByRole("tab", { name: "Data" }).click();
    await page.getByLabel("Admin token").fill(TOKEN);
    const good = join(dir, "..", `upload-ui-${Date.now()}.ttl`);
    await writeFile(good, "@prefix ex: <http://example.org/> .\nex:Gulistan ex:year 1813 ; ex:party ex:Iran , ex:Russia .\n");
    await page.locator('#panel-data input[type="file"]').setInputFiles(good);
    await expect.poll(() => page.locator("#panel-data .upload-status").innerText(), { timeout: 15_000 }).toMatch(/3 triples stored as urn:caspian:upload:upload-ui-\d+/);
    await expect.poll(() => page.locator("#panel-data .upload-list").innerText(), { timeout: 15_000 }).toMatch(/upload-ui-\d+\s+3 triples/);
    expect(await ask("ASK { <http://example.org/Gulistan> ?p ?o }")).toBe(true);
    await screenshot(page, "upload-panel");

    const bad = join(dir, "..", `broken-${Date.now()}.ttl`);
    await writeFile(bad, "@prefix ex: <http://example.org/> .\nex:a ex:p ex:b .\nex:c ex:p nope:x .\n");
    await page.locator('#panel-data input[type="file"]').setInputFiles(bad);
    await expect.poll(() => page.locator("#panel-data .upload-error").innerText(), { timeout: 15_000 }).toMatch(/broken-\d+\.ttl line 3.*Nothing was stored/s);

    await page.getByRole("button", { name: /^Remove upload-ui-/ }).click();
    await expect.poll(() => page.locator("#panel-data .upload-status").innerText(), { timeout: 15_000 }).toMatch(/removed/);
    expect(await ask("ASK { <http://example.org/Gulistan> ?p ?o }")).toBe(false);
    await rm(good);
    await rm(bad);
    await page.close();
  });
});
