/**
 * Server under fuzz
 * =================
 * The real app and engine in-process on port 0, over the curated data, with the rate limit off
 * (every request must reach the parser, not the limiter) and a short deadline so a hostile query
 * that runs long ends in the deadline's 503.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_SOURCES } from "../server/rdf/loadDatasets.ts";
import { startTestServer, type TestServer } from "../server/test/testServer.ts";

export async function startFuzzServer(options: { deadlineMs?: number } = {}): Promise<TestServer> {
  const distDir = await mkdtemp(join(tmpdir(), "caspian-fuzz-"));
  await writeFile(join(distDir, "index.html"), "<!doctype html><title>Caspian</title>");
  const server = await startTestServer({ sources: [...DEFAULT_SOURCES], distDir, deadlineMs: options.deadlineMs ?? 3000, spare: true, rateLimit: { sparqlPerMinute: 0, apiPerMinute: 0 } });
  return {
    ...server,
    close: async () => {
      await server.close();
      await rm(distDir, { recursive: true, force: true });
    },
  };
}

/** heapUsed in MB after a full collection, when the process can ask for one. */
export async function settledHeapMb(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return process.memoryUsage().heapUsed / 1024 / 1024;
}
