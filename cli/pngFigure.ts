/**
 * PNG figure
 * ==========
 * The SVG figure rasterised by resvg at the asked resolution — the vector drawing rendered at
 * full size, not a screenshot scaled up — with the DPI written into pHYs. Width in pixels is
 * the figure's width in inches times the DPI.
 */
import { Resvg } from "@resvg/resvg-js";
import { setPngDpi } from "../client/exports/pngDpi.ts";
import { figureFonts } from "./fonts.ts";

export function pngWidthPx(widthMm: number, dpi: number): number {
  return Math.round((widthMm / 25.4) * dpi);
}

export function svgToPng(svg: string, options: { widthMm: number; dpi: number; font?: string }): Buffer {
  const fonts = figureFonts(options.font);
  const resvg = new Resvg(svg, {
    fitTo: { mode: "width", value: pngWidthPx(options.widthMm, options.dpi) },
    font: { loadSystemFonts: false, fontFiles: [fonts.regular, fonts.bold], defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" },
    background: "#ffffff",
  });
  const png = resvg.render().asPng();
  return Buffer.from(setPngDpi(new Uint8Array(png), options.dpi));
}
