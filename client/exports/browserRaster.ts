/**
 * Browser raster
 * ==============
 * PDF and PNG of the figure in the browser, for the Export dialog: PNG by drawing the SVG on a
 * canvas at width × DPI pixels (then tagged with its DPI), PDF by the same pdfkit writer the CLI
 * uses (pdfFigure.ts, pdfkit's browser build) with DejaVu Sans fetched from the page's own
 * assets (the dejavu-fonts-ttf package), so the dialog's PDF embeds the font the CLI's does.
 * The PDF writer and the fonts load only when a PDF is asked for.
 */
import regularUrl from "dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url";
import boldUrl from "dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url";
import type { Raster } from "./exportFormat.ts";
import { setPngDpi } from "./pngDpi.ts";

async function svgToPngBytes(svg: string, widthMm: number, dpi: number): Promise<Uint8Array> {
  const width = Math.round((widthMm / 25.4) * dpi);
  const image = new Image();
  image.src = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  await image.decode();
  const height = Math.round((image.naturalHeight / image.naturalWidth) * width);
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d")!;
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, width, height);
  context.drawImage(image, 0, 0, width, height);
  URL.revokeObjectURL(image.src);
  const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("canvas gave no PNG"))), "image/png"));
  return setPngDpi(new Uint8Array(await blob.arrayBuffer()), dpi);
}

const fontBytes = async (url: string) => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`font ${url}: HTTP ${response.status}`);
  return response.arrayBuffer();
};

export const BROWSER_RASTER: Raster = {
  png: (svg, { widthMm, dpi }) => svgToPngBytes(svg, widthMm, dpi),
  async pdf(svg, options) {
    const [{ svgToPdf }, regular, bold] = await Promise.all([import("./pdfFigure.ts"), fontBytes(regularUrl), fontBytes(boldUrl)]);
    return svgToPdf(svg, { title: options.title, provenance: options.provenance, fonts: { regular, bold } });
  },
};
