/**
 * Measuring helpers
 * =================
 * Spawning a server process and waiting for its listening line, timing sequential requests over
 * one keep-alive connection, and summarising samples (median, p99).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { Agent, request } from "node:http";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const TSX_CLI = fileURLToPath(new URL("../node_modules/tsx/dist/cli.mjs", import.meta.url));

export interface Spawned {
  url: string;
  child: ChildProcess;
  /** Milliseconds from spawn to the listening line. */
  listeningMs: number;
  stop: () => Promise<void>;
}

/** Starts `node ...args` and resolves with the URL from its "... listening on URL" line. */
export function spawnServer(args: string[], env: Record<string, string> = {}): Promise<Spawned> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (data: Buffer) => (stderr += data));
  return new Promise((resolve, reject) => {
    let stdout = "";
    child.stdout!.on("data", (data: Buffer) => {
      stdout += data;
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (match) {
        resolve({
          url: match[1]!,
          child,
          listeningMs: performance.now() - started,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once("exit", () => done());
              child.kill("SIGTERM");
            }),
        });
      }
    });
    child.once("exit", (code) => reject(new Error(`${args.join(" ")} exited with ${code}: ${stderr}`)));
  });
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

export interface Reply {
  status: number;
  body: string;
  ms: number;
}

/** One GET over a kept-alive connection, timed from send to the last byte. */
/** `via`: another keep-alive agent (one bound to another local address, say). */
export function timedGet(url: string, headers: Record<string, string> = {}, via: Agent = agent): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(url, { agent: via, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, ms: performance.now() - started }));
    });
    req.on("error", reject);
    req.end();
  });
}

export interface Summary {
  median: number;
  p99: number;
  n: number;
}

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p99: at(0.99), n: sorted.length };
}

/** Sequential timed GETs after a warm-up; fails loudly on a non-2xx answer. */
export async function latency(url: string, count: number, headers: Record<string, string> = {}): Promise<Summary> {
  for (let i = 0; i < Math.min(10, count); i++) await expectOk(url, headers);
  const samples: number[] = [];
  for (let i = 0; i < count; i++) samples.push((await expectOk(url, headers)).ms);
  return summarize(samples);
}

async function expectOk(url: string, headers: Record<string, string>): Promise<Reply> {
  const reply = await timedGet(url, headers);
  if (reply.status >= 300) throw new Error(`${url} answered ${reply.status}: ${reply.body.slice(0, 200)}`);
  return reply;
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));
