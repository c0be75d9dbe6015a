/**
 * Streaming benchmark
 * ===================
 * A large SPARQL answer from the real server (spawned) over a generated graph
 * (scripts/generateGraph.ts, 200k triples by default; BENCH_STREAM_TRIPLES to change): the whole
 * graph as CSV under a 512 MB answer limit, read by one client (time to the first byte, to the
 * last, and the server process's peak RSS above idle, sampled from /proc), then eight clients
 * that never read (peak RSS while they hold their answers, until the send timeout drops them);
 * then the same cut at the default 16 MB limit, read and held.
 *
 *   npx tsx bench/streaming.ts [--baseline DIR]
 *
 * `--baseline DIR` runs the same against another checkout of the server (e.g. the commit before
 * streaming, `git archive <commit> | tar -x -C DIR`, with its node_modules), in the same run,
 * interleaved, so the figures are ratios under the same load.
 */
import { createWriteStream, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { get } from "node:http";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { finished } from "node:stream/promises";
import { parseArgs } from "node:util";
import { generateTriples } from "../scripts/generateGraph.ts";
import { ROOT, round, spawnServer, type Spawned } from "./measure.ts";

const TRIPLES = Number(process.env.BENCH_STREAM_TRIPLES ?? 200_000);
const RUNS = 3;
const HOLDERS = 8;
const SEND_TIMEOUT_MS = 4000;
/** Long enough for every held query to run (one worker, one after another) and be dropped. */
const HOLD_MS = 40_000;
const QUERY = "SELECT ?s ?p ?o { ?s ?p ?o }";

interface Read {
  firstByteMs: number;
  lastByteMs: number;
  bytes: number;
  peakAboveIdleMb: number;
  truncated: string | undefined;
}

/** The process's resident set in bytes, from /proc (the server is one process: workers are threads). */
function rss(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return Number(match?.[1] ?? 0) * 1024;
}

function sampler(pid: number) {
  let peak = rss(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rss(pid))), 20);
  return { stop: () => (clearInterval(timer), peak) };
}

async function idleRss(pid: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 10; i++) {
    samples.push(rss(pid));
    await new Promise((done) => setTimeout(done, 50));
  }
  return median(samples);
}

function readAll(url: string, pid: number, idle: number, limitMb?: number): Promise<Read> {
  const started = performance.now();
  const watch = sampler(pid);
  return new Promise((done, reject) => {
    get(`${url}/sparql?query=${encodeURIComponent(QUERY)}`, { headers: { Accept: "text/csv", "Accept-Encoding": "identity" } }, (res) => {
      let firstByteMs = 0;
      let bytes = 0;
      res.on("data", (part: Buffer) => {
        if (bytes === 0) firstByteMs = performance.now() - started;
        bytes += part.length;
      });
      res.on("end", () => {
        const peak = watch.stop();
        const truncated = (res.trailers["caspian-truncated"] ?? res.headers["caspian-truncated"]) as string | undefined;
        if (limitMb !== undefined && bytes > limitMb * 2 ** 20) reject(new Error(`${bytes} bytes over the ${limitMb} MB limit`));
        done({ firstByteMs, lastByteMs: performance.now() - started, bytes, peakAboveIdleMb: (peak - idle) / 2 ** 20, truncated });
      });
      res.on("error", reject);
    }).on("error", reject);
  });
}

/** Clients that send the query and never read: the server's peak while it holds them. */
async function holders(server: Spawned, idle: number): Promise<{ peakAboveIdleMb: number; afterDropAboveIdleMb: number; dropped: number }> {
  const url = new URL(server.url);
  const pid = server.child.pid!;
  const watch = sampler(pid);
  const sockets: Socket[] = [];
  let dropped = 0;
  for (let i = 0; i < HOLDERS; i++) {
    const socket = connect({ host: url.hostname, port: Number(url.port) });
    socket.write(`GET /sparql?query=${encodeURIComponent(QUERY)} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/csv\r\nAccept-Encoding: identity\r\n\r\n`);
    socket.pause();
    socket.on("error", () => {});
    socket.once("close", () => dropped++);
    sockets.push(socket);
  }
  await new Promise((done) => setTimeout(done, HOLD_MS));
  const peak = watch.stop();
  // Reading now drains what the kernel held and sees the reset.
  for (const socket of sockets) socket.resume();
  await new Promise((done) => setTimeout(done, 1000));
  const after = await idleRss(pid);
  for (const socket of sockets) socket.destroy();
  return { peakAboveIdleMb: (peak - idle) / 2 ** 20, afterDropAboveIdleMb: (after - idle) / 2 ** 20, dropped };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function start(root: string, file: string, limitMb: number): Promise<Spawned> {
  const server = await spawnServer(
    ["--import", "tsx", join(root, "server/main.ts"), "--quiet", "--no-default-data", "--data", file, "--workers", "1", "--rate-limit", "0", "--row-cap", "10000000", "--deadline", "120000", "--answer-limit", String(limitMb), "--send-timeout", String(SEND_TIMEOUT_MS)],
    { PORT: "0" },
  );
  // Warm: the first query loads the worker bundle's caches.
  await readAll(server.url, server.child.pid!, 0).catch(() => undefined);
  return server;
}

const { values } = parseArgs({ options: { baseline: { type: "string" } } });
const variants: Record<string, string> = { streaming: ROOT, ...(values.baseline ? { baseline: resolve(values.baseline) } : {}) };

const dir = await mkdtemp(join(tmpdir(), "caspian-streaming-"));
const file = join(dir, "generated.nt");
const out = createWriteStream(file);
for (const line of generateTriples({ triples: TRIPLES })) if (!out.write(line)) await new Promise<void>((done) => out.once("drain", () => done()));
out.end();
await finished(out);

const report: Record<string, unknown> = { triples: TRIPLES };
try {
  for (const [name, root] of Object.entries(variants)) {
    const whole = await start(root, file, 512);
    const pid = whole.child.pid!;
    const idle = await idleRss(pid);
    const reads: Read[] = [];
    for (let run = 0; run < RUNS; run++) reads.push(await readAll(whole.url, pid, idle));
    const held = await holders(whole, idle);
    await whole.stop();
    const capped = await start(root, file, 16);
    const cappedIdle = await idleRss(capped.child.pid!);
    const cut = await readAll(capped.url, capped.child.pid!, cappedIdle, 16);
    const heldCapped = await holders(capped, cappedIdle);
    await capped.stop();
    report[name] = {
      idleRssMb: round(idle / 2 ** 20, 1),
      answerMb: round(reads[0]!.bytes / 2 ** 20, 1),
      firstByteMs: round(median(reads.map((r) => r.firstByteMs)), 0),
      lastByteMs: round(median(reads.map((r) => r.lastByteMs)), 0),
      peakAboveIdleMb: round(median(reads.map((r) => r.peakAboveIdleMb)), 1),
      cutAt16Mb: { bytes: cut.bytes, truncated: cut.truncated, peakAboveIdleMb: round(cut.peakAboveIdleMb, 1) },
      [`${HOLDERS}NonReadingClients`]: { peakAboveIdleMb: round(held.peakAboveIdleMb, 1), afterDropAboveIdleMb: round(held.afterDropAboveIdleMb, 1), dropped: held.dropped },
      [`${HOLDERS}NonReadingClientsAt16Mb`]: { peakAboveIdleMb: round(heldCapped.peakAboveIdleMb, 1), afterDropAboveIdleMb: round(heldCapped.afterDropAboveIdleMb, 1), dropped: heldCapped.dropped },
    };
    console.log(name, JSON.stringify(report[name]));
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
console.log(JSON.stringify(report, null, 2));
