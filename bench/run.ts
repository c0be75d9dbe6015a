/**
 * Benchmarks
 * ==========
 * `npm run bench [-- server engines examples exports explorer map start scale]`: runs the chosen benchmarks (all but scale by default),
 * `npm run bench -- --load` (or --isolation, --soak) runs a hardening benchmark (load.ts, isolation.ts, soak.ts);
 * `npm run bench -- viewThread [--size 1m]` compares views in-process with the view thread (viewThread.ts),
 * `npm run bench -- viewHeap [--size 1m]` gives what each view's remembered read holds in the heap (viewHeap.ts),
 * `npm run bench -- --size 1m` (or 10k, 100k, 5m, 10m; repeatable; `--store virtuoso` for the managed Virtuoso store) runs scale.ts,
 * prints their tables and writes the figures to bench/results/<time>.json. Not a test: figures
 * vary with the machine; compare ratios, not milliseconds.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { printEngineBench, runEngineBench } from "./engines.ts";
import { printServerBench, runServerBench } from "./server.ts";

// --size S (repeatable) and --store virtuoso belong to the scale benchmark.
const argv = process.argv.slice(2);
const sizes: string[] = [];
let store: "embedded" | "virtuoso" = "embedded";
const names: string[] = [];
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === "--size") sizes.push(...argv[++i]!.split(","));
  else if (argv[i] === "--store") store = argv[++i] === "virtuoso" ? "virtuoso" : "embedded";
  // --load, --isolation, --soak: the hardening benchmarks (long; never part of the default run).
  else if (["--load", "--isolation", "--soak"].includes(argv[i]!)) names.push(argv[i]!.slice(2));
  else names.push(argv[i]!);
}

const SUITES: Record<string, () => Promise<unknown>> = {
  load: async () => {
    const { printLoadBench, runLoadBench } = await import("./load.ts");
    const rows = await runLoadBench();
    printLoadBench(rows);
    return rows;
  },
  isolation: async () => {
    const { printIsolationBench, runIsolationBench } = await import("./isolation.ts");
    const result = await runIsolationBench();
    printIsolationBench(result);
    return result;
  },
  soak: async () => {
    const { printSoakBench, runSoakBench } = await import("./soak.ts");
    const result = await runSoakBench();
    printSoakBench(result);
    return result;
  },
  viewThread: async () => {
    const { printViewThreadBench, runViewThreadBench } = await import("./viewThread.ts");
    const rows = await runViewThreadBench(sizes[0]);
    printViewThreadBench(rows);
    return rows;
  },
  viewHeap: async () => {
    const { printViewHeapBench, runViewHeapBench } = await import("./viewHeap.ts");
    const rows = await runViewHeapBench(sizes[0]);
    printViewHeapBench(rows);
    return rows;
  },
  scale: async () => {
    const { printScaleBench, runScaleBench } = await import("./scale.ts");
    const rows = await runScaleBench(sizes.length ? sizes : ["10k", "100k"], { store });
    printScaleBench(rows);
    return rows;
  },
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
  examples: async () => {
    // The workbench's example-query library against the raw store match of the same patterns.
    const { printExamplesBench, runExamplesBench } = await import("./examples.ts");
    const result = await runExamplesBench();
    printExamplesBench(result);
    return result;
  },
  exports: async () => {
    const { runExportsBench } = await import("./exports.ts");
    console.log("\nExports (CLI renderer, in-process)");
    return runExportsBench();
  },
  start: async () => {
    // `npm start` twice: with the page built, then with the build skipped (sources unchanged).
    const { printStartBench, runStartBench } = await import("./start.ts");
    const result = await runStartBench();
    printStartBench(result);
    return result;
  },
  map: async () => {
    // The Map view's first frame and pan cost, against the network's in the same run (bench/map.ts).
    const { runMapBench } = await import("./map.ts");
    return runMapBench();
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

const asked = names.length ? names : sizes.length ? ["scale"] : Object.keys(SUITES).filter((name) => !["scale", "load", "isolation", "soak"].includes(name));
const unknown = asked.filter((name) => !SUITES[name]);
if (unknown.length) {
  console.error(`Unknown benchmark ${unknown.join(", ")}. Choose from: ${Object.keys(SUITES).join(", ")}.`);
  process.exit(2);
}

const results: Record<string, unknown> = { node: process.version, startedAt: new Date().toISOString() };
for (const name of asked) {
  console.log(`\n== ${name} ==`);
  results[name] = await SUITES[name]!();
}
const dir = new URL("./results/", import.meta.url);
await mkdir(dir, { recursive: true });
const file = new URL(`${new Date().toISOString().replace(/[:.]/g, "-")}.json`, dir);
await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nFigures written to bench/results/${file.pathname.split("/").pop()}`);
