/**
 * The timeline of a large store
 * =============================
 * Debian's Chromium against the real server on the curated data plus a generated history with
 * more dated events than a timeline carries: the overview draws the most connected and says how
 * many it left out; a narrower range of years fetches and draws that range's own events.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Timeline } from "../contract/api.ts";
import { generateTriples } from "../scripts/generateGraph.ts";
import { DEFAULT_MAX_EVENTS } from "../server/graph/timeline.ts";
import type { TestServer } from "../server/test/testServer.ts";
import { launchBrowser, type TestBrowser } from "./test/browser.ts";
import { startExplorer } from "./test/explorerServer.ts";
import { openExplorerPage } from "./test/pageHelpers.ts";

let server: TestServer;
let browser: TestBrowser;

beforeAll(async () => {
  // About 3,800 generated events and treaties: more than the timeline's 2,000.
  const generated = [...generateTriples({ triples: 30_000 })].join("");
  [server, browser] = await Promise.all([startExplorer({ documents: { "generated.ttl": generated } }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const timelineOf = async (query = "") => (await (await fetch(`${server.url}/api/v1/timeline${query}`)).json()) as Timeline;
const drawnEvents = (page: import("playwright-core").Page) => page.locator(".cas-timeline .tl-event").count();

describe("the timeline of a store with more events than it carries", () => {
  it("draws the most connected, says how many it left out, and a narrower range draws that range's own events", async () => {
    const overview = await timelineOf();
    expect(overview.eventCount).toBeGreaterThan(DEFAULT_MAX_EVENTS);
    const { page, errors } = await openExplorerPage(browser, `${server.url}/?tab=lens`);
    const note = page.getByTestId("timeline-note");
    await note.waitFor({ state: "visible" });
    expect(await note.textContent()).toBe(overview.eventsOmitted);
    expect(await drawnEvents(page)).toBe(DEFAULT_MAX_EVENTS);

    // A generated period's years: fewer events than the cap, so all of them are drawn.
    const narrow = await timelineOf("?from=1600&to=1610");
    expect(narrow.eventCount).toBeLessThan(DEFAULT_MAX_EVENTS);
    expect(narrow.eventCount).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();

    const windowed = await openExplorerPage(browser, `${server.url}/?tab=lens&from=1600&to=1610`);
    await windowed.page.waitForFunction((n) => document.querySelectorAll(".cas-timeline .tl-event").length === n, narrow.eventCount);
    const drawn = await windowed.page.locator(".cas-timeline .tl-event").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-iri")));
    expect(new Set(drawn)).toEqual(new Set(narrow.events.map((e) => e.iri)));
    expect(await windowed.page.getByTestId("timeline-note").isHidden()).toBe(true);
    expect(windowed.errors).toEqual([]);
    await windowed.page.close();
  });
});
