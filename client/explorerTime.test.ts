/**
 * The explorer true to time, and readable at a glance
 * ====================================================
 * Debian's Chromium against the real server on the curated data (one browser, one server for the
 * file): the default view is the actors' network with its protagonists labelled; a period narrows
 * the graph and the third-party lens to it; parallel and reciprocal edges are drawn apart; a
 * time-ordered path never goes back in time; an edge lists its statements with their evidence;
 * the header's SPARQL button opens the workbench.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphPayload } from "../contract/api.ts";
import type { TestServer } from "../server/test/testServer.ts";
import { launchBrowser, type TestBrowser } from "./test/browser.ts";
import { startExplorer } from "./test/explorerServer.ts";
import { openExplorerPage, screenshot, waitForExplorer } from "./test/pageHelpers.ts";

const CD = "https://w3id.org/caspian/data/";
let server: TestServer;
let browser: TestBrowser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startExplorer(), launchBrowser({ width: 1600, height: 1000 })]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const open = (path = "/") => openExplorerPage(browser, server.url + path);

/** The labels sigma drew in its last frame, by node key. */
function renderedLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => [...window.caspian.view!.sigma.getNodeDisplayedLabels()]);
}

async function actorsGraph(query = ""): Promise<GraphPayload> {
  const response = await fetch(`${server.url}/api/v1/graph?view=actors${query}`);
  return (await response.json()) as GraphPayload;
}

describe("the first screen", () => {
  it("draws the actors' network and labels Britain, the Ottoman Empire and the United States in its first frame", async () => {
    const { page, errors } = await open();
    expect(await page.getAttribute("#view-actors", "aria-pressed")).toBe("true");
    const kinds = await page.evaluate(() => {
      const g = window.caspian.view!.currentGraph();
      return [...new Set(g.mapNodes((_n, a) => a.kind))];
    });
    expect(kinds).toEqual(["actor"]);
    // The labels are picked after the frame that places the nodes: wait for that pick, then read.
    await page.waitForFunction(() => (window.caspian.view!.getFocus().labelled?.size ?? 0) > 0);
    await page.waitForTimeout(200); // one more frame for sigma to draw the pick (not a timed assertion)
    const labels = await renderedLabels(page);
    for (const name of ["Britain", "OttomanEmpire", "UnitedStates", "Iran", "Russia", "SovietUnion"]) expect(labels).toContain(`${CD}${name}`);
    await screenshot(page, "explorer-actors-default");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("brings the full graph one click away, with its events back", async () => {
    const { page, errors } = await open();
    await page.click("#view-full");
    await page.waitForFunction(() => window.caspian.view!.currentGraph().someNode((_n, a) => a.kind === "event"));
    await waitForExplorer(page);
    expect(new URL(page.url()).searchParams.get("view")).toBe("full");
    expect(await page.getAttribute("#view-full", "aria-pressed")).toBe("true");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("draws a reciprocal pair as two edges bent to either side, not one line over the other", async () => {
    const payload = await actorsGraph();
    const keys = new Set(payload.edges.map((e) => `${e.source} ${e.target}`));
    const pair = payload.edges.find((e) => keys.has(`${e.target} ${e.source}`));
    expect(pair, "the actors' network has a reciprocal pair").toBeDefined();
    const back = payload.edges.find((e) => e.source === pair!.target && e.target === pair!.source)!;
    const { page, errors } = await open();
    const drawn = await page.evaluate(
      ([a, b]) => {
        const sigma = window.caspian.view!.sigma;
        const graph = window.caspian.view!.currentGraph();
        return [a, b].map((key) => {
          const d = sigma.getEdgeDisplayData(key!)!;
          const [s, t] = graph.extremities(key!);
          const ps = sigma.getNodeDisplayData(s)!;
          const pt = sigma.getNodeDisplayData(t)!;
          // The curve's control point side: the sign of the bend, seen always from the lower key.
          const flip = s < t ? 1 : -1;
          return { hidden: d.hidden, type: d.type, bend: flip * Math.sign((d as { curvature?: number }).curvature ?? 0), len: Math.hypot(ps.x - pt.x, ps.y - pt.y) };
        });
      },
      [pair!.key, back.key],
    );
    for (const edge of drawn) {
      expect(edge.hidden).toBe(false);
      expect(edge.type).toMatch(/^curved/);
    }
    // Bent the same way along their own direction, they bend to opposite sides of the pair.
    expect(drawn[0]!.bend).toBe(-drawn[1]!.bend);
    expect(drawn[0]!.bend).not.toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("a period", () => {
  it("narrows the lens and the graph to the Qajar period: Britain in, the Taliban out, nothing only after 1921", async () => {
    const all = await actorsGraph();
    const lateOnly = ["Taliban", "Gorbachev", "NorthernAlliance"].map((n) => `${CD}${n}`).filter((k) => all.nodes.some((n) => n.key === k));
    expect(lateOnly.length, "the unwindowed network has late-only actors to leave out").toBeGreaterThan(0);
    const { page, errors } = await open("/?tab=lens&lensA=cd:Iran&lensB=cd:Russia");
    const select = page.getByTestId("timeline-period");
    const qajar = select.locator("option", { hasText: /^Qajar period/ });
    await qajar.waitFor({ state: "attached" });
    await select.selectOption((await qajar.getAttribute("value"))!);
    await page.waitForFunction(() => new URL(location.href).searchParams.get("to") === "1921");
    await waitForExplorer(page);
    await page.locator('[data-testid="lens-table"] tr[data-iri]').first().waitFor();
    await page.waitForFunction(() => /in 1795–1921/.test(document.querySelector(".cas-lens .cas-status")?.textContent ?? ""));
    const parties = await page.locator('[data-testid="lens-table"] tr[data-iri]').evaluateAll((rows) => rows.map((r) => r.getAttribute("data-iri")));
    expect(parties).toContain(`${CD}Britain`);
    expect(parties).not.toContain(`${CD}Taliban`);
    const nodes = await page.evaluate(() => window.caspian.view!.currentGraph().mapNodes((n, a) => ({ key: n, start: a.startYear })));
    for (const key of lateOnly) expect(nodes.map((n) => n.key)).not.toContain(key);
    // No drawn node begins after the window's end.
    expect(nodes.filter((n) => n.start !== undefined && n.start > 1921)).toEqual([]);
    expect(await page.textContent("#graph-status")).toMatch(/years 1795–1921 · \d+ undated left out/);
    await screenshot(page, "explorer-lens-qajar");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("lists the lens a row per period when no window is set", async () => {
    const { page, errors } = await open("/?tab=lens&lensA=cd:Iran&lensB=cd:Russia");
    await page.locator('[data-testid="lens-table"] tr.cas-lens-period').first().waitFor();
    const periods = await page.locator('[data-testid="lens-table"] tr.cas-lens-period').allTextContents();
    expect(periods.length).toBeGreaterThan(2);
    expect(periods.some((p) => p.startsWith("Qajar period"))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("paths in time order", () => {
  it("never go back in time, and every step shows its years", async () => {
    const { page, errors } = await open("/?tab=paths&pathFrom=cd:Russia&pathTo=cd:Britain&pathOrder=time");
    await page.locator('[data-testid="paths-results"] .cas-path-steps').first().waitFor();
    expect(await page.isChecked("#paths-in-time")).toBe(true);
    const paths = await page.locator('[data-testid="paths-results"] .cas-path-steps').evaluateAll((lists) =>
      lists.map((list) => [...list.querySelectorAll(".cas-path-years")].map((y) => ({ start: (y as HTMLElement).dataset.start, text: y.textContent }))),
    );
    expect(paths.length).toBeGreaterThan(0);
    for (const steps of paths) {
      const starts = steps.map((s) => s.start).filter((s) => s !== "" && s !== undefined).map(Number);
      for (let i = 1; i < starts.length; i++) expect(starts[i]).toBeGreaterThanOrEqual(starts[i - 1]!);
      for (const step of steps) expect(step.text).toMatch(/^(\d{1,4}( BC)?(–\d{1,4})?|undated)$/);
    }
    await page.locator('[data-testid="paths-results"]').scrollIntoViewIfNeeded();
    await screenshot(page, "explorer-paths-in-time");
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("an edge of the actors' network", () => {
  it("lists the statements behind it, each with its quotes and whose reading it is", async () => {
    const payload = await actorsGraph();
    const edge = [...payload.edges].sort((a, b) => ((b.attributes as { weight?: number }).weight ?? 0) - ((a.attributes as { weight?: number }).weight ?? 0))[0]!;
    const { page, errors } = await open(`/?edge=${encodeURIComponent(edge.key)}`);
    await page.locator(".edge-statements li.statement").first().waitFor();
    expect(await page.locator(".edge-statements li.statement").count()).toBeGreaterThan(0);
    expect(await page.locator(".edge-statements blockquote.quote").count()).toBeGreaterThan(0);
    expect(await page.locator(".edge-statements .attribution").first().textContent()).toMatch(/Stated by|Editorial reading/);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("the header's SPARQL button", () => {
  it("opens the workbench instead of downloading the service description", async () => {
    const { page, errors } = await open();
    let downloaded = false;
    page.on("download", () => (downloaded = true));
    await page.click("#open-sparql");
    await page.waitForSelector("#panel-query:not([hidden]) .cm-editor", { timeout: 30_000 });
    expect(new URL(page.url()).searchParams.get("tab")).toBe("query");
    expect(downloaded).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });
});
