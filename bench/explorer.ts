/**
 * Explorer benchmark
 * ==================
 * In headless Chromium against the real server: time from navigation to sigma's first drawn
 * frame, to a finished layout, FA2 iterations per second in the worker, and main-thread
 * milliseconds per frame while dragging the view — for the curated graph and for generated
 * graphs of 1k, 10k and 50k nodes (fed to the page by route interception). Not a test: it
 * prints a table. `tsx bench/explorer.ts` runs it alone; bench/run.ts calls runExplorerBench().
 */
import type { Page } from "playwright-core";
import { launchBrowser } from "../client/test/browser.ts";
import { startExplorer } from "../client/test/explorerServer.ts";
import { dragAround } from "./dragGesture.ts";
import { generateGraph } from "./generatedGraph.ts";

export interface ExplorerBenchRow {
  graph: string;
  nodes: number;
  edges: number;
  firstFrameMs: number;
  layoutDoneMs: number;
  layoutIterations: number;
  iterationsPerSecond: number;
  panFrames: number;
  panMsPerFrameMean: number;
  panMsPerFrameP95: number;
}

interface Probe {
  state: string;
  firstFrameAt?: number;
  layout?: { nodes: number; edges: number; iterations: number; iterationsPerSecond: number };
}

async function measure(page: Page, url: string, name: string): Promise<ExplorerBenchRow> {
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { caspian?: Probe }).caspian?.firstFrameAt !== undefined, null, { timeout: 120_000 });
  await page.waitForFunction(() => (window as unknown as { caspian?: Probe }).caspian?.state === "ready", null, { timeout: 300_000 });
  const layoutDoneMs = await page.evaluate(() => performance.now());
  const probe = await page.evaluate(() => {
    const { firstFrameAt, layout } = (window as unknown as { caspian: Probe }).caspian;
    return { firstFrameAt, layout };
  });

  // Time sigma's render (beforeRender → afterRender) on every frame of a mouse drag.
  await page.evaluate(() => {
    const w = window as unknown as { caspian: { view: { sigma: { on(e: string, f: () => void): void } } }; __frames: number[] };
    w.__frames = [];
    let start = 0;
    w.caspian.view.sigma.on("beforeRender", () => (start = performance.now()));
    w.caspian.view.sigma.on("afterRender", () => w.__frames.push(performance.now() - start));
  });
  await dragAround(page, "#graph", { dx: 150, dy: 100, atHeight: 1 / 2 });
  const frames = await page.evaluate(() => (window as unknown as { __frames: number[] }).__frames);
  const sorted = [...frames].sort((a, b) => a - b);
  const mean = frames.length ? frames.reduce((a, b) => a + b, 0) / frames.length : 0;
  return {
    graph: name,
    nodes: probe.layout?.nodes ?? 0,
    edges: probe.layout?.edges ?? 0,
    firstFrameMs: Math.round(probe.firstFrameAt ?? 0),
    layoutDoneMs: Math.round(layoutDoneMs),
    layoutIterations: probe.layout?.iterations ?? 0,
    iterationsPerSecond: Number((probe.layout?.iterationsPerSecond ?? 0).toFixed(1)),
    panFrames: frames.length,
    panMsPerFrameMean: Number(mean.toFixed(2)),
    panMsPerFrameP95: Number((sorted[Math.floor(sorted.length * 0.95)] ?? 0).toFixed(2)),
  };
}

export async function runExplorerBench(sizes: number[] = [1000, 10_000, 50_000]): Promise<ExplorerBenchRow[]> {
  const [server, browser] = await Promise.all([startExplorer(), launchBrowser({ width: 1400, height: 900 })]);
  const rows: ExplorerBenchRow[] = [];
  try {
    const page = await browser.newPage();
    // The default view is the actors' network; the full graph (events, places, sources) beside it.
    rows.push(await measure(page, server.url + "/", "curated actors (default)"));
    rows.push(await measure(page, server.url + "/?view=full", "curated full graph"));
    await page.close();
    for (const size of sizes) {
      const body = JSON.stringify(generateGraph(size));
      const generated = await browser.newPage();
      // Only the graph is swapped; the page, its worker and every other route are the real ones.
      await generated.route("**/api/v1/graph*", (route) => route.fulfill({ status: 200, contentType: "application/json", body }));
      rows.push(await measure(generated, server.url + "/", `generated ${size / 1000}k`));
      await generated.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log("\nExplorer (headless Chromium, software WebGL)");
  console.table(rows);
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  runExplorerBench(sizes.length ? sizes : undefined).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
