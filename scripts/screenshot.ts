/**
 * README screenshot
 * =================
 * Builds the client, starts the real server over the curated data, opens the explorer with the
 * Treaty of Turkmenchay selected in headless Chromium and saves docs/explorer.png.
 * Run: `npx tsx scripts/screenshot.ts [url-path]`.
 */
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { launchBrowser } from "../client/test/browser.ts";
import { startExplorer } from "../client/test/explorerServer.ts";
import { waitForExplorer } from "../client/test/pageHelpers.ts";

const OUT = fileURLToPath(new URL("../docs/explorer.png", import.meta.url));

async function main(path = "/?node=cd:TreatyOfTurkmenchay&cam=0.5,0.5,1&theme=light"): Promise<void> {
  const [server, browser] = await Promise.all([startExplorer(), launchBrowser({ width: 1440, height: 900 })]);
  try {
    const page = await browser.newPage();
    await page.goto(server.url + path);
    await waitForExplorer(page);
    await page.waitForSelector("article.entity");
    // Let the camera animation and the panels' own loading settle before the picture.
    await page.waitForTimeout(1000);
    await mkdir(fileURLToPath(new URL("../docs/", import.meta.url)), { recursive: true });
    await page.screenshot({ path: OUT });
    console.log(`saved ${OUT}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main(process.argv[2]).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
