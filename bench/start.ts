/**
 * Start-up benchmark
 * ==================
 * `npm run bench -- start`: how long `npm start` takes to print "listening" on the embedded
 * default, first with the page built from scratch (the Vite build runs) and then again with the
 * sources unchanged (the build is skipped). The second start is reported as a ratio of the first;
 * both are medians of a few runs in this process.
 */
import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { summarize } from "./measure.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const STAMP = fileURLToPath(new URL("../dist/.sources-sha256", import.meta.url));

/** Milliseconds from spawning `npm start -- --port 0` to its "listening" line. */
function timeStart(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn("npm", ["start", "--silent", "--", "--port", "0"], { cwd: ROOT, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/listening on http/.test(output)) {
        const elapsed = performance.now() - started;
        process.kill(-child.pid!, "SIGTERM");
        child.once("exit", () => resolvePromise(elapsed));
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => {
      if (!/listening on http/.test(output)) reject(new Error(`npm start exited with ${code} before listening:\n${output.slice(-2000)}`));
    });
  });
}

export interface StartBench {
  firstMs: number;
  secondMs: number;
  ratio: number;
  runs: number;
}

export async function runStartBench(runs = 3): Promise<StartBench> {
  const first: number[] = [];
  const second: number[] = [];
  for (let i = 0; i < runs; i++) {
    await rm(STAMP, { force: true });
    first.push(await timeStart());
    second.push(await timeStart());
  }
  const firstMs = summarize(first).median;
  const secondMs = summarize(second).median;
  return { firstMs, secondMs, ratio: secondMs / firstMs, runs };
}

export function printStartBench(result: StartBench): void {
  console.log(`\nnpm start → listening (embedded default, median of ${result.runs})`);
  console.log(`  first start (page built):      ${(result.firstMs / 1000).toFixed(2)} s`);
  console.log(`  second start (build skipped):  ${(result.secondMs / 1000).toFixed(2)} s  (${result.ratio.toFixed(2)}× the first)`);
}
