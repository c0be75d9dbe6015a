/**
 * The timeline, paths and lens panels in a real browser
 * =====================================================
 * Debian's Chromium drives the built explorer against the real server over the curated data.
 * What the graph draws is read from sigma itself (window.caspian.view, the page's test probe):
 * a node outside the chosen years is `hidden` in sigma's display data, a highlighted path or
 * lens is the view's focus. Each test leaves a screenshot in screenshots/.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../server/test/testServer.ts";
import { launchBrowser, type TestBrowser } from "./test/browser.ts";
import { startExplorer } from "./test/explorerServer.ts";
import { screenshot, waitForExplorer, fullGraphPath } from "./test/pageHelpers.ts";

const CD = "https://w3id.org/caspian/data/";
const ARTICLE = readFileSync(new URL("../data/source/karami-iran-russia.txt", import.meta.url), "utf8").replace(/\s+/g, " ");

// Labels that would run script if a panel parsed them as HTML: a period (timeline) and a third
// party of Iran and Russia (lens).
const HOSTILE_TTL = `
@prefix cas: <https://w3id.org/caspian/ontology#> .
@prefix cd: <https://w3id.org/caspian/data/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
cd:test-HostilePeriod a cas:DynasticPeriod ;
  rdfs:label "Zzyzx <img src=x onerror=\\"window.__pwned=1\\"> era" ;
  cas:periodOf cd:Iran ; cas:startYear 1900 ; cas:endYear 1901 .
cd:test-HostileActor a cas:State ;
  rdfs:label "Qqq <img src=x onerror=\\"window.__pwned=2\\"> Qqq" .
cd:test-HostileRole a cas:ThirdPartyRole ;
  cas:thirdParty cd:test-HostileActor ; cas:dyadMember cd:Iran , cd:Russia ;
  cas:thirdPartyRoleType cas:Mediator ; cas:startYear 1900 ; cas:endYear 1901 .
`;
const HOSTILE_PERIOD = 'Zzyzx <img src=x onerror="window.__pwned=1"> era';
const HOSTILE_ACTOR = 'Qqq <img src=x onerror="window.__pwned=2"> Qqq';

let server: TestServer;
let browser: TestBrowser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startExplorer({ documents: { "hostile-panels.ttl": HOSTILE_TTL } }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path = "/"): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(server.url + fullGraphPath(path) /* these tests read treaties, periods, events: the full graph */);
  await waitForExplorer(page);
  return { page, errors };
}

/** Whether sigma currently draws a node (false when a filter or the year range hides it). */
function drawn(page: Page, iri: string): Promise<boolean> {
  return page.evaluate((key) => {
    const data = window.caspian.view?.sigma.getNodeDisplayData(key);
    return !!data && !data.hidden;
  }, iri);
}

async function waitDrawn(page: Page, iri: string, expected: boolean): Promise<void> {
  await page.waitForFunction(
    ([key, want]) => {
      const data = window.caspian.view?.sigma.getNodeDisplayData(key as string);
      // A node outside the window is not in the graph at all (the server's time rule left it out).
      return (!!data && !data.hidden) === want;
    },
    [iri, expected] as const,
  );
}

/** The graph view's current highlight (paths, lens), as plain arrays. */
function highlight(page: Page): Promise<{ nodes: string[]; edges: string[]; colors: Record<string, string> }> {
  return page.evaluate(() => {
    const focus = window.caspian.view!.getFocus();
    return { nodes: [...(focus.highlightNodes ?? [])], edges: [...(focus.highlightEdges ?? [])], colors: { ...(focus.colorByNode ?? {}) } };
  });
}

const normalise = (text: string) => text.replace(/^“|”$/g, "").replace(/\s+/g, " ").trim();

describe("the timeline", () => {
  it("restricted to the Safavid period hides Soviet-era nodes and keeps the Safavid ones", async () => {
    const { page, errors } = await open();
    const select = page.getByTestId("timeline-period");
    const safavid = select.locator("option", { hasText: /^Safavid/ });
    await safavid.waitFor({ state: "attached" });
    expect(await drawn(page, `${CD}SovietEra`)).toBe(true);
    expect(await drawn(page, `${CD}IslamicRevolution`)).toBe(true);

    await select.selectOption((await safavid.getAttribute("value"))!);

    await waitDrawn(page, `${CD}SovietEra`, false);
    expect(await drawn(page, `${CD}IslamicRevolution`)).toBe(false);
    expect(await drawn(page, `${CD}SafavidPeriod`)).toBe(true);
    const url = new URL(page.url());
    expect([url.searchParams.get("from"), url.searchParams.get("to")]).toEqual(["1501", "1722"]);
    expect(await page.locator("#timeline .tl-range-text").textContent()).toBe("1501–1722");
    // The relationship-state chart has the Safavid-era state, drawn as cooperation at a distance.
    expect(await page.locator("#timeline .tl-state").count()).toBeGreaterThan(0);
    await screenshot(page, "panels-timeline-safavid");

    await page.getByTestId("timeline-all").click();
    await waitDrawn(page, `${CD}SovietEra`, true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("labels every period band and event tick with its name as text", async () => {
    const { page, errors } = await open();
    await page.locator("#timeline .tl-band").first().waitFor();
    const safavid = page.locator(`#timeline .tl-band[data-iri="${CD}SafavidPeriod"]`);
    expect(await safavid.locator("title").textContent()).toBe("Safavid period (1501–1722)");
    expect(await safavid.getAttribute("tabindex")).toBe("0");
    await safavid.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("to") === "1722");
    const titles = await page.locator("#timeline .tl-event title").allTextContents();
    expect(titles.length).toBeGreaterThan(10);
    expect(titles.some((t) => t.includes("Turkmenchay"))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("is driven from the keyboard: play sweeps the years and stops, a slider steps, a relationship state opens", async () => {
    const { page, errors } = await open();
    const play = page.getByTestId("timeline-play");
    await page.locator("#timeline .tl-state").first().waitFor();
    await play.focus();
    await page.keyboard.press("Enter");
    expect(await play.getAttribute("aria-pressed")).toBe("true");
    await page.waitForFunction(() => Number(new URL(location.href).searchParams.get("from")) > 1500);
    await page.keyboard.press("Enter");
    expect(await play.getAttribute("aria-pressed")).toBe("false");

    await page.getByTestId("timeline-all").click();
    await page.waitForFunction(() => !new URL(location.href).searchParams.get("from"));
    await page.getByTestId("timeline-from").focus();
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction(() => Number(new URL(location.href).searchParams.get("from")) > -500);
    // A screen reader hears the year as historians write it: "483 BC", not "-483".
    const from = Number(new URL(page.url()).searchParams.get("from"));
    expect(await page.getByTestId("timeline-from").getAttribute("aria-valuetext")).toBe(from < 0 ? `${-from} BC` : String(from));

    const state = page.locator("#timeline .tl-state").first();
    const iri = (await state.getAttribute("data-iri"))!;
    await state.focus();
    await page.keyboard.press("Enter");
    await page.waitForSelector(`article.entity[data-iri="${iri}"]`);
    expect(await page.locator(`#timeline .tl-state.tl-selected[data-iri="${iri}"]`).count()).toBe(1);
    await screenshot(page, "panels-timeline-state-selected");
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("the paths panel", () => {
  it("shows the path between Iran and Britain as sentences with the article's quotes, and highlights it", async () => {
    const { page, errors } = await open();
    await page.locator("#tab-paths").click();
    await page.getByTestId("paths-from").fill("Iran");
    await page.getByTestId("paths-to").fill("Britain");
    await page.getByTestId("paths-find").click();
    const sentence = page.locator("#panel-paths .cas-path-sentence").first();
    await sentence.waitFor();
    expect(await sentence.textContent()).toMatch(/Iran.*Britain|Britain.*Iran/);
    const quotes = await page.locator("#panel-paths .cas-evidence q").allTextContents();
    expect(quotes.length).toBeGreaterThan(0);
    for (const quote of quotes) expect(ARTICLE).toContain(normalise(quote));

    const lit = await highlight(page);
    expect(lit.nodes).toEqual(expect.arrayContaining([`${CD}Iran`, `${CD}Britain`]));
    expect(lit.edges.length).toBeGreaterThan(0);
    const url = new URL(page.url());
    expect([url.searchParams.get("pathFrom"), url.searchParams.get("pathTo")]).toEqual(["cd:Iran", "cd:Britain"]);
    await screenshot(page, "panels-paths-iran-britain");

    // The same URL replays the path on a fresh page.
    const again = await open(url.pathname + url.search);
    await again.page.locator("#panel-paths .cas-path-sentence").first().waitFor({ state: "attached" });
    await again.page.waitForFunction(() => (window.caspian.view?.getFocus().highlightEdges?.size ?? 0) > 0);
    expect(await again.page.getByTestId("paths-to").inputValue()).toBe("Britain");
    expect([...errors, ...again.errors]).toEqual([]);
    await again.page.close();
    await page.close();
  });
});

describe("the third-party lens", () => {
  it("lists the Ottomans as the common threat of Iran and Russia, in words and colour, and switches off", async () => {
    const { page, errors } = await open();
    await page.locator("#tab-lens").click();
    await page.getByTestId("lens-show").click();
    const ottomans = page.locator(`#panel-lens tr[data-iri="${CD}OttomanEmpire"]`);
    await ottomans.first().waitFor();
    expect(await ottomans.first().getAttribute("data-role")).toBe("threat");
    expect(await ottomans.first().locator(".cas-role").textContent()).toMatch(/common threat/i);
    const quotes = (await ottomans.locator(".cas-evidence q").allTextContents()).map(normalise);
    expect(quotes.some((q) => q.includes("In a state of threat: The Ottoman government"))).toBe(true);
    for (const quote of quotes) expect(ARTICLE).toContain(quote);
    const item = ottomans.locator(".cas-evidence li", { hasText: "In a state of threat" }).first();
    await item.locator(".cas-context-toggle").click();
    const mark = item.locator(".cas-context mark");
    await mark.waitFor();
    expect(normalise((await mark.textContent())!)).toContain("In a state of threat: The Ottoman government");
    expect(await item.locator(".cas-context-toggle").getAttribute("aria-expanded")).toBe("true");

    const lit = await highlight(page);
    expect(lit.nodes).toEqual(expect.arrayContaining([`${CD}Iran`, `${CD}Russia`, `${CD}OttomanEmpire`, `${CD}Britain`]));
    expect(lit.colors[`${CD}OttomanEmpire`]).toBe("#D55E00");
    expect(lit.colors[`${CD}OttomanEmpire`]).not.toBe(lit.colors[`${CD}Britain`]);
    expect(new URL(page.url()).searchParams.get("lensA")).toBe("cd:Iran");
    await screenshot(page, "panels-lens-iran-russia");

    await page.getByTestId("lens-toggle").click();
    await page.waitForFunction(() => !window.caspian.view?.getFocus().highlightNodes);
    expect(await page.locator("#panel-lens tbody tr").count()).toBe(0);
    expect(new URL(page.url()).searchParams.get("lensA")).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("the paths panel and the lens together", () => {
  it("give the graph's highlight back to the path when the lens is switched off", async () => {
    const { page, errors } = await open("/?tab=lens&pathFrom=cd:Iran&pathTo=cd:Britain");
    await page.locator("#panel-paths .cas-path-sentence").first().waitFor({ state: "attached" });
    await page.waitForFunction(() => (window.caspian.view?.getFocus().highlightEdges?.size ?? 0) > 0);
    await page.getByTestId("lens-show").click();
    await page.waitForFunction((ottomans) => !!window.caspian.view?.getFocus().highlightNodes?.has(ottomans), `${CD}OttomanEmpire`);
    await page.getByTestId("lens-toggle").click();
    await page.waitForFunction((ottomans) => {
      const focus = window.caspian.view?.getFocus();
      return !!focus?.highlightNodes && !focus.highlightNodes.has(ottomans) && (focus.highlightEdges?.size ?? 0) > 0;
    }, `${CD}OttomanEmpire`);
    const lit = await highlight(page);
    expect(lit.nodes).toEqual(expect.arrayContaining([`${CD}Iran`, `${CD}Britain`]));
    expect(lit.nodes).not.toContain(`${CD}Russia`);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("labels from the data", () => {
  it("are shown as text in the timeline, the period picker and the lens, and none of their markup runs", async () => {
    const { page, errors } = await open("/?tab=lens&lensA=cd:Iran&lensB=cd:Russia");
    const band = page.locator(`#timeline .tl-band[data-iri="${CD}test-HostilePeriod"]`);
    await band.waitFor({ state: "attached" });
    expect(await band.locator("title").textContent()).toBe(`${HOSTILE_PERIOD} (1900–1901)`);
    const options = await page.getByTestId("timeline-period").locator("option").allTextContents();
    expect(options).toContain(`${HOSTILE_PERIOD} (1900–1901)`);
    const row = page.locator(`#panel-lens tr[data-iri="${CD}test-HostileActor"]`);
    await row.waitFor();
    expect(await row.locator("th").textContent()).toBe(HOSTILE_ACTOR);
    expect(await row.getAttribute("data-role")).toBe("mediator");
    expect(await page.locator("#timeline, #panel-lens, #panel-paths").locator("img, script").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await screenshot(page, "panels-hostile-labels");
    expect(errors).toEqual([]);
    await page.close();
  });
});
