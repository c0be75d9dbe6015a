/**
 * The explorer in a real browser
 * ==============================
 * Debian's Chromium drives the built page against the real server (real engine, curated data,
 * plus one hostile label). Each test leaves a screenshot in screenshots/.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphPayload } from "../contract/api.ts";
import type { TestServer } from "../server/test/testServer.ts";
import { launchBrowser, type TestBrowser } from "./test/browser.ts";
import { startExplorer } from "./test/explorerServer.ts";
import { distinctColours, screenshot, waitForExplorer, fullGraphPath } from "./test/pageHelpers.ts";

const TURKMENCHAY = "https://w3id.org/caspian/data/TreatyOfTurkmenchay";
const ARTICLE = readFileSync(new URL("../data/source/karami-iran-russia.txt", import.meta.url), "utf8").replace(/\s+/g, " ");

// A label that would run script if any view parsed it as HTML.
const HOSTILE_TTL = `
@prefix cas: <https://w3id.org/caspian/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/caspian/data/test-Hostile> a cas:State ;
  rdfs:label "Xanadu <img src=x onerror=\\"window.__pwned=1\\"> Hostile" ;
  rdfs:comment "<b>not bold</b><script>window.__pwned=2</script>" ;
  cas:startYear 1900 ; cas:endYear 1901 .
`;
const HOSTILE_LABEL = 'Xanadu <img src=x onerror="window.__pwned=1"> Hostile';

let server: TestServer;
let browser: TestBrowser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startExplorer({ documents: { "hostile.ttl": HOSTILE_TTL } }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path = "/"): Promise<Page> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(server.url + fullGraphPath(path) /* these tests read treaties, periods, events: the full graph */);
  await waitForExplorer(page);
  expect(errors).toEqual([]);
  return page;
}

async function searchAndPick(page: Page, text: string, iri: string): Promise<void> {
  await page.fill("#search-input", text);
  const option = page.locator(`#search-results [role="option"][data-iri="${iri}"]`);
  await option.waitFor();
  await option.dispatchEvent("mousedown");
  await page.waitForSelector(`article.entity[data-iri="${iri}"]`);
}

describe("the explorer page", () => {
  it("loads the curated graph and draws it on a non-blank canvas", async () => {
    const page = await open();
    const legend = await page.locator("#filters .kinds .row").count();
    expect(legend).toBeGreaterThanOrEqual(4);
    const png = await page.locator("#graph").screenshot();
    await screenshot(page, "explorer-loaded");
    expect(await distinctColours(page, png)).toBeGreaterThan(5);
    await page.close();
  });

  it("finds the Treaty of Turkmenchay by the spelling Turkmanchay and selects it", async () => {
    const page = await open();
    await searchAndPick(page, "Turkmanchay", TURKMENCHAY);
    expect(await page.locator("article.entity .entity-label").textContent()).toContain("Turkmenchay");
    expect(new URL(page.url()).searchParams.get("node")).toBe("cd:TreatyOfTurkmenchay");
    // The camera moved onto the treaty: the graph is still in view, not panned off into the void.
    await page.waitForTimeout(500); // the camera's 400 ms glide (not a timed assertion: it only waits)
    expect(await distinctColours(page, await page.locator("#graph").screenshot())).toBeGreaterThan(5);
    await screenshot(page, "explorer-search-turkmanchay");
    await page.close();
  });

  it("shows the treaty's year and a quote from the article in the details panel", async () => {
    const page = await open("/?node=cd:TreatyOfTurkmenchay");
    await page.waitForSelector(`article.entity[data-iri="${TURKMENCHAY}"]`);
    expect(await page.locator("article.entity .years").first().textContent()).toContain("1828");
    const quotes = await page.locator("article.entity .evidence .quote").allTextContents();
    expect(quotes.length).toBeGreaterThan(0);
    const quote = quotes[0]!.replace(/^“|”$/g, "").replace(/\s+/g, " ");
    expect(ARTICLE).toContain(quote);
    await screenshot(page, "explorer-details-turkmenchay");
    await page.close();
  });

  it("shows an evidence quote highlighted in its paragraph with show in text", async () => {
    const page = await open("/?node=cd:TreatyOfTurkmenchay");
    const first = page.locator("article.entity .evidence-item").first();
    await first.waitFor();
    const quote = (await first.locator(".quote").textContent())!.replace(/^“|”$/g, "");
    await first.locator("button.show-in-text").click();
    const dialog = page.locator("dialog#source-dialog[open]");
    await dialog.waitFor();
    expect((await dialog.locator("mark").textContent())?.replace(/\s+/g, " ")).toBe(quote.replace(/\s+/g, " "));
    const paragraph = (await dialog.locator(".source-paragraph").textContent()) ?? "";
    expect(paragraph.length).toBeGreaterThan(quote.length);
    expect(ARTICLE).toContain(paragraph.replace(/\s+/g, " ").trim().slice(0, 60));
    await screenshot(page, "explorer-show-in-text");
    await page.keyboard.press("Escape");
    await page.close();
  });

  it("restores the selection and the filters from a copied URL, and steps back through history", async () => {
    const page = await open();
    await page.locator("#filter-kinds-place").uncheck();
    await searchAndPick(page, "Turkmanchay", TURKMENCHAY);
    const copied = page.url();
    expect(new URL(copied).searchParams.get("kinds")).not.toContain("place");

    const again = await browser.newPage();
    await again.goto(copied);
    await waitForExplorer(again);
    await again.waitForSelector(`article.entity[data-iri="${TURKMENCHAY}"]`);
    expect(await again.locator("#filter-kinds-place").isChecked()).toBe(false);
    expect(await again.locator("#filter-kinds-actor").isChecked()).toBe(true);
    await screenshot(again, "explorer-restored-from-url");

    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.get("node"));
    expect(await page.locator("article.entity").count()).toBe(0);
    expect(await page.locator("#filter-kinds-place").isChecked()).toBe(false);
    await page.goBack();
    await page.waitForFunction(() => (document.getElementById("filter-kinds-place") as HTMLInputElement | null)?.checked === true);
    await again.close();
    await page.close();
  });

  it("shows a data label holding markup as text and runs none of it", async () => {
    const page = await open();
    await searchAndPick(page, "Xanadu", "https://w3id.org/caspian/data/test-Hostile");
    expect(await page.locator("article.entity .entity-label").textContent()).toBe(HOSTILE_LABEL);
    expect(await page.locator("article.entity .comment").textContent()).toContain("<script>");
    expect(await page.locator("#search-results, #panel-details").locator("img, script, b").count()).toBe(0);
    await page.fill("#search-input", "Xanadu");
    await page.locator('#search-results [role="option"]').first().waitFor();
    expect(await page.locator("#search-results .hit-label").first().textContent()).toBe(HOSTILE_LABEL);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await screenshot(page, "explorer-hostile-label");
    await page.close();
  });

  it("hides a node, brings a hidden neighbour back with expand, and resets everything", async () => {
    const page = await open("/?node=cd:TreatyOfTurkmenchay&hide=cd:Caucasus");
    await page.waitForSelector(`article.entity[data-iri="${TURKMENCHAY}"]`);
    // sigma applies reducers on its next frame, so wait for the drawn state rather than read it once.
    const waitHidden = (iri: string, hidden: boolean) =>
      page.waitForFunction(
        ([key, want]) =>
          Boolean((window as unknown as { caspian: { view: { sigma: { getNodeDisplayData(k: string): { hidden?: boolean } | undefined } } } }).caspian.view.sigma.getNodeDisplayData(key as string)?.hidden) === want,
        [iri, hidden] as const,
      );
    const caucasus = "https://w3id.org/caspian/data/Caucasus";
    await waitHidden(caucasus, true);
    const asked = page.waitForResponse((response) => response.url().includes("/api/v1/neighbours?") && response.status() === 200);
    await page.locator("article.entity button.expand").click();
    await asked;
    await page.waitForFunction(() => !new URL(location.href).searchParams.get("hide"));
    await waitHidden(caucasus, false);

    await page.locator("article.entity button.hide").click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get("hide") === "cd:TreatyOfTurkmenchay");
    await waitHidden(TURKMENCHAY, true);
    expect(await page.locator(".hidden-nodes").textContent()).toContain("1 hidden node");
    await screenshot(page, "explorer-hidden-node");

    await page.locator("#reset").click();
    await page.waitForFunction(() => !/[?&](hide|node)=/.test(location.search));
    await waitHidden(TURKMENCHAY, false);
    await page.close();
  });

  it("switches to the dark theme and keeps it in the URL", async () => {
    const page = await open("/?theme=light");
    await page.locator("#theme-toggle").click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    expect(new URL(page.url()).searchParams.get("theme")).toBe("dark");
    await page.locator("#search-input").focus();
    await screenshot(page, "explorer-dark");
    await page.close();
  });

  it("marks a contested claim with a badge and the editorial note", async () => {
    const page = await open("/?node=cd:IvanTheGreat");
    const entity = page.locator('article.entity[data-iri="https://w3id.org/caspian/data/IvanTheGreat"]');
    await entity.waitFor();
    expect(await entity.locator("header .badge.contested").textContent()).toBe("Contested");
    expect(await entity.locator("header .contested-note").first().textContent()).toMatch(/Ivan/);
    await screenshot(page, "explorer-contested");
    await page.close();
  });

  it("shows the claim behind a selected edge, with its evidence", async () => {
    const graph = (await (await fetch(`${server.url}/api/v1/graph`)).json()) as GraphPayload;
    const edge = graph.edges.find((e) => e.attributes.via && e.attributes.kind !== "citation") ?? graph.edges.find((e) => e.attributes.via);
    expect(edge).toBeDefined();
    const page = await open(`/?edge=${encodeURIComponent(edge!.key)}`);
    await page.waitForSelector(`article.edge header[data-edge="${edge!.key}"]`);
    // The statements behind the edge (GET /api/v1/edge), each under the n-ary node it belongs to.
    await page.waitForSelector(`.edge-statements li.statement button[data-iri="${edge!.attributes.via}"]`);
    const ends = await page.locator("article.edge header button.link").allTextContents();
    const label = (iri: string) => graph.nodes.find((n) => n.key === iri)!.attributes.label;
    expect(ends).toEqual([label(edge!.source), label(edge!.target)]);
    expect(await page.locator(".edge-statements .evidence .quote").count()).toBeGreaterThan(0);
    await screenshot(page, "explorer-edge-details");
    await page.close();
  });

  it("lays the same data out the same way on every load", async () => {
    const positions = async () => {
      const page = await open();
      const xy = await page.evaluate(() => {
        const graph = (window as unknown as { caspian: { view: { currentGraph(): { forEachNode(f: (n: string, a: { x: number; y: number }) => void): void } } } }).caspian.view.currentGraph();
        const out: Record<string, [number, number]> = {};
        graph.forEachNode((node, a) => (out[node] = [a.x, a.y]));
        return out;
      });
      await page.close();
      return xy;
    };
    const first = await positions();
    expect(Object.keys(first).length).toBeGreaterThan(10);
    expect(await positions()).toEqual(first);
  });

  it("can be driven from the keyboard: tab to the search, arrow to a result, Enter to select", async () => {
    const page = await open();
    await page.locator("body").focus();
    await page.keyboard.press("Tab"); // the skip link
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("search-input");
    await page.keyboard.type("Turkmanchay");
    await page.locator('#search-results [role="option"]').first().waitFor();
    await page.keyboard.press("ArrowDown");
    expect(await page.locator("#search-input").getAttribute("aria-activedescendant")).toBe("search-hit-0");
    await page.keyboard.press("Enter");
    await page.waitForSelector("article.entity");
    expect(new URL(page.url()).searchParams.get("node")).toBeTruthy();
    // The details are reachable too: a real button, focusable and pressable.
    await page.locator("article.entity button.show-in-text").first().focus();
    await page.keyboard.press("Enter");
    await page.locator("dialog#source-dialog[open]").waitFor();
    await page.keyboard.press("Escape");
    await page.locator("dialog#source-dialog[open]").waitFor({ state: "detached" });
    await page.close();
  });
});
