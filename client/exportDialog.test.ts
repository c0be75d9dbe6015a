/**
 * The Export dialog in real Chromium against the real server: the SVG it downloads is the
 * shared renderer's, with the screen's labels and a legend; the PNG has the asked pixel width
 * and DPI; the PDF has the labels as text and DejaVu Sans embedded. A hostile label stays text.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { XMLValidator } from "fast-xml-parser";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../server/test/testServer.ts";
import { pngInfo } from "./exports/pngDpi.ts";
import { launchBrowser, type TestBrowser } from "./test/browser.ts";
import { startExplorer } from "./test/explorerServer.ts";
import { screenshot, waitForExplorer } from "./test/pageHelpers.ts";

const HOSTILE_TTL = `@prefix cas: <https://w3id.org/caspian/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/caspian/data/Hostile> a cas:State ; rdfs:label "Zed <script>window.__pwned=1</script> & Co" .
`;

let server: TestServer;
let browser: TestBrowser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startExplorer({ documents: { "hostile.ttl": HOSTILE_TTL } }), launchBrowser()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function download(page: Page, format: string, setup?: () => Promise<void>): Promise<Buffer> {
  await page.click("#export-open");
  await page.selectOption("#export-format", format);
  await setup?.();
  const [file] = await Promise.all([page.waitForEvent("download"), page.click("#export-go")]);
  const path = await file.path();
  await page.click("#export-dialog .close");
  return readFile(path);
}

describe("the Export dialog", () => {
  it("downloads the current view as an SVG figure with labels, legend and caption, a PNG at the asked DPI and a PDF with the font embedded", async () => {
    const page = await browser.newPage();
    await page.goto(server.url + "/");
    await waitForExplorer(page);
    await page.click("#export-open");
    await screenshot(page, "export-dialog");
    await page.click("#export-dialog .close");

    const svg = (await download(page, "svg", () => page.fill("#export-title", "Iran & Russia <all years>"))).toString("utf8");
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain(">Iran</text>");
    expect(svg).toContain(">Russia</text>");
    expect(svg).toContain("Iran &amp; Russia &lt;all years&gt;");
    expect(svg).toContain('data-legend="node:actor"');
    expect(svg).not.toContain("<script>");

    const png = await download(page, "png", async () => {
      await page.selectOption("#export-preset", "single");
      await page.fill("#export-dpi", "150");
    });
    const info = pngInfo(new Uint8Array(png));
    expect(info.width).toBe(Math.round((89 / 25.4) * 150));
    expect(info.dpiX).toBeCloseTo(150, 0);

    const pdf = await download(page, "pdf");
    const pdfFile = join(await mkdtemp(join(tmpdir(), "caspian-dialog-")), "figure.pdf");
    await writeFile(pdfFile, pdf);
    expect(execFileSync("pdftotext", [pdfFile, "-"], { encoding: "utf8" })).toMatch(/Iran[\s\S]*Russia|Russia[\s\S]*Iran/);
    expect(execFileSync("pdffonts", [pdfFile], { encoding: "utf8" })).toMatch(/DejaVuSans.*yes\s+yes/);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();
  }, 180_000);

  it("exports what the screen shows: only the visible classes and years", async () => {
    const page = await browser.newPage();
    await page.goto(server.url + "/?view=full&kinds=actor,treaty&from=1800&to=1850");
    await waitForExplorer(page);
    const csv = (await download(page, "csv")).toString("utf8");
    const kinds = new Set((parseCsv(csv, { columns: true }) as Record<string, string>[]).map((row) => row.kind));
    expect([...kinds].sort()).toEqual(["actor", "treaty"]);
    expect(csv).toContain("Treaty of Turkmenchay");
    const svg = (await download(page, "svg")).toString("utf8");
    expect([...svg.matchAll(/data-legend="(node:[a-z]+)"/g)].map((m) => m[1]).sort()).toEqual(["node:actor", "node:treaty"]);
    const multiples = (await download(page, "svg", () => page.fill("#export-periods", "Qajar, Pahlavi"))).toString("utf8");
    expect(XMLValidator.validate(multiples)).toBe(true);
    expect([...multiples.matchAll(/class="panel-heading"[^>]*>([^<]*)</g)].map((m) => m[1])).toEqual([
      expect.stringMatching(/^Qajar \(/),
      expect.stringMatching(/^Pahlavi \(/),
    ]);
    await page.close();
  }, 180_000);
});
