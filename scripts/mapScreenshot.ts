/**
 * Map screenshot
 * ==============
 * Builds the client, starts the real server over the curated data, opens the Map view for
 * 1800–1830 in headless Chromium and saves docs/map-1800-1830.png (the README's picture).
 * Run: `npx tsx scripts/mapScreenshot.ts [url-path] [out.png]`.
 */
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { launchBrowser } from "../client/test/browser.ts";
import { startExplorer } from "../client/test/explorerServer.ts";

const OUT = fileURLToPath(new URL("../docs/map-1800-1830.png", import.meta.url));

async function main(path = "/?display=map&from=1800&to=1830&map=46,40.5,2.2&theme=light", out = OUT): Promise<void> {
  const [server, browser] = await Promise.all([startExplorer(), launchBrowser({ width: 1440, height: 900 })]);
  try {
    const page = await browser.newPage();
    await page.goto(server.url + path);
    await page.waitForSelector('#map-view[data-state="drawn"]', { timeout: 90_000 });
    // Let the timeline and the panels settle before the picture.
    await page.waitForTimeout(1000);
    await mkdir(dirname(out), { recursive: true });
    await page.screenshot({ path: out });
    console.log(`saved ${out}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main(process.argv[2], process.argv[3]);
