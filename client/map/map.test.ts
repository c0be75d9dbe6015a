/**
 * Map view in the browser
 * =======================
 * Debian's Chromium against the real server on the curated data (plus one hostile place): the
 * Map view draws the Natural Earth base map and the article's places, follows the year window
 * (1800–1830 has the treaties of Gulistan and Turkmenchay and the Caucasus ceded; 1550–1600 has
 * none of them), a marker opens the place's evidence, the URL restores the view, and a label
 * from the data stays text.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../../server/test/testServer.ts";
import { launchBrowser, type TestBrowser } from "../test/browser.ts";
import { startExplorer } from "../test/explorerServer.ts";
import { screenshot } from "../test/pageHelpers.ts";

const CD = "https://w3id.org/caspian/data/";
const HOSTILE = `<img src=x onerror="window.__mapPwned=1">Evil & "town"`;
const HOSTILE_TTL = `@prefix cas: <https://w3id.org/caspian/ontology#> . @prefix cd: <${CD}> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix geo: <http://www.w3.org/2003/01/geo/wgs84_pos#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
cd:HostileTown a cas:Place ; rdfs:label ${JSON.stringify(HOSTILE)} ; geo:lat 39.5 ; geo:long 58.0 ; dcterms:source cd:HostileRecord .
cd:HostileRecord rdfs:label "<b>record</b>" .
cd:HostileRaid a cas:Event ; rdfs:label "<script>window.__mapPwned=2</script>raid" ; cas:place cd:HostileTown ; cas:startYear 1810 ; cas:endYear 1810 .
`;

let server: TestServer;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startExplorer({ documents: { "hostile-place.ttl": HOSTILE_TTL } }), launchBrowser()]);
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openMap(search: string): Promise<void> {
  await page.goto(`${server.url}/${search}`);
  await page.waitForSelector('#map-view[data-state="drawn"]', { timeout: 90_000 });
}

const listed = () => page.locator('[data-testid="map-happenings"] li').allTextContents();

describe("the Map view", () => {
  it("draws the Natural Earth base map and at least 40 of the article's places", async () => {
    await openMap("?display=map");
    const land = await page.locator("#map-view path.map-land").getAttribute("d");
    expect(land?.length ?? 0).toBeGreaterThan(5_000);
    expect(await page.locator("#map-view path.map-borders").getAttribute("d")).toBeTruthy();
    const places = await page.locator("#map-view .map-marker").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-iri")));
    expect(places.filter((iri) => iri?.startsWith("https://w3id.org/caspian/data/") && !iri.includes("Hostile")).length).toBeGreaterThanOrEqual(40);
    // Places with no single point are listed beside the map, not dropped.
    expect(await page.locator('[data-testid="map-unplaced"] li').allTextContents()).toEqual(expect.arrayContaining(["Africa", "Europe", "Middle East"]));
    await screenshot(page, "map-all-years");
  });

  it("shows the treaties of Gulistan and Turkmenchay and the Caucasus ceded for 1800–1830", async () => {
    await openMap("?display=map&from=1800&to=1830");
    const items = await listed();
    expect(items.some((t) => t.includes("Treaty of Gulistan"))).toBe(true);
    expect(items.some((t) => t.includes("Treaty of Turkmenchay"))).toBe(true);
    const changes = page.locator(`#map-view .map-change[data-place-iri="${CD}Caucasus"][data-change="ceded"]`);
    expect(await changes.evaluateAll((nodes) => nodes.map((n) => [n.getAttribute("data-change"), n.textContent]))).toEqual([
      ["ceded", "1813 ceded"],
      ["ceded", "1828 ceded"],
    ]);
    expect(await page.locator(`#map-view .map-marker.active[data-iri="${CD}Caucasus"]`).count()).toBe(1);
    await screenshot(page, "map-1800-1830");
  });

  it("shows neither treaty nor the Caucasus change for 1550–1600", async () => {
    await openMap("?display=map&from=1550&to=1600");
    const items = await listed();
    expect(items.length).toBeGreaterThan(0);
    expect(items.some((t) => /Gulistan|Turkmenchay/.test(t))).toBe(false);
    expect(await page.locator(`#map-view .map-change[data-place-iri="${CD}Caucasus"][data-change="ceded"]`).count()).toBe(0);
    // What 1550–1600 has: the Shirley mission greeted at Haji Tarkhan.
    expect(await page.locator(`#map-view .map-marker.active[data-iri="${CD}HajiTarkhan"]`).count()).toBe(1);
  });

  it("opens a place's evidence from its marker, and a change's evidence from its ring", async () => {
    await openMap("?display=map&from=1800&to=1830");
    await page.locator(`#map-view .map-marker[data-iri="${CD}HajiTarkhan"]`).dispatchEvent("click");
    await page.waitForSelector("article.entity .evidence .quote");
    expect(await page.locator("article.entity h2, article.entity h3").first().textContent()).toContain("Haji Tarkhan");
    expect((await page.locator("article.entity .evidence .quote").allTextContents()).join(" ")).toContain("Haji Tarkhan");
    expect(new URL(page.url()).searchParams.get("node")).toBe("cd:HajiTarkhan");

    await page.locator(`#map-view .map-change[data-place-iri="${CD}Caucasus"][data-change="ceded"]`).first().dispatchEvent("click");
    await page.waitForFunction(() => document.querySelector("article.entity")?.textContent?.includes("Gulistan"));
    expect(await page.locator("article.entity .evidence .quote").count()).toBeGreaterThan(0);
  });

  it("shows the article's name with its other spelling and the gazetteer's record on hover", async () => {
    await openMap("?display=map");
    await page.locator(`#map-view .map-marker[data-iri="${CD}HajiTarkhan"] circle`).hover();
    const tip = await page.locator("#map-view .map-tooltip").textContent();
    expect(tip).toContain("Haji Tarkhan");
    expect(tip).toContain("Also written: Astrakhan");
    expect(tip).toContain("Gazetteer: Astrakhan, RU (GeoNames)");
  });

  it("restores the window, the camera and the selection from the URL, and writes a pan back into it", async () => {
    await openMap(`?display=map&from=1800&to=1830&map=46,41,2.5&node=cd:Caucasus`);
    const camera = await page.evaluate(() => window.caspianMap!.view!.getCamera());
    expect(camera).toEqual({ lon: 46, lat: 41, zoom: 2.5 });
    expect(await page.locator(`#map-view .map-marker.selected[data-iri="${CD}Caucasus"]`).count()).toBe(1);
    expect(await page.locator('[data-testid="map-happenings"] li').count()).toBeGreaterThan(0);

    const box = (await page.locator("#map-view .map-svg").boundingBox())!;
    // Top left: open map, clear of the legend, the zoom buttons and the view switch.
    await page.mouse.move(box.x + 30, box.y + 90);
    await page.mouse.down();
    await page.mouse.move(box.x + 130, box.y + 90, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(() => !new URL(location.href).searchParams.get("map")?.startsWith("46,41,"));
    const written = new URL(page.url()).searchParams.get("map")!.split(",").map(Number);
    expect(written[0]).toBeLessThan(46);
    expect(written[2]).toBe(2.5);

    await page.reload();
    await page.waitForSelector('#map-view[data-state="drawn"]');
    const restored = await page.evaluate(() => window.caspianMap!.view!.getCamera());
    expect(restored.lon).toBeCloseTo(written[0]!, 2);
    expect(restored.lat).toBeCloseTo(written[1]!, 2);
  });

  it("switches back to the network and keeps the map's state in the URL only while shown", async () => {
    await openMap("?display=map");
    await page.locator('.view-switch button[data-view="network"]').click();
    expect(await page.locator("#map-view").isHidden()).toBe(true);
    expect(new URL(page.url()).searchParams.get("display")).toBeNull();
    await page.locator('[data-testid="view-map"]').click();
    expect(await page.locator("#map-view").isVisible()).toBe(true);
  });

  it("keeps a hostile place label and event label as text", async () => {
    await openMap("?display=map&from=1800&to=1830");
    const marker = page.locator(`#map-view .map-marker[data-iri="${CD}HostileTown"]`);
    expect(await marker.locator("text").textContent()).toBe(HOSTILE);
    await marker.locator("circle").hover();
    expect(await page.locator("#map-view .map-tooltip .map-tip-title").textContent()).toBe(HOSTILE);
    expect((await listed()).some((t) => t.includes("<script>window.__mapPwned=2</script>raid"))).toBe(true);
    expect(await page.locator("#map-view img, #map-view script, #map-view b").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __mapPwned?: number }).__mapPwned)).toBeUndefined();
  });
});
