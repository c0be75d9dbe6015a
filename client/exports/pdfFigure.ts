/**
 * PDF figure
 * ==========
 * The SVG figure drawn into a one-page vector PDF with pdfkit + svg-to-pdfkit, the font embedded
 * (subset) so the labels print and stay selectable in LaTeX and Word. The page is the figure's
 * size. Document info carries the title, the query and the data hash; its dates are fixed so the
 * same figure gives the same PDF. Runs in Node (the CLI, fonts as file paths) and in the browser
 * (the Export dialog: pdfkit's browser build, fonts as bytes), so both write the same PDF.
 */
import PDFDocument from "pdfkit";
import SVGtoPDF from "svg-to-pdfkit";
import type { FigureProvenance } from "./figure.ts";

/** A font file's path (Node) or its bytes (either). */
export type FontSource = string | ArrayBuffer | Uint8Array;

function svgSize(svg: string): { width: number; height: number } {
  const m = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  if (!m) throw new Error("figure SVG has no viewBox");
  return { width: Number(m[1]), height: Number(m[2]) };
}

export function svgToPdf(svg: string, options: { title?: string; provenance?: FigureProvenance; fonts: { regular: FontSource; bold: FontSource } }): Promise<Uint8Array> {
  const { width, height } = svgSize(svg);
  const { fonts } = options;
  const fixed = new Date(Date.UTC(2000, 0, 1));
  const doc = new PDFDocument({
    size: [width, height],
    margin: 0,
    autoFirstPage: true,
    compress: true,
    // pdfkit's browser build has no standard fonts: start with the embedded one, never Helvetica.
    font: fonts.regular as never,
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
  doc.registerFont("FigureSans", fonts.regular as never);
  doc.registerFont("FigureSans-Bold", fonts.bold as never);
  const chunks: Uint8Array[] = [];
  doc.on("data", (chunk: Uint8Array) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on("end", () => {
      const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let at = 0;
      for (const c of chunks) {
        out.set(c, at);
        at += c.length;
      }
      resolve(out);
    });
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
