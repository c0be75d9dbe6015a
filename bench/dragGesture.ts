/**
 * Drag gesture
 * ============
 * The mouse drag the browser benchmarks time frames over: 60 moves on an ellipse around a point
 * of the element, then a short pause for the last frames.
 */
import type { Page } from "playwright-core";

export interface DragShape {
  /** Half-axes of the ellipse, in CSS pixels. */
  dx: number;
  dy: number;
  /** Where in the element's height the drag starts (0 top, 1 bottom). */
  atHeight: number;
}

export async function dragAround(page: Page, selector: string, shape: DragShape): Promise<void> {
  const box = (await page.locator(selector).boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height * shape.atHeight;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 0; i < 60; i++) await page.mouse.move(cx + shape.dx * Math.sin(i / 10), cy + shape.dy * Math.cos(i / 10));
  await page.mouse.up();
  await page.waitForTimeout(300);
}
