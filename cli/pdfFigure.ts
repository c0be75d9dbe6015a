/**
 * PDF figure
 * ==========
 * The SVG figure drawn into a one-page vector PDF with pdfkit + svg-to-pdfkit, the font embedded
 * (subset) so the labels print and stay selectable in LaTeX and Word. The page is the figure's
 * size. Document info carries the title, the query and the data hash; its dates are fixed so the
 * same figure gives the same PDF.
 */
import PDFDocument from "pdfkit";
import SVGtoPDF from "svg-to-pdfkit";
import type { FigureProvenance } from "../client/exports/figure.ts";
import { figureFonts } from "./fonts.ts";

function svgSize(svg: string): { width: number; height: number } {
  const m = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  if (!m) throw new Error("figure SVG has no viewBox");
  return { width: Number(m[1]), height: Number(m[2]) };
}

export function svgToPdf(svg: string, options: { title?: string; provenance?: FigureProvenance; font?: string }): Promise<Buffer> {
  const { width, height } = svgSize(svg);
  const fonts = figureFonts(options.font);
  const fixed = new Date(Date.UTC(2000, 0, 1));
  const doc = new PDFDocument({
    size: [width, height],
    margin: 0,
    autoFirstPage: true,
    compress: true,
    info: {
      Title: options.title ?? "Caspian network figure",
      Creator: options.provenance?.tool ?? "caspian",
      Producer: options.provenance?.tool ?? "caspian",
      Subject: options.provenance?.query ?? "",
      Keywords: options.provenance?.dataHash ? `sha256:${options.provenance.dataHash}` : "",
      CreationDate: fixed,
      ModDate: fixed,
    },
  });
  doc.registerFont("FigureSans", fonts.regular);
  doc.registerFont("FigureSans-Bold", fonts.bold);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  // svg-to-pdfkit reads the root's mm size as a scale on top of the viewBox; give it points.
  const inPoints = svg.replace(/<svg ([^>]*?)width="[\d.]+mm" height="[\d.]+mm"/, `<svg $1width="${width}" height="${height}"`);
  SVGtoPDF(doc, inPoints, 0, 0, {
    width,
    height,
    assumePt: true,
    fontCallback: (_family: string, bold: boolean) => (bold ? "FigureSans-Bold" : "FigureSans"),
  });
  doc.end();
  return done;
}
