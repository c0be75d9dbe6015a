/**
 * Exports benchmark
 * =================
 * Run times of `caspian export` on the default view through the CLI's entry (runExport,
 * in-process: each run loads the data, starts the engine, lays out and renders), per format and
 * for several formats in one run (svg,pdf,png,gexf), as medians of a few rounds. The baseline is
 * the caption format (the view built, nothing drawn), measured in the same rounds, so a format's
 * own cost is its ratio to it; the multi-format run is compared with the four single runs it
 * replaces. Plus a generated 10,000-node graph through the same layout and SVG renderer. The
 * machine's load average is printed beside the figures: compare ratios, not milliseconds.
 */
import { loadavg } from "node:os";
import { parseExportArgs } from "../cli/exportArgs.ts";
import { runExport } from "../cli/runExport.ts";
import { figureFromGraph } from "../client/exports/figure.ts";
import { layoutForFigure } from "../client/exports/layoutForFigure.ts";
import { renderSvgFigure } from "../client/exports/svgFigure.ts";
import { generateGraph } from "./generatedGraph.ts";
import { summarize } from "./measure.ts";

export interface ExportsBenchRow {
  what: string;
  medianMs: number;
  /** Median over the baseline's median (the caption run: view built, nothing drawn). */
  ratio: number;
  bytes: number;
  n: number;
}

const CASES: { what: string; args: string[] }[] = [
  { what: "baseline: caption (view only)", args: ["--format", "caption"] },
  { what: "svg (183 mm)", args: ["--format", "svg"] },
  { what: "pdf (183 mm)", args: ["--format", "pdf", "--out", "figure.pdf"] },
  { what: "png (183 mm, 300 DPI)", args: ["--format", "png", "--out", "figure.png"] },
  { what: "gexf 1.3", args: ["--format", "gexf"] },
  { what: "csv (with evidence)", args: ["--format", "csv", "--out", "dir"] },
  { what: "jsonld (compacted)", args: ["--format", "jsonld"] },
  { what: "svg,pdf,png,gexf in one run", args: ["--format", "svg,pdf,png,gexf", "--out", "dir"] },
];

async function timed(run: () => Promise<number>): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const bytes = await run();
  return { ms: performance.now() - started, bytes };
}

export async function runExportsBench(rounds = Number(process.env.EXPORTS_BENCH_ROUNDS ?? 3)): Promise<{ rows: ExportsBenchRow[]; singlesSumMs: number; load: number[] }> {
  const load = loadavg().map((v) => Number(v.toFixed(2)));
  const samples = new Map<string, { ms: number[]; bytes: number }>();
  // One uncounted run first: module loading and JIT warm-up would otherwise land on the first case.
  await runExport(parseExportArgs(CASES[0]!.args));
  // Rounds interleave the cases, so a change of machine load hits all of them alike.
  for (let round = 0; round < rounds; round++) {
    for (const c of CASES) {
      const { ms, bytes } = await timed(async () => (await runExport(parseExportArgs(c.args))).reduce((sum, f) => sum + f.bytes.length, 0));
      const entry = samples.get(c.what) ?? { ms: [], bytes };
      entry.ms.push(ms);
      samples.set(c.what, entry);
    }
  }
  const big = await timed(async () => renderSvgFigure(figureFromGraph(layoutForFigure(generateGraph(10_000))), { widthMm: 183 }).length);
  const base = summarize(samples.get(CASES[0]!.what)!.ms).median;
  const rows: ExportsBenchRow[] = [...samples].map(([what, { ms, bytes }]) => {
    const { median, n } = summarize(ms);
    return { what, medianMs: Math.round(median), ratio: Number((median / base).toFixed(2)), bytes, n };
  });
  rows.push({ what: "10,000-node generated graph → svg (layout + render, no engine)", medianMs: Math.round(big.ms), ratio: Number((big.ms / base).toFixed(2)), bytes: big.bytes, n: 1 });
  const median = (what: string) => rows.find((r) => r.what === what)!.medianMs;
  const singlesSumMs = ["svg (183 mm)", "pdf (183 mm)", "png (183 mm, 300 DPI)", "gexf 1.3"].map(median).reduce((a, b) => a + b, 0);
  console.log(`load average (1, 5, 15 min): ${load.join(", ")}; ${rounds} rounds`);
  console.log("| export | median ms | × baseline | bytes | n |\n| --- | ---: | ---: | ---: | ---: |");
  for (const r of rows) console.log(`| ${r.what} | ${r.medianMs} | ${r.ratio} | ${r.bytes} | ${r.n} |`);
  const multi = median("svg,pdf,png,gexf in one run");
  console.log(`svg,pdf,png,gexf in one run: ${multi} ms against ${singlesSumMs} ms for the four runs apart (${(multi / singlesSumMs).toFixed(2)}×)`);
  return { rows, singlesSumMs, load };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runExportsBench().then(() => process.exit(0));
}
