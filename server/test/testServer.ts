/**
 * Test server
 * ===========
 * Starts the real app with the real embedded engine on port 0, from inline RDF or from files,
 * and returns its URL with its own cleanup. Used by tests of every HTTP route.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp, type AppDeps } from "../app.ts";
import type { UploadRouteDeps } from "../http/uploadRoutes.ts";
import { intoGraph, loadDatasets, toChunks, type LoadedDatasets } from "../rdf/loadDatasets.ts";
import { UploadStore } from "../rdf/uploadStore.ts";
import { EmbeddedEngine } from "../sparql/embeddedEngine.ts";
import type { QueryEngine } from "../sparql/engine.ts";
import type { ViewRunner } from "../graph/viewRunner.ts";

export interface TestServerOptions {
  /** Inline documents, keyed by file name (the extension picks the syntax): { "a.trig": "..." }. */
  documents?: Record<string, string>;
  /** Files or folders to load, e.g. DEFAULT_SOURCES for the curated data. */
  sources?: string[];
  deadlineMs?: number;
  rowCap?: number;
  workers?: number;
  /** Keep a loaded spare worker (off by default: most tests never stop a query). */
  spare?: boolean;
  /** Further app settings (answer limit, send timeout, hosts). */
  config?: Partial<AppDeps["config"]>;
  /** Schedule fairly per client (the server's FairScheduler) instead of first come, first served. */
  fair?: boolean;
  /** Stop a query when the process grows this many MB above idle (the memory watchdog). */
  memoryCapMb?: number;
  /** Replace the engine (e.g. one that fails) instead of starting Oxigraph. */
  engine?: QueryEngine;
  distDir?: string;
  log?: AppDeps["log"];
  /** Where the request log goes (none by default). */
  requestLog?: AppDeps["requestLog"];
  /** Per-client limits (app defaults when absent); { sparqlPerMinute: 0 } for tests that send many queries. */
  rateLimit?: AppDeps["rateLimit"];
  /** Serve /api/v1/datasets from an upload store in this folder (its datasets load at start). */
  uploads?: { dir: string; adminToken?: string; limit?: number; limits?: UploadRouteDeps["limits"] };
}

export interface TestServer {
  url: string;
  engine: QueryEngine;
  datasets: LoadedDatasets;
  close: () => Promise<void>;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dir = await mkdtemp(join(tmpdir(), "caspian-test-"));
  const written = await Promise.all(
    Object.entries(options.documents ?? {}).map(async ([name, text]) => {
      const path = join(dir, name);
      await writeFile(path, text);
      return path;
    }),
  );
  const datasets = await loadDatasets([...(options.sources ?? []), ...written]);
  const uploadStore = options.uploads ? await UploadStore.open(options.uploads.dir) : undefined;
  for (const { dataset, quads } of uploadStore?.loaded ?? []) datasets.chunks.push(...toChunks(intoGraph(quads, dataset.graph)));
  const rowCap = options.rowCap ?? 10_000;
  const engine =
    options.engine ??
    (await EmbeddedEngine.start({ chunks: datasets.chunks, workers: options.workers ?? 2, deadlineMs: options.deadlineMs ?? 10_000, rowCap, spare: options.spare ?? false, ...(options.fair ? { queue: "fair" as const } : {}), memoryCapMb: options.memoryCapMb }));
  const app = createApp({ engine, config: { rowCap, ...options.config }, datasets, distDir: options.distDir ?? join(dir, "no-dist"), log: options.log ?? (() => {}), requestLog: options.requestLog, rateLimit: options.rateLimit, uploads: uploadStore && options.uploads ? { store: uploadStore.store, loader: engine instanceof EmbeddedEngine ? engine : undefined, adminToken: options.uploads.adminToken, limit: options.uploads.limit ?? 100 * 1024 * 1024, limits: options.uploads.limits, files: datasets.files } : undefined });
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    engine,
    datasets,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await (app.locals.views as ViewRunner).close();
      await engine.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** count triples over 1000 subjects and 7 predicates: a three-way cartesian product of them never ends in time. */
export function generatedTriples(count: number): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) lines.push(`<http://example.org/s${i % 1000}> <http://example.org/p${i % 7}> "v${i}" .`);
  return lines.join("\n");
}
