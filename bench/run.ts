/**
 * Benchmarks
 * ==========
 * `npm run bench [-- server engines explorer]`: runs the chosen benchmarks (all by default),
 * prints their tables and writes the figures to bench/results/<time>.json. Not a test: figures
 * vary with the machine; compare ratios, not milliseconds.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { printEngineBench, runEngineBench } from "./engines.ts";
import { printServerBench, runServerBench } from "./server.ts";

const SUITES: Record<string, () => Promise<unknown>> = {
  server: async () => {
    const result = await runServerBench();
    printServerBench(result);
    return result;
  },
  engines: async () => {
    const result = await runEngineBench();
    printEngineBench(result);
    return result;
  },
  explorer: async () => {
    // Browser benchmark (client side): loaded lazily so the server ones run without Chromium.
    const { runExplorerBench } = await import("./explorer.ts");
    const rows = await runExplorerBench();
    console.log("\nExplorer (headless Chromium)");
    console.table(rows);
    return rows;
  },
};

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !SUITES[name]);
if (unknown.length) {
  console.error(`Unknown benchmark ${unknown.join(", ")}. Choose from: ${Object.keys(SUITES).join(", ")}.`);
  process.exit(2);
}

const results: Record<string, unknown> = { node: process.version, startedAt: new Date().toISOString() };
for (const name of asked.length ? asked : Object.keys(SUITES)) {
  console.log(`\n== ${name} ==`);
  results[name] = await SUITES[name]!();
}
const dir = new URL("./results/", import.meta.url);
await mkdir(dir, { recursive: true });
const file = new URL(`${new Date().toISOString().replace(/[:.]/g, "-")}.json`, dir);
await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nFigures written to bench/results/${file.pathname.split("/").pop()}`);
