/**
 * Event loop during a large upload
 * ================================
 * `npx tsx fuzz/uploadEventLoop.ts [--nodes 1000000]` uploads a Turtle file of N blank nodes in
 * one chain (the shape that blocked the loop for 14.5 s when uploads were parsed on the main
 * thread) to a real server in this process, and reports the event-loop delay
 * (perf_hooks.monitorEventLoopDelay) over the upload, beside the same measure with no upload, and
 * the health route's latency meanwhile. Prints one JSON line.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { startTestServer } from "../server/test/testServer.ts";

const { values } = parseArgs({ options: { nodes: { type: "string", default: "1000000" } } });
const nodes = Number(values.nodes);
const TOKEN = "event-loop-token";

const dir = await mkdtemp(join(tmpdir(), "caspian-eventloop-"));
const server = await startTestServer({ documents: { "a.ttl": "<http://example.org/a> <http://example.org/p> 1 ." }, workers: 1, uploads: { dir, adminToken: TOKEN, limit: 512 * 1024 * 1024 }, rateLimit: { sparqlPerMinute: 0, apiPerMinute: 0, uploadsPerMinute: 0 } });
const lines = ["@prefix ex: <http://example.org/> ."];
for (let i = 0; i < nodes; i++) lines.push(`_:n${i} ex:next _:n${i + 1} .`);
const body = lines.join("\n");

async function measure(during: () => Promise<unknown>) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  const health: number[] = [];
  let running = true;
  const poll = (async () => {
    while (running) {
      const started = performance.now();
      await fetch(`${server.url}/api/v1/health`);
      health.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  histogram.enable();
  const started = performance.now();
  const outcome = await during();
  const ms = performance.now() - started;
  histogram.disable();
  running = false;
  await poll;
  const ms2 = (ns: number) => Math.round(ns / 1e5) / 10;
  return { ms: Math.round(ms), outcome, loopMaxMs: ms2(histogram.max), loopP99Ms: ms2(histogram.percentile(99)), loopMeanMs: ms2(histogram.mean), healthMaxMs: Math.round(Math.max(...health)), healthAnswers: health.length };
}

const idle = await measure(() => new Promise((resolve) => setTimeout(() => resolve("idle"), 5000)));
const upload = await measure(async () => {
  const response = await fetch(`${server.url}/api/v1/datasets?name=chain.ttl`, { method: "POST", body, headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "text/turtle" } });
  return `${response.status} ${(await response.text()).slice(0, 120)}`;
});
console.log(JSON.stringify({ nodes, bytes: Buffer.byteLength(body), idle, upload }));
await server.close();
await rm(dir, { recursive: true, force: true });
