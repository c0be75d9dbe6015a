/**
 * Page helpers for browser tests
 * ==============================
 * Waiting for the explorer to be ready, saving screenshots, and telling a drawn canvas from a
 * blank one by decoding the screenshot in the browser itself (no image library needed).
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { SCREENSHOT_DIR } from "./explorerServer.ts";

/** Waits until the graph is loaded, laid out and drawn. */
export async function waitForExplorer(page: Page): Promise<void> {
  await page.waitForSelector('#graph[data-state="ready"]', { timeout: 90_000 });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** How many distinct colours (quantised) a PNG holds; 1 means a uniform, empty picture. */
export async function distinctColours(page: Page, png: Buffer): Promise<number> {
  const dataUrl = `data:image/png;base64,${png.toString("base64")}`;
  return page.evaluate(async (url) => {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext("2d")!;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4) colours.add(((data[i]! >> 4) << 8) | ((data[i + 1]! >> 4) << 4) | (data[i + 2]! >> 4));
    return colours.size;
  }, dataUrl);
}

/** A page path asking for the full graph (events, treaties, places) unless it names a view. */
export function fullGraphPath(path: string): string {
  return path.includes("view=") ? path : `${path}${path.includes("?") ? "&" : "?"}view=full`;
}

/** A new page at `url`, waited on until the explorer is ready, with the page errors it logs. */
export async function openExplorerPage(context: { newPage(): Promise<Page> }, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(url);
  await waitForExplorer(page);
  return { page, errors };
}
