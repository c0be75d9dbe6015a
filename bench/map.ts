/**
 * Map benchmark
 * =============
 * In headless Chromium against the real server, per run: milliseconds from navigation to the Map
 * view's first frame (base map and markers drawn) beside the network's first frame on the same
 * page load (the baseline: the map mounts once the graph is drawn, so the difference is the
 * map's own cost), and the JavaScript milliseconds per frame while dragging the map (the
 * transform repaint of mapView.ts) beside sigma's render per frame while dragging the network.
 * Medians of several runs. Not a test: it prints a table. `tsx bench/map.ts [runs]` runs it alone.
 */
import type { Page } from "playwright-core";
import { launchBrowser } from "../client/test/browser.ts";
import { startExplorer } from "../client/test/explorerServer.ts";
import { dragAround } from "./dragGesture.ts";

export interface MapBenchRow {
  runs: number;
  networkFirstFrameMs: number;
  mapFirstFrameMs: number;
  mapOverNetwork: number;
  mapPanFrames: number;
  mapPanJsMsPerFrame: number;
  mapPanJsMsP95: number;
  networkPanMsPerFrame: number;
  mapPanOverNetworkPan: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2 : 0;
};
const round = (n: number, d = 2) => Number(n.toFixed(d));

const drag = (page: Page, selector: string) => dragAround(page, selector, { dx: 120, dy: 80, atHeight: 1 / 3 });

async function once(page: Page, url: string): Promise<{ network: number; map: number; mapPan: number[]; networkPan: number[] }> {
  await page.goto(`${url}/?display=map&from=1800&to=1830`);
  await page.waitForFunction(() => window.caspianMap?.firstFrameAt !== undefined && window.caspian?.firstFrameAt !== undefined, null, { timeout: 120_000 });
  const { network, map, mounted, own } = await page.evaluate(() => ({ network: window.caspian.firstFrameAt!, map: window.caspianMap!.firstFrameAt!, mounted: window.caspianMap!.mountedAt!, own: window.caspianMap!.firstFrameMs! }));
  console.log(`map mounted at ${Math.round(mounted)} ms, own load+draw ${Math.round(own)} ms`);
  await page.evaluate(() => window.caspianMap!.view!.frameTimes.splice(0));
  await drag(page, "#map-view .map-svg");
  const mapPan = await page.evaluate(() => [...window.caspianMap!.view!.frameTimes]);

  // The baseline: sigma's render per frame while dragging the network, on the same page.
  await page.locator('.view-switch button[data-view="network"]').click();
  await page.waitForFunction(() => window.caspian?.state === "ready", null, { timeout: 300_000 });
  await page.evaluate(() => {
    const w = window as unknown as { caspian: { view: { sigma: { on(e: string, f: () => void): void } } }; __frames: number[] };
    w.__frames = [];
    let start = 0;
    w.caspian.view.sigma.on("beforeRender", () => (start = performance.now()));
    w.caspian.view.sigma.on("afterRender", () => w.__frames.push(performance.now() - start));
  });
  await drag(page, "#graph");
  const networkPan = await page.evaluate(() => (window as unknown as { __frames: number[] }).__frames);
  return { network, map, mapPan, networkPan };
}

export async function runMapBench(runs = 5): Promise<MapBenchRow[]> {
  const [server, browser] = await Promise.all([startExplorer(), launchBrowser({ width: 1400, height: 900 })]);
  const results: Awaited<ReturnType<typeof once>>[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage();
      results.push(await once(page, server.url));
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const network = median(results.map((r) => r.network));
  const map = median(results.map((r) => r.map));
  const pan = results.flatMap((r) => r.mapPan);
  const networkPan = median(results.flatMap((r) => r.networkPan));
  const sorted = [...pan].sort((a, b) => a - b);
  const row: MapBenchRow = {
    runs,
    networkFirstFrameMs: Math.round(network),
    mapFirstFrameMs: Math.round(map),
    mapOverNetwork: round(map / network),
    mapPanFrames: pan.length,
    mapPanJsMsPerFrame: round(median(pan), 3),
    mapPanJsMsP95: round(sorted[Math.floor(sorted.length * 0.95)] ?? 0, 3),
    networkPanMsPerFrame: round(networkPan, 3),
    mapPanOverNetworkPan: round(median(pan) / networkPan),
  };
  console.log("\nMap view (headless Chromium; medians)");
  console.table([row]);
  return [row];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runMapBench(Number(process.argv[2]) || undefined).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
