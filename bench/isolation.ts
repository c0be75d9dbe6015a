/**
 * Isolation benchmark
 * ===================
 * Two pathological queries — a three-way cartesian product and an unbounded property path —
 * sent at once to the real server (spawned) over a generated graph (scripts/generateGraph.ts,
 * 1M triples by default; BENCH_ISOLATION_TRIPLES to change), while simple requests (health and
 * a one-row SPARQL query) keep coming one after another. Reports the simple requests' p50/p99
 * idle and under attack (and their ratio), and when each pathological query was stopped, against
 * its deadline. The server runs with its own number of query workers (two;
 * BENCH_ISOLATION_WORKERS=N for another count). The attackers send from 127.0.0.1 and the simple
 * requests from 127.0.0.2, another user as the fair scheduler tells users apart (by address):
 * from one address, the simple requests would wait behind their own client's runaway queries,
 * which is the scheduler's rule (scheduler.ts), not a failure of isolation.
 */
import { createWriteStream, readFileSync } from "node:fs";
import { Agent } from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { finished } from "node:stream/promises";
import { generateTriples } from "../scripts/generateGraph.ts";
import { round, spawnServer, summarize, timedGet, type Summary } from "./measure.ts";

const TRIPLES = Number(process.env.BENCH_ISOLATION_TRIPLES ?? 1_000_000);
const DEADLINE_MS = Number(process.env.BENCH_ISOLATION_DEADLINE_MS ?? 10_000);
const IDLE_REQUESTS = 300;
const WORKERS = process.env.BENCH_ISOLATION_WORKERS ?? "default";
/** Loopback's other addresses reach a server bound to 127.0.0.1 too. */
const ANOTHER_USER = new Agent({ keepAlive: true, maxSockets: 1, localAddress: "127.0.0.2" });

export const PATHOLOGICAL: Record<string, string> = {
  "cartesian product": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
  "unbounded property path": "SELECT (COUNT(*) AS ?n) WHERE { ?s (<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>|!<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>)* ?o }",
};

const SIMPLE = ["/api/v1/health", `/sparql?query=${encodeURIComponent("ASK { ?s ?p ?o }")}`];

export interface IsolationResult {
  triples: number;
  loadSeconds: number;
  deadlineMs: number;
  idle: Summary;
  underAttack: Summary;
  p50Ratio: number;
  p99Ratio: number;
  stops: { query: string; status: number; stoppedAfterMs: number; offByPercent: number }[];
}

export async function runIsolationBench(): Promise<IsolationResult> {
  const dir = await mkdtemp(join(tmpdir(), "caspian-isolation-"));
  const file = join(dir, "generated.nt");
  const out = createWriteStream(file);
  for (const line of generateTriples({ triples: TRIPLES })) if (!out.write(line)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  out.end();
  await finished(out);
  const started = performance.now();
  const server = await spawnServer(
    ["--import", "tsx", "server/main.ts", "--quiet", "--no-default-data", "--data", file, ...(WORKERS === "default" ? [] : ["--workers", WORKERS]), "--deadline", String(DEADLINE_MS), "--rate-limit", "0", "--api-rate-limit", "0"],
    { PORT: "0" },
  );
  try {
    await settle(server.url, server.child.pid!);
    const loadSeconds = (performance.now() - started) / 1000;
    const idleSamples: number[] = [];
    for (let i = 0; i < 20; i++) await timedGet(server.url + SIMPLE[i % 2]!, {}, ANOTHER_USER);
    for (let i = 0; i < IDLE_REQUESTS; i++) idleSamples.push((await timedGet(server.url + SIMPLE[i % 2]!, {}, ANOTHER_USER)).ms);

    let attacking = true;
    const attacks = Object.entries(PATHOLOGICAL).map(async ([name, query]) => {
      const sent = performance.now();
      const response = await fetch(`${server.url}/sparql`, { method: "POST", headers: { "Content-Type": "application/sparql-query" }, body: query });
      await response.arrayBuffer();
      const ms = performance.now() - sent;
      return { query: name, status: response.status, stoppedAfterMs: round(ms, 0), offByPercent: round(((ms - DEADLINE_MS) / DEADLINE_MS) * 100, 1) };
    });
    const done = Promise.all(attacks).finally(() => (attacking = false));
    // Should a simple request fail below, that is the error to report, not the attacks' sockets closing with the server.
    done.catch(() => {});
    // Let both reach their workers before measuring.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const attackSamples: number[] = [];
    for (let i = 0; attacking; i++) {
      const reply = await timedGet(server.url + SIMPLE[i % 2]!, {}, ANOTHER_USER);
      if (reply.status !== 200) throw new Error(`a simple request answered ${reply.status} under attack: ${reply.body.slice(0, 300)}`);
      attackSamples.push(reply.ms);
    }
    const stops = await done;
    const idle = summarize(idleSamples);
    const underAttack = summarize(attackSamples);
    return {
      triples: TRIPLES,
      loadSeconds: round(loadSeconds, 1),
      deadlineMs: DEADLINE_MS,
      idle: { ...idle, median: round(idle.median), p99: round(idle.p99) },
      underAttack: { ...underAttack, median: round(underAttack.median), p99: round(underAttack.p99) },
      p50Ratio: round(underAttack.median / idle.median),
      p99Ratio: round(underAttack.p99 / idle.p99),
      stops,
    };
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Waits until the server answers like an idle one: workers still loading the graph would make
 * "idle" a busy baseline. Twenty quick answers in a row, the process's memory steady for five
 * seconds (every worker loaded), its CPU quiet for three (the start-up view preparation done: at
 * a million triples it builds the views' model on the main thread for seconds, which is start-up
 * work, not isolation, and is measured by the scale bench), then a last pause.
 */
async function settle(url: string, pid: number): Promise<void> {
  const ask = `${url}${SIMPLE[1]}`;
  let quick = 0;
  const giveUp = performance.now() + 600_000;
  while (quick < 20 && performance.now() < giveUp) {
    const reply = await timedGet(ask);
    quick = reply.status === 200 && reply.ms < 20 ? quick + 1 : 0;
    if (quick === 0) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  // The first worker answers while the others still load: wait until the memory stops growing.
  let last = 0;
  for (let stable = 0; stable < 5 && performance.now() < giveUp; ) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    stable = Math.abs(rss - last) < last * 0.01 ? stable + 1 : 0;
    last = rss;
  }
  const quietFrom = performance.now();
  for (let quiet = 0, last = cpuSeconds(pid); quiet < 3 && performance.now() < giveUp; ) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = cpuSeconds(pid);
    quiet = now - last < 0.05 ? quiet + 1 : 0;
    last = now;
  }
  console.error(`isolation: the server's CPU was quiet ${round((performance.now() - quietFrom) / 1000, 1)} s after its memory settled`);
  await new Promise((resolve) => setTimeout(resolve, 5_000));
}

/** CPU time the process has used, all threads (utime + stime, in clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export function printIsolationBench(result: IsolationResult): void {
  console.log(`\nIsolation: ${result.triples} generated triples (server up and settled in ${result.loadSeconds} s), deadline ${result.deadlineMs} ms`);
  console.table([
    { when: "idle", ...result.idle },
    { when: "under attack", ...result.underAttack },
  ]);
  console.log(`p50 ratio ${result.p50Ratio}, p99 ratio ${result.p99Ratio}`);
  console.table(result.stops);
}

if (import.meta.url === `file://${process.argv[1]}`) printIsolationBench(await runIsolationBench());
