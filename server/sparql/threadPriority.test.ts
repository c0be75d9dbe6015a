/**
 * Thread priority of the query workers
 * ====================================
 * The real worker pool: a request that runs long drops its worker's thread to the lowest CPU
 * priority, and the thread goes back to normal when the request ends, or its replacement does
 * once loaded. Read from Linux's per-thread nice values in /proc/self/task. Where the process may
 * not raise a priority back (no CAP_SYS_NICE, RLIMIT_NICE too low) nothing is lowered and these
 * are skipped, with the reason.
 */
import { readdirSync, readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { generatedTriples } from "../test/testServer.ts";
import { EmbeddedEngine } from "./embeddedEngine.ts";
import { DeadlineError } from "./errors.ts";
import { ThreadPriority } from "./threadPriority.ts";

const available = new ThreadPriority().available;
if (!available) console.warn("Skipping the thread-priority tests: this process may not raise a thread's priority back (Linux, CAP_SYS_NICE or RLIMIT_NICE needed).");

let engine: EmbeddedEngine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

/** Threads of this process at the lowest priority (nice 19). */
function lowThreads(): number {
  let count = 0;
  for (const task of readdirSync("/proc/self/task")) {
    try {
      const stat = readFileSync(`/proc/self/task/${task}/stat`, "utf8");
      // Fields after the command name (in parentheses, which may hold spaces): nice is the 17th.
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]) === 19) count++;
    } catch {
      // The thread ended meanwhile.
    }
  }
  return count;
}

/** Runs `work`, sampling lowThreads() every 20 ms meanwhile; the most seen at once. */
async function mostLowWhile(work: Promise<unknown>): Promise<number> {
  let most = 0;
  let running = true;
  void work.finally(() => (running = false)).catch(() => {});
  while (running) {
    most = Math.max(most, lowThreads());
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return most;
}

describe.skipIf(!available)("a query worker's CPU priority", () => {
  it("drops to the lowest while a request runs long, and is back to normal once it ends", async () => {
    engine = await EmbeddedEngine.start({ chunks: [generatedTriples(1_000)], workers: 1, deadlineMs: 30_000, rowCap: 10, spare: "none", longMs: 100 });
    expect(lowThreads()).toBe(0);
    const long = engine.select("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }");
    expect(await mostLowWhile(long)).toBe(1);
    expect((await long).rows[0]!.n!.value).toBe(String(1_000 * 1_000));
    expect(lowThreads()).toBe(0);
  });

  it("is normal again in the worker that replaces one stopped at its deadline, once that one has loaded", async () => {
    engine = await EmbeddedEngine.start({ chunks: [generatedTriples(2_000)], workers: 1, deadlineMs: 30_000, rowCap: 10, spare: "none", longMs: 100 });
    const runaway = engine.select("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", { deadlineMs: 800 });
    expect(await mostLowWhile(runaway)).toBe(1);
    expect(await runaway.catch((error: unknown) => error)).toBeInstanceOf(DeadlineError);
    // Answered by the replacement, which loaded at the lowest priority and was raised when ready.
    expect(await engine.ask("ASK { ?s ?p ?o }")).toBe(true);
    expect(lowThreads()).toBe(0);
  });
});
