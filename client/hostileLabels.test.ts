/**
 * Hostile labels in a real browser
 * ================================
 * Debian's Chromium drives the built explorer against the real server, which holds, beside the
 * curated data, labels and comments made of markup, IRIs with the `javascript:` scheme and a
 * 20,000-character label. Every panel must show them as inert text: no element from the data in
 * the DOM, no script run (each payload would set window.__pwned), no `javascript:` link, and no
 * Content Security Policy violation while the page works.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../server/test/testServer.ts";
import { launchBrowser, type TestBrowser } from "./test/browser.ts";
import { startExplorer } from "./test/explorerServer.ts";
import { screenshot, waitForExplorer } from "./test/pageHelpers.ts";

const CD = "https://w3id.org/caspian/data/";
const LONG = `Qxvlong <b>bold</b> ${"x".repeat(20_000)}`;
const MARKUP_LABEL = 'Qxv <img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script> Qxv';
const MARKUP_COMMENT = '<a href="javascript:window.__pwned=3">click</a> <svg onload="window.__pwned=4"></svg> <iframe src="javascript:window.__pwned=5"></iframe>';
const JS_IRI = "javascript:window.__pwned=6";

const turtleString = (text: string) => JSON.stringify(text);
const HOSTILE_TTL = `
@prefix cas: <https://w3id.org/caspian/ontology#> .
@prefix cd: <${CD}> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
cd:test-Markup a cas:State ;
  rdfs:label ${turtleString(MARKUP_LABEL)} ;
  rdfs:comment ${turtleString(MARKUP_COMMENT)} ;
  rdfs:seeAlso <javascript:window.__pwned=7> .
<${JS_IRI}> a cas:State ; rdfs:label "Qxv javascript actor" ; rdfs:comment "javascript:window.__pwned=8" .
cd:test-Long a cas:State ; rdfs:label ${turtleString(LONG)} .
`;

let server: TestServer;
let browser: TestBrowser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startExplorer({ documents: { "hostile-labels.ttl": HOSTILE_TTL } }), launchBrowser()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path = "/"): Promise<Page> {
  const page = await browser.newPage();
  // Collected from the first script on: any policy violation, and the payloads' flag.
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (event) => w.__csp.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.goto(server.url + path);
  await waitForExplorer(page);
  return page;
}

async function searchAndPick(page: Page, text: string, iri: string): Promise<void> {
  await page.fill("#search-input", text);
  const option = page.locator(`#search-results [role="option"][data-iri="${iri}"]`);
  await option.waitFor();
  await option.dispatchEvent("mousedown");
  await page.waitForSelector(`article.entity[data-iri="${iri.replace(/"/g, '\\"')}"]`);
}

/** Nothing from the data became markup, ran, or turned into a live `javascript:` link. */
async function expectInert(page: Page): Promise<void> {
  const state = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: number }).__pwned,
    dataElements: document.querySelectorAll("main img, main script, main svg[onload], main iframe, main b, main [onerror], main [onload]").length,
    jsLinks: [...document.querySelectorAll("[href], [src]")].filter((element) => /^\s*javascript:/i.test(element.getAttribute("href") ?? element.getAttribute("src") ?? "")).length,
    csp: (window as unknown as { __csp: string[] }).__csp,
  }));
  expect(state).toEqual({ pwned: undefined, dataElements: 0, jsLinks: 0, csp: [] });
}

describe("hostile labels, literals and IRIs", () => {
  it("are plain text in the search results and the details panel", async () => {
    const page = await open();
    await page.fill("#search-input", "Qxv");
    await page.locator('#search-results [role="option"]').first().waitFor();
    const hits = await page.locator("#search-results .hit-label").allTextContents();
    expect(hits).toContain(MARKUP_LABEL);
    await expectInert(page);

    await searchAndPick(page, "Qxv <img", `${CD}test-Markup`);
    expect(await page.locator("article.entity .entity-label").textContent()).toBe(MARKUP_LABEL);
    expect(await page.locator("article.entity .comment").textContent()).toBe(MARKUP_COMMENT);
    await expectInert(page);
    await screenshot(page, "hostile-labels-details");
    await page.close();
  });

  it("never make a javascript: IRI a clickable link", async () => {
    const page = await open();
    await searchAndPick(page, "Qxv javascript", JS_IRI);
    expect(await page.locator("article.entity .entity-label").textContent()).toBe("Qxv javascript actor");
    // The IRI is still shown, as text.
    expect(await page.locator("article.entity").textContent()).toContain(JS_IRI);
    await page.locator("article.entity a").evaluateAll((links) => links.forEach((link) => (link as HTMLElement).click()));
    await expectInert(page);
    await page.close();
  });

  it("show a 20,000-character label whole, as text, without breaking the page", async () => {
    const page = await open();
    await searchAndPick(page, "Qxvlong", `${CD}test-Long`);
    expect(await page.locator("article.entity .entity-label").textContent()).toBe(LONG);
    // The label wraps inside the side panel instead of widening the page.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectInert(page);
    await screenshot(page, "hostile-labels-long");
    await page.close();
  });

  it("are plain text in the workbench's table", async () => {
    const page = await open("/?tab=query");
    await page.waitForSelector("#panel-query .cm-editor", { timeout: 30_000 });
    const query = `PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?s ?label ?comment ?also WHERE { ?s rdfs:label ?label FILTER(STRSTARTS(?label, "Qxv"))
  OPTIONAL { ?s rdfs:comment ?comment } OPTIONAL { ?s rdfs:seeAlso ?also } }`;
    await page.evaluate((text) => (window as unknown as { caspianWorkbench: { setText(t: string): void } }).caspianWorkbench.setText(text), query);
    await page.click("#panel-query .wb-run");
    await page.waitForSelector("#panel-query .wb-table tbody tr");
    const text = (await page.locator("#panel-query .wb-table").textContent()) ?? "";
    expect(text).toContain(MARKUP_LABEL);
    expect(text).toContain(MARKUP_COMMENT);
    await expectInert(page);
    await screenshot(page, "hostile-labels-workbench");
    await page.close();
  });
});
