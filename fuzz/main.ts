/**
 * `npm run fuzz [-- COUNT [SEED]]`: the full-size fuzz run (10,000 hostile requests by default)
 * against a fresh in-process server. Prints the answers by status and category, every answer
 * that broke the rule, and the heap before and after; exits 1 if anything broke it.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { runFuzz } from "./runFuzz.ts";
import { settledHeapMb, startFuzzServer } from "./fuzzServer.ts";

// A full collection before each heap reading, so the comparison is of live objects, not garbage.
setFlagsFromString("--expose-gc");
(globalThis as { gc?: unknown }).gc ??= runInNewContext("gc");

const count = Number(process.argv[2] ?? 10_000);
const seed = Number(process.argv[3] ?? 20261124);
const server = await startFuzzServer();
try {
  await runFuzz(server.url, { seed: seed + 1, count: 300 });
  const warm = await settledHeapMb();
  const started = performance.now();
  const report = await runFuzz(server.url, { seed, count });
  const seconds = (performance.now() - started) / 1000;
  const after = await settledHeapMb();
  const health = await fetch(`${server.url}/api/v1/health`);
  console.log(`Sent ${report.sent} hostile requests (seed ${seed}) in ${seconds.toFixed(1)} s.`);
  console.log("By status:", report.byStatus);
  console.table(report.byCategory);
  console.log(`Heap after warm-up ${warm.toFixed(1)} MB, after the run ${after.toFixed(1)} MB; health answers ${health.status}.`);
  for (const failure of report.failures.slice(0, 30)) console.log("BROKE THE RULE:", failure);
  if (report.failures.length > 0 || health.status !== 200) {
    console.log(`${report.failures.length} answers broke the rule.`);
    process.exitCode = 1;
  }
} finally {
  await server.close();
}
