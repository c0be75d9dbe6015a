/**
 * Answer streams
 * ==============
 * How a streamed answer crosses from an Oxigraph worker to the main thread: over a MessagePort
 * of its own, sent with the request. The main thread pulls one chunk at a time (`pull`), and
 * only when the client has taken the last one, so a client that stops reading stops the worker
 * producing: at most one chunk waits on each side. `cancel` (or the port closing) drops the
 * producer and what it holds; the worker ending closes the port, which the reader reports.
 *
 * The worker is free for other requests once the query has run: the chunks are produced between
 * them, from the engine's result text, which the worker holds until the answer ends or is
 * dropped (Oxigraph's JavaScript API returns a query's results whole; it has no cursor).
 */
import type { MessagePort } from "node:worker_threads";
import type { AnswerChunks, ChunkOutcome } from "./engine.ts";

type ToWorker = { type: "pull" } | { type: "cancel" };
type ToReader = { type: "chunk"; text: string } | { type: "end"; outcome: ChunkOutcome } | { type: "failure"; message: string };

/** The answer's worker stopped (deadline, memory cap, crash) before it ended. */
export class AnswerBrokenError extends Error {
  constructor(detail: string) {
    super(`The answer stopped before its end: ${detail}`);
    this.name = "AnswerBrokenError";
  }
}

/** Worker side: hands out `chunks` one per pull until they end or the reader cancels. */
export function serveAnswer(port: MessagePort, chunks: Generator<string, ChunkOutcome>): void {
  const stop = () => {
    port.off("message", onMessage);
    port.close();
  };
  const onMessage = (message: ToWorker) => {
    if (message.type === "cancel") return stop();
    let reply: ToReader;
    try {
      const next = chunks.next();
      reply = next.done ? { type: "end", outcome: next.value } : { type: "chunk", text: next.value };
    } catch (error) {
      reply = { type: "failure", message: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
    // The reader closes the port once it has the end; the generator (and the result text it reads) can go now.
    if (reply.type !== "chunk") port.off("message", onMessage);
  };
  port.on("message", onMessage);
  port.once("close", () => port.off("message", onMessage));
}

/** Main-thread side: the reader a route pulls chunks from. */
export class AnswerReader implements AnswerChunks {
  outcome: ChunkOutcome | undefined;
  private waiting: { resolve: (chunk: string | undefined) => void; reject: (error: Error) => void } | undefined;
  private closed = false;

  constructor(
    private readonly port: MessagePort,
    readonly rowsCut: boolean,
  ) {
    port.on("message", (message: ToReader) => this.onMessage(message));
    port.once("close", () => {
      this.closed = true;
      this.settle(new AnswerBrokenError("the query worker was stopped"));
    });
    // A forgotten reader must not keep the process alive.
    port.unref();
  }

  next(): Promise<string | undefined> {
    if (this.outcome) return Promise.resolve(undefined);
    if (this.closed) return Promise.reject(new AnswerBrokenError("the answer was cancelled or its worker stopped"));
    if (this.waiting) return Promise.reject(new Error("AnswerReader.next: one chunk at a time"));
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.port.postMessage({ type: "pull" } satisfies ToWorker);
    });
  }

  cancel(): void {
    if (this.closed) return;
    this.closed = true;
    this.port.postMessage({ type: "cancel" } satisfies ToWorker);
    this.port.close();
  }

  private onMessage(message: ToReader): void {
    if (message.type === "chunk") return this.settle(undefined, message.text);
    this.closed = true;
    this.port.close();
    if (message.type === "failure") return this.settle(new AnswerBrokenError(message.message));
    this.outcome = message.outcome;
    this.settle(undefined, undefined);
  }

  private settle(error: Error | undefined, chunk?: string): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    if (!waiting) return;
    if (error) waiting.reject(error);
    else waiting.resolve(chunk);
  }
}
