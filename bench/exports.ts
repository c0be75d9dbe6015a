/**
 * Exports benchmark
 * =================
 * Time to export the default view as SVG, PDF and 300-DPI PNG, and a generated 10,000-node graph
 * as SVG, through the CLI's entry (runExport, in-process; the generated graph through the same
 * layout and renderer). Each figure includes loading the data, starting the engine and the layout.
 */
import { parseExportArgs } from "../cli/exportArgs.ts";
import { runExport } from "../cli/runExport.ts";
import { figureFromGraph } from "../client/exports/figure.ts";
import { layoutForFigure } from "../client/exports/layoutForFigure.ts";
import { renderSvgFigure } from "../client/exports/svgFigure.ts";
import { generateGraph } from "./generatedGraph.ts";

export interface ExportsBenchRow {
  what: string;
  ms: number;
  bytes: number;
}

async function time(what: string, run: () => Promise<number>): Promise<ExportsBenchRow> {
  const started = performance.now();
  const bytes = await run();
  return { what, ms: Math.round(performance.now() - started), bytes };
}

export async function runExportsBench(): Promise<ExportsBenchRow[]> {
  const cli = (args: string[]) => async () => (await runExport(parseExportArgs(args))).reduce((sum, f) => sum + f.bytes.length, 0);
  const rows = [
    await time("default view → SVG (183 mm)", cli(["--format", "svg"])),
    await time("default view → PDF (183 mm)", cli(["--format", "pdf", "--out", "figure.pdf"])),
    await time("default view → PNG (183 mm, 300 DPI)", cli(["--format", "png", "--dpi", "300", "--out", "figure.png"])),
    await time("10,000-node generated graph → SVG (layout + render)", async () => {
      const figure = figureFromGraph(layoutForFigure(generateGraph(10_000)));
      return renderSvgFigure(figure, { widthMm: 183 }).length;
    }),
  ];
  console.log("| export | ms | bytes |\n| --- | ---: | ---: |");
  for (const r of rows) console.log(`| ${r.what} | ${r.ms} | ${r.bytes} |`);
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runExportsBench().then(() => process.exit(0));
}
