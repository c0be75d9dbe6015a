/**
 * Composition root
 * ================
 * config → list the datasets → start the query engine (embedded, or an external SPARQL endpoint)
 * → app → listen. The only file that reads argv and the environment. The port is bound while the
 * embedded store still loads (health answers "loading" with progress, other requests wait for the
 * store); once it answers, one line says `Caspian listening on http://HOST:PORT`. A long load
 * prints progress lines on stderr. Shuts down cleanly on SIGINT/SIGTERM.
 */
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { createApp, DEFAULT_SOURCE_DIR } from "./app.ts";
import { ConfigError, parseConfig, USAGE, type Config } from "./config.ts";
import type { UploadRouteDeps } from "./http/uploadRoutes.ts";
import { ViewAnswerCache, viewFingerprint } from "./graph/viewAnswerCache.ts";
import { ViewThread } from "./graph/viewRunner.ts";
import { attachViews } from "./graph/viewState.ts";
import { countTriples, DEFAULT_SOURCES, intoGraph, planDatasets, toChunks, type DatasetFile, type StoreSource } from "./rdf/loadDatasets.ts";
import { UploadStore } from "./rdf/uploadStore.ts";
import type { QueryEngine } from "./sparql/engine.ts";
import { inBackground } from "./sparql/lanes.ts";

/** Stores above this many triples get their graph model read at start (see "listening"). */
const PREPARE_VIEWS_ABOVE = 200_000;

/** Each query worker's JavaScript heap (results as strings); its WASM memory is --query-memory's. */
const WORKER_HEAP_MB = 1024;

async function main(): Promise<void> {
  let config;
  try {
    config = parseConfig(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
  if (config === "help") {
    console.log(USAGE);
    return;
  }

  const { engine, datasets, uploads, ready, settled, loadedFrom } = await startEngine(config);
  attachViews(engine, { profile: config.profile });
  // The explorer's views run in their own thread (server/graph/viewThread.ts).
  const viewThread = new ViewThread(engine, { sourceDir: DEFAULT_SOURCE_DIR });
  // An external store's data can change behind the server's back: its answers are never kept.
  const views =
    loadedFrom && config.keepViewAnswers !== "off"
      ? new ViewAnswerCache(viewThread, {
          engine,
          folder: join(config.dataDir, "view-answers"),
          fingerprint: await viewFingerprint({ files: loadedFrom, settings: { profile: config.profile, rowCap: config.rowCap } }),
          loaded: ready,
          minTriples: config.keepViewAnswers,
        })
      : viewThread;
  const app = createApp({ engine, views, config, datasets, rateLimit: { sparqlPerMinute: config.rateLimit, apiPerMinute: config.apiRateLimit }, uploads, requestLog: config.quiet ? undefined : process.stdout });

  const server = app.listen(config.port, config.host);
  server.on("error", (error: NodeJS.ErrnoException) => {
    console.error(`Cannot listen on ${config.host}:${config.port}: ${error.code === "EADDRINUSE" ? "the port is in use; pick another with PORT or --port (0 picks a free one)" : error.message}`);
    void engine.close().then(() => process.exit(1));
  });
  server.on("listening", () => {
    const { port } = server.address() as AddressInfo;
    const host = config.host.includes(":") ? `[${config.host}]` : config.host;
    const progress = reportProgress(engine);
    if (engine.loadProgress?.()) console.error(`Caspian is loading the store; http://${host}:${port}/api/v1/health says how far`);
    ready.then(
      () => {
        clearInterval(progress);
        console.log(`Caspian listening on http://${host}:${port}`);
        void (settled ?? ready).then(prepareViews, () => {});
      },
      (error: unknown) => {
        clearInterval(progress);
        const coded = error as { code?: unknown; message?: string };
        console.error(typeof coded.code === "string" && coded.message ? coded.message : error);
        server.close();
        void engine.close().then(() => process.exit(1));
      },
    );
  });

  // A large store's graph model is read now, not on the first visitor's request: at a million
  // triples it takes seconds. Its queries run in the background lane, behind any user request.
  // A failure is only logged; the first request tries again.
  const prepareViews = (): void => {
    void inBackground(async () => {
      const triples = await engine.tripleCount();
      if (triples < PREPARE_VIEWS_ABOVE || stopping) return;
      await views.run("prepare", {});
    }).catch((error: unknown) => {
      if (!stopping) console.error(`Could not prepare the graph view: ${(error as Error).message}`);
    });
  };

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    void Promise.all([views.close(), engine.close()]).then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

/**
 * The embedded store on the loaded files and the uploads kept in the data directory, or an
 * external endpoint (loaded lazily: each pulls in its own dependencies).
 */
interface Started {
  engine: QueryEngine;
  datasets: { files: DatasetFile[] };
  uploads?: UploadRouteDeps;
  /** Resolves when the store answers (rejects with the load error). */
  ready: Promise<void>;
  /** Resolves when every worker has loaded: background work waits for it, so it never holds the only one. */
  settled?: Promise<void>;
  /** Every file the data was loaded from, uploads included; absent for an external store. */
  loadedFrom?: string[];
}

async function startEngine(config: Config): Promise<Started> {
  const options = { deadlineMs: config.deadlineMs, rowCap: config.rowCap };
  if (config.sparqlEndpoint) {
    const { HttpSparqlEngine } = await import("./sparql/httpEngine.ts");
    const credentials = config.sparqlUser ? { user: config.sparqlUser, password: config.sparqlPassword ?? "" } : undefined;
    const engine = new HttpSparqlEngine({ endpoint: config.sparqlEndpoint, updateEndpoint: config.sparqlUpdateEndpoint, credentials, ...options });
    const ready = Promise.resolve();
    if (!config.sparqlUpdateEndpoint) return { engine, datasets: { files: [] }, ready };
    // Uploads go to the external store; the data directory keeps only the list (and a copy).
    const { store } = await UploadStore.open(config.dataDir);
    return { engine, datasets: { files: [] }, uploads: { store, loader: engine, adminToken: config.adminToken, limit: config.uploadLimit }, ready };
  }
  // The files are only listed here: each query worker (or Virtuoso's loader) reads them itself.
  const datasets = await planDatasets([...(config.defaultData ? DEFAULT_SOURCES : []), ...config.data]);
  if (config.store === "virtuoso") {
    const { startManagedVirtuoso } = await import("./sparql/virtuosoStore.ts");
    const virtuoso = await startManagedVirtuoso({ dataDir: config.dataDir, sources: datasets.sources, ...options, log: (line) => console.error(line) });
    return { engine: virtuoso.engine, datasets, ready: Promise.resolve(), loadedFrom: filesOf(datasets.sources) };
  }
  const { store, loaded } = await UploadStore.open(config.dataDir);
  for (const file of store.quarantined) console.error(`Moved ${file.file} in ${config.dataDir} to quarantine/: it ${file.reason}.`);
  const uploaded = loaded.flatMap(({ dataset, quads }) => toChunks(intoGraph(quads, dataset.graph)));
  const { EmbeddedEngine } = await import("./sparql/embeddedEngine.ts");
  const engine = EmbeddedEngine.open({ sources: datasets.sources, chunks: uploaded, workers: config.workers, queue: "fair", memoryCapMb: config.queryMemoryMb, heapMb: WORKER_HEAP_MB, ...options });
  const ready = engine.answering.then(() => countTriples(datasets.files, engine.stats.fileTriples));
  ready.catch(() => {});
  const loadedFrom = [...filesOf(datasets.sources), ...loaded.map(({ dataset }) => store.fileOf(dataset.name))];
  return { engine, datasets, uploads: { store, loader: engine, adminToken: config.adminToken, limit: config.uploadLimit, limits: { triples: config.uploadTriples, timeMs: config.uploadTimeoutMs }, files: datasets.files }, ready, settled: engine.ready, loadedFrom };
}

function filesOf(sources: readonly StoreSource[]): string[] {
  return sources.flatMap((source) => (source.kind === "file" ? [source.path] : []));
}

/** Every few seconds while the store loads, one line on stderr: how far, how fast, how long still. */
function reportProgress(engine: QueryEngine): NodeJS.Timeout {
  const timer = setInterval(() => {
    const progress = engine.loadProgress?.();
    if (!progress) return;
    const eta = progress.etaSeconds === undefined ? "" : `, about ${Math.ceil(progress.etaSeconds)} s left`;
    console.error(`Loading the store: ${Math.floor(progress.fraction * 100)}% (${progress.triples.toLocaleString("en")} triples, ${Math.round(progress.triplesPerSecond).toLocaleString("en")} triples/s${eta})`);
  }, 3000);
  timer.unref();
  return timer;
}

main().catch((error: unknown) => {
  // Data and startup errors already say where and what (file and line); no stack needed.
  const coded = error as { code?: unknown; message?: string };
  console.error(typeof coded.code === "string" && coded.message ? coded.message : error);
  process.exit(1);
});
