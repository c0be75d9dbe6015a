/**
 * Fuzz run
 * ========
 * Sends the hostile requests to a running server a few at a time over raw node:http (so invalid
 * bytes and wrong lengths go out as written) and sorts the answers: what each category got, and
 * every answer that breaks the rule — a 5xx other than the deadline's 503, or a 4xx without a
 * message. `npm run fuzz` runs the full size against a fresh server (fuzz/main.ts).
 */
import { Agent, request } from "node:http";
import { hostileRequests, type HostileRequest } from "./hostileRequests.ts";

export interface FuzzAnswer {
  category: string;
  status: number;
  body: string;
}

export interface FuzzReport {
  sent: number;
  byStatus: Record<string, number>;
  byCategory: Record<string, Record<string, number>>;
  /** Milliseconds spent waiting on each category's answers, summed. */
  msByCategory: Record<string, number>;
  /** Answers that break the rule, with what was sent (shortened). */
  failures: { category: string; status: number; request: string; body: string }[];
}

function send(base: URL, agent: Agent, hostile: HostileRequest): Promise<FuzzAnswer> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: base.hostname,
        port: base.port,
        method: hostile.method,
        path: hostile.path,
        agent,
        headers: { ...hostile.headers, ...(hostile.body ? { "Content-Length": String(hostile.body.length) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.length < 64 && chunks.push(chunk));
        res.on("end", () => resolve({ category: hostile.category, status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8").slice(0, 2000) }));
        res.on("error", () => resolve({ category: hostile.category, status: -1, body: "response aborted" }));
      },
    );
    // The server may answer (413) and close before the whole body is written: the answer counts.
    req.on("error", (error) => resolve({ category: hostile.category, status: -1, body: `connection error: ${error.message}` }));
    // A reset that lands after the answer was read is the client's socket's, not the request's.
    req.on("socket", (socket) => socket.listenerCount("error") === 0 && socket.on("error", () => {}));
    req.end(hostile.body);
  });
}

/**
 * A 4xx with a message, or the deadline's 503; a possibly valid request may also get its 200.
 * Node itself refuses a request line over its 16 KB header limit with a bare 431 before any
 * route runs: its status line is the message.
 */
export function breaksRule(hostile: Pick<HostileRequest, "mayBeValid">, answer: FuzzAnswer): boolean {
  if (answer.status === 503) return !/DEADLINE/.test(answer.body);
  if (answer.status === 431) return false;
  if (answer.status >= 400 && answer.status < 500) return answer.body.trim().length === 0;
  if (answer.status >= 200 && answer.status < 300) return !hostile.mayBeValid;
  return true;
}

export async function runFuzz(url: string, options: { seed: number; count: number; concurrency?: number }): Promise<FuzzReport> {
  const base = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency ?? 8 });
  const report: FuzzReport = { sent: 0, byStatus: {}, byCategory: {}, msByCategory: {}, failures: [] };
  const queue = hostileRequests(options.seed, options.count);
  const worker = async () => {
    for (let next = queue.next(); !next.done; next = queue.next()) {
      const hostile = next.value;
      const started = performance.now();
      const answer = await send(base, agent, hostile);
      report.msByCategory[hostile.category] = Math.round((report.msByCategory[hostile.category] ?? 0) + performance.now() - started);
      report.sent++;
      const status = String(answer.status);
      report.byStatus[status] = (report.byStatus[status] ?? 0) + 1;
      const row = (report.byCategory[hostile.category] ??= {});
      row[status] = (row[status] ?? 0) + 1;
      if (breaksRule(hostile, answer)) {
        report.failures.push({
          category: hostile.category,
          status: answer.status,
          request: `${hostile.method} ${hostile.path.slice(0, 200)} ${hostile.body ? hostile.body.subarray(0, 200).toString("utf8") : ""}`,
          body: answer.body.slice(0, 300),
        });
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  agent.destroy();
  return report;
}
