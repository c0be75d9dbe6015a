/**
 * Scale benchmark
 * ===============
 * `npm run bench -- --size 1m` (10k, 100k, 1m, 5m, 10m; repeatable; `--store virtuoso` for the
 * managed Virtuoso store): generates the fixed-seed graph of that size (scripts/generateGraph.ts,
 * one N-Triples file, kept in the temp folder between runs), then measures in one run:
 *  - the floor: n3's streaming parser alone on the file;
 *  - plain Oxigraph: a bare node process doing `Store.load` of the file (plainOxigraph.mjs),
 *    its load time and RSS;
 *  - Caspian: `server/main.ts --data file` spawned as a user would, from spawn to the first
 *    answered query; a sample of health while it loads; the process's RSS once settled and its
 *    peak (VmHWM; workers are threads, so one process holds it all);
 *  - every API view, cold (the first request after start) and warm (median of three), and the
 *    size of its body as sent (brotli) and raw;
 * and prints them beside each other, with ratios to plain Oxigraph. Not a test: the figures vary
 * with the machine; compare the ratios, which come from the same run.
 */
import { spawn } from "node:child_process";
import { createReadStream, createWriteStream, existsSync, readdirSync, readFileSync, renameSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { finished } from "node:stream/promises";
import { StreamParser } from "n3";
import { generateTriples } from "../scripts/generateGraph.ts";
import { ROOT, round } from "./measure.ts";

export const SIZES: Record<string, number> = { "10k": 10_000, "100k": 100_000, "1m": 1_000_000, "5m": 5_000_000, "10m": 10_000_000 };
const GEN = "https://w3id.org/caspian/generated/";
const actor = (n: number) => encodeURIComponent(`${GEN}actor/${n}`);

export const VIEWS: Record<string, string> = {
  graph: "/api/v1/graph",
  search: "/api/v1/search?q=war",
  entity: `/api/v1/entity?iri=${actor(0)}`,
  timeline: `/api/v1/timeline?a=${actor(0)}&b=${actor(1)}`,
  paths: `/api/v1/paths?from=${actor(0)}&to=${actor(5)}`,
  thirdParties: `/api/v1/third-parties?a=${actor(0)}&b=${actor(1)}`,
  neighbours: `/api/v1/neighbours?iri=${actor(0)}`,
};

const FIRST_QUERY = `/sparql?query=${encodeURIComponent("ASK { ?s ?p ?o }")}`;

export interface ViewTiming {
  coldMs: number;
  warmMs: number;
  status: number;
  /** Body bytes as sent with Accept-Encoding: br, and uncompressed. */
  sentBytes: number;
  rawBytes: number;
  /** The error code of a failed answer (DEADLINE, MEMORY_CAP, QUEUE_FULL, ...). */
  error?: string;
}

export interface ScaleRow {
  size: string;
  store: "embedded" | "virtuoso";
  triples: number;
  n3FloorMs: number;
  plain?: { loadMs: number; rssBytes: number; peakBytes: number; whole: boolean };
  caspian: { firstAnswerMs: number; listeningMs: number; settledRssBytes: number; peakRssBytes: number; loadingHealth?: string };
  views: Record<string, ViewTiming>;
  /** The managed Virtuoso store only: its bulk load, its database on disk. */
  virtuoso?: { bulkLoadMs?: number; diskBytes: number; virtuosoRssBytes: number };
  /** A second start on the same data directory. */
  restart: Restart;
}

/**
 * A second start on the same data directory: Virtuoso must load nothing again; every view's first
 * request is answered from the view answers the first start kept (viewAnswerCache.ts).
 */
export interface Restart {
  firstAnswerMs: number;
  /** True when the second start bulk-loaded a file again (it should not). */
  loadedAgain: boolean;
  /** Each view's first request after the restart. */
  views: Record<string, { ms: number; status: number }>;
}

export interface ScaleOptions {
  store?: "embedded" | "virtuoso";
}

export async function runScaleBench(sizes: string[], options: ScaleOptions = {}): Promise<ScaleRow[]> {
  const rows: ScaleRow[] = [];
  for (const size of sizes) {
    const triples = SIZES[size];
    if (!triples) throw new Error(`Unknown size ${size}; use ${Object.keys(SIZES).join(", ")}`);
    rows.push(await benchSize(size, triples, options.store ?? "embedded"));
  }
  return rows;
}

/** The generated file for a size, written once (streamed) and reused by later runs. */
async function generatedFile(size: string, triples: number): Promise<string> {
  const file = join(tmpdir(), `caspian-bench-gen-${size}.nt`);
  if (existsSync(file)) return file;
  const partial = `${file}.${process.pid}.tmp`;
  const out = createWriteStream(partial);
  for (const line of generateTriples({ triples })) if (!out.write(line)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  out.end();
  await finished(out);
  renameSync(partial, file);
  return file;
}

async function benchSize(size: string, triples: number, store: "embedded" | "virtuoso"): Promise<ScaleRow> {
  const file = await generatedFile(size, triples);
  console.error(`scale ${size}: ${file}`);
  const floor = await n3Floor(file);
  // Plain Oxigraph holds the whole store in one process; past its memory the comparison is Virtuoso's.
  const plain = store === "embedded" ? await plainOxigraph(file) : undefined;
  const dataDir = await mkdtemp(join(tmpdir(), "caspian-scale-data-"));
  try {
    const caspian = await startCaspian(file, dataDir, store);
    try {
      const views: Record<string, ViewTiming> = {};
      for (const [name, path] of Object.entries(VIEWS)) {
        views[name] = await timeView(caspian.url, path);
        const view = views[name]!;
        console.error(`  ${name}: ${view.status}, cold ${view.coldMs} ms, warm ${view.warmMs} ms`);
      }
      const memory = await settledMemory(caspian.pid);
      const bulkLoadSeconds = /Virtuoso loaded .* in ([\d.]+) s/.exec(caspian.log())?.[1];
      await caspian.stop();
      const virtuoso = store === "virtuoso" ? { ...(bulkLoadSeconds ? { bulkLoadMs: round(Number(bulkLoadSeconds) * 1000, 0) } : {}), diskBytes: folderBytes(join(dataDir, "virtuoso")), virtuosoRssBytes: memory.virtuosoRss } : undefined;
      const restart = await secondStart(file, dataDir, store);
      return {
        size,
        store,
        triples: floor.triples,
        n3FloorMs: round(floor.ms, 0),
        ...(plain ? { plain } : {}),
        caspian: { firstAnswerMs: round(caspian.firstAnswerMs, 0), listeningMs: round(caspian.listeningMs, 0), settledRssBytes: memory.rss, peakRssBytes: memory.peak, loadingHealth: caspian.loadingHealth },
        views,
        ...(virtuoso ? { virtuoso } : {}),
        restart,
      };
    } finally {
      await caspian.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** n3's streaming parser alone: the floor any JavaScript loader of the file stands on. */
async function n3Floor(file: string): Promise<{ ms: number; triples: number }> {
  const started = performance.now();
  let triples = 0;
  const parser = new StreamParser({ format: "application/n-triples" });
  parser.on("data", () => triples++);
  createReadStream(file).pipe(parser);
  await finished(parser);
  return { ms: performance.now() - started, triples };
}

function plainOxigraph(file: string): Promise<NonNullable<ScaleRow["plain"]>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, "bench/plainOxigraph.mjs"), file], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (data: Buffer) => (out += data));
    child.once("exit", (code) => {
      if (code !== 0) return reject(new Error(`plain Oxigraph exited with ${code}`));
      const result = JSON.parse(out) as NonNullable<ScaleRow["plain"]>;
      resolve({ ...result, loadMs: round(result.loadMs, 0) });
    });
  });
}

interface Started {
  url: string;
  pid: number;
  listeningMs: number;
  firstAnswerMs: number;
  loadingHealth?: string;
  /** Everything the server printed on stderr so far. */
  log: () => string;
  stop: () => Promise<void>;
}

/**
 * Spawns the server (node with tsx's loader, one process, so /proc shows all of its memory) and
 * times spawn → the first answered ASK. Health is sampled while it loads.
 */
async function startCaspian(file: string, dataDir: string, store: "embedded" | "virtuoso"): Promise<Started> {
  const started = performance.now();
  // The deadline large graphs are served with (README): the views' whole-store reads at 1M take
  // longer than the default 10 s on a busy machine, and a stopped read measures nothing. Virtuoso
  // gets the 600 s its own MaxQueryExecutionTime allows (virtuosoStore.ts): at 10M triples the
  // graph model's whole-store reads take minutes.
  const deadline = store === "virtuoso" ? "600000" : "120000";
  // With Virtuoso the views' query answers arrive as rows in the server's main thread and are
  // handed to the view thread: at 10M triples the graph model's reads are ~10M rows at once,
  // past node's default heap (~4.3 GB here), so that server gets 8 GB.
  const heap = store === "virtuoso" ? ["--max-old-space-size=8192"] : [];
  const args = [...heap, "--import", "tsx", "server/main.ts", "--data", file, "--rate-limit", "0", "--deadline", deadline, "--data-dir", dataDir, ...(store === "virtuoso" ? ["--store", "virtuoso"] : [])];
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, PORT: "0" }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (data: Buffer) => (stdout += data));
  child.stderr!.on("data", (data: Buffer) => {
    stderr += data;
    if (/Loading|Virtuoso/.test(String(data))) process.stderr.write(`  ${String(data).trim()}\n`);
  });
  const exited = new Promise<never>((_, reject) => child.once("exit", (code) => reject(new Error(`the server exited with ${code}: ${stderr.slice(-2000)}`))));
  exited.catch(() => {});
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once("exit", () => done());
      child.kill("SIGTERM");
    });
  try {
    // The port is bound before the store is loaded: find it from the "starting" or "listening" line.
    let url: string | undefined;
    let loadingHealth: string | undefined;
    let listeningMs = 0;
    while (!listeningMs) {
      await Promise.race([new Promise((resolve) => setTimeout(resolve, 50)), exited]);
      // Caspian's own lines only: the managed Virtuoso's lines name its SPARQL port too.
      url ??= /Caspian (?:is loading the store; |listening on )(http:\/\/127\.0\.0\.1:\d+)/.exec(stdout + stderr)?.[1];
      if (/listening on/.test(stdout)) listeningMs = performance.now() - started;
      else if (url && !loadingHealth) {
        const health = await get(`${url}/api/v1/health`).catch(() => undefined);
        if (health?.status === 200 && /"loading"/.test(health.body)) loadingHealth = health.body.slice(0, 200);
      }
    }
    url ??= /listening on (http:\/\/\S+)/.exec(stdout)![1]!;
    let firstAnswerMs = 0;
    while (!firstAnswerMs) {
      const reply = await get(url + FIRST_QUERY, { Accept: "application/sparql-results+json" });
      if (reply.status === 200) firstAnswerMs = performance.now() - started;
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { url, pid: child.pid!, listeningMs, firstAnswerMs, loadingHealth, log: () => stderr, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The second start on the data directory the first one left (Virtuoso's database, the kept view
 * answers): spawn → first answer, and each view's first request.
 */
async function secondStart(file: string, dataDir: string, store: "embedded" | "virtuoso"): Promise<Restart> {
  console.error("  second start on the same data directory ...");
  const again = await startCaspian(file, dataDir, store);
  try {
    const views: Restart["views"] = {};
    for (const [name, path] of Object.entries(VIEWS)) {
      const view = await get(again.url + path, { Accept: "application/json" });
      views[name] = { ms: round(view.ms, 0), status: view.status };
    }
    return { firstAnswerMs: round(again.firstAnswerMs, 0), loadedAgain: /bulk-loading/.test(again.log()), views };
  } finally {
    await again.stop();
  }
}

function folderBytes(folder: string): number {
  return readdirSync(folder).reduce((sum, name) => sum + statSync(join(folder, name)).size, 0);
}

async function timeView(base: string, path: string): Promise<ViewTiming> {
  const times: number[] = [];
  let status = 0;
  let rawBytes = 0;
  let error: string | undefined;
  for (let i = 0; i < 4; i++) {
    const reply = await get(base + path, { Accept: "application/json" });
    status = reply.status;
    if (status !== 200) error ??= /"code":"([A-Z_]+)"/.exec(reply.body)?.[1];
    rawBytes = reply.bytes;
    times.push(reply.ms);
  }
  const sent = await get(base + path, { Accept: "application/json", "Accept-Encoding": "br" });
  return { coldMs: round(times[0]!, 0), warmMs: round(times.slice(1).sort((a, b) => a - b)[1]!, 1), status, sentBytes: sent.bytes, rawBytes, ...(error ? { error } : {}) };
}

/** A GET without keep-alive (so a cold request is really the first), timed to the last byte. */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; bytes: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    request(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, body: body.length < 100_000 ? body.toString("utf8") : "", bytes: body.length, ms: performance.now() - started });
      });
    })
      .on("error", reject)
      .end();
  });
}

/**
 * The memory once it stops falling: sampled every 2 s until two samples 8 s apart differ by
 * under 2%, at most 40 s. A lazy extra worker called in by the views' long reads is retired after
 * 10 s idle, and the view thread's garbage goes later still; a fixed 5 s wait measured them.
 */
async function settledMemory(pid: number): Promise<ReturnType<typeof memoryOf>> {
  const samples: ReturnType<typeof memoryOf>[] = [];
  for (let waited = 0; waited <= 40_000; waited += 2_000) {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    samples.push(memoryOf(pid));
    const before = samples.at(-5);
    if (before && Math.abs(before.rss - samples.at(-1)!.rss) < 0.02 * before.rss) break;
  }
  return samples.at(-1)!;
}

/**
 * RSS and peak (VmHWM) of the server plus the managed store's virtuoso-t (its child): workers are
 * threads, so the embedded store is one process; with Virtuoso the peak is the sum of each
 * process's own peak. Other children (tsx's esbuild service) are left out, as before.
 */
function memoryOf(pid: number): { rss: number; peak: number; virtuosoRss: number } {
  const own = processMemory(pid);
  const virtuoso = childrenOf(pid)
    .filter((child) => readFileSync(`/proc/${child}/comm`, "utf8").trim() === "virtuoso-t")
    .map(processMemory)
    .reduce((sum, memory) => ({ rss: sum.rss + memory.rss, peak: sum.peak + memory.peak }), { rss: 0, peak: 0 });
  return { rss: own.rss + virtuoso.rss, peak: own.peak + virtuoso.peak, virtuosoRss: virtuoso.rss };
}

function processMemory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb("VmRSS"), peak: kb("VmHWM") };
}

function childrenOf(pid: number): number[] {
  const tasks = readdirSync(`/proc/${pid}/task`);
  return tasks.flatMap((task) => readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number));
}

const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const x = (value: number, base: number | undefined) => (base ? ` (${(value / base).toFixed(1)}×)` : "");

export function printScaleBench(rows: ScaleRow[]): void {
  console.log("\nLoading and memory (ratios to plain Oxigraph in the same run)");
  console.table(
    Object.fromEntries(
      rows.map((row) => [
        `${row.size}${row.store === "virtuoso" ? " virtuoso" : ""}`,
        {
          triples: row.triples,
          "n3 parse (floor)": s(row.n3FloorMs),
          "plain Oxigraph load / RSS": row.plain ? `${s(row.plain.loadMs)} / ${mb(row.plain.rssBytes)}${row.plain.whole ? "" : " (batched)"}` : "–",
          "Caspian spawn → first answer": `${s(row.caspian.firstAnswerMs)}${x(row.caspian.firstAnswerMs, row.plain?.loadMs)}`,
          "Caspian RSS settled": `${mb(row.caspian.settledRssBytes)}${x(row.caspian.settledRssBytes, row.plain?.rssBytes)}`,
          "Caspian RSS peak": `${mb(row.caspian.peakRssBytes)}${x(row.caspian.peakRssBytes, row.plain?.rssBytes)}`,
        },
      ]),
    ),
  );
  for (const row of rows) if (row.caspian.loadingHealth) console.log(`${row.size}: health while loading: ${row.caspian.loadingHealth}`);
  for (const row of rows) {
    const v = row.virtuoso;
    const restart = row.restart;
    const name = `${row.size}${v ? " virtuoso" : ""}`;
    if (v) console.log(`${name}: bulk load ${v.bulkLoadMs === undefined ? "–" : s(v.bulkLoadMs)}, database ${mb(v.diskBytes)} on disk, virtuoso-t's RSS ${mb(v.virtuosoRssBytes)} of the settled total${restart.loadedAgain ? "; the second start LOADED A FILE AGAIN" : "; the second start loaded nothing again"}`);
    console.log(`${name}: second start on the same data directory → first answer ${s(restart.firstAnswerMs)} (${x(restart.firstAnswerMs, row.caspian.firstAnswerMs).trim()} of the first)`);
  }
  console.log("\nViews: cold / warm median (ms), body sent (brotli) / raw; then the first request after a second start");
  console.table(
    Object.fromEntries(
      Object.keys(VIEWS).map((name) => [
        name,
        Object.fromEntries(
          rows.map((row) => {
            const view = row.views[name];
            const again = row.restart.views[name];
            const restarted = again ? `; restart ${again.ms}${again.status === 200 ? "" : ` (${again.status})`}` : "";
            const cell = view ? `${view.coldMs} / ${view.warmMs}${view.status === 200 ? "" : ` (${view.status} ${view.error ?? ""})`}, ${kb(view.sentBytes)} / ${kb(view.rawBytes)}${restarted}` : "";
            return [`${row.size}${row.store === "virtuoso" ? " virtuoso" : ""}`, cell];
          }),
        ),
      ]),
    ),
  );
}

const kb = (bytes: number) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.round(bytes / 1e3)} kB`);
