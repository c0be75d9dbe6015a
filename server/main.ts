/**
 * Composition root
 * ================
 * config → load the datasets → start the query engine (embedded, or an external SPARQL endpoint)
 * → app → listen. The only file that reads argv and the environment. Prints one line,
 * `Caspian listening on http://HOST:PORT`, and shuts down cleanly on SIGINT/SIGTERM.
 */
import type { AddressInfo } from "node:net";
import { createApp } from "./app.ts";
import { ConfigError, parseConfig, USAGE, type Config } from "./config.ts";
import type { UploadRouteDeps } from "./http/uploadRoutes.ts";
import { setViewProfile } from "./graph/viewProfile.ts";
import { DEFAULT_SOURCES, intoGraph, loadDatasets, toChunks, type DatasetFile } from "./rdf/loadDatasets.ts";
import { UploadStore } from "./rdf/uploadStore.ts";
import type { QueryEngine } from "./sparql/engine.ts";

/** Stores above this many triples get their graph model read at start (see "listening"). */
const PREPARE_VIEWS_ABOVE = 200_000;

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

  const { engine, datasets, uploads } = await startEngine(config);
  setViewProfile(engine, config.profile);
  const app = createApp({ engine, config, datasets, rateLimit: { sparqlPerMinute: config.rateLimit }, uploads });

  const server = app.listen(config.port, config.host);
  server.on("error", (error: NodeJS.ErrnoException) => {
    console.error(`Cannot listen on ${config.host}:${config.port}: ${error.code === "EADDRINUSE" ? "the port is in use; pick another with PORT or --port (0 picks a free one)" : error.message}`);
    void engine.close().then(() => process.exit(1));
  });
  server.on("listening", () => {
    const { port } = server.address() as AddressInfo;
    const host = config.host.includes(":") ? `[${config.host}]` : config.host;
    console.log(`Caspian listening on http://${host}:${port}`);
    // A large store's graph model is read now, not on the first visitor's request: at a million
    // triples it takes seconds. A failure is only logged; the first request tries again.
    void engine
      .tripleCount()
      .then(async (triples) => {
        if (triples < PREPARE_VIEWS_ABOVE || stopping) return;
        const { readGraphModel } = await import("./graph/graphModel.ts");
        await readGraphModel(engine);
      })
      .catch((error: unknown) => {
        if (!stopping) console.error(`Could not prepare the graph view: ${(error as Error).message}`);
      });
  });

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    void engine.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

/**
 * The embedded store on the loaded files and the uploads kept in the data directory, or an
 * external endpoint (loaded lazily: each pulls in its own dependencies).
 */
async function startEngine(config: Config): Promise<{ engine: QueryEngine; datasets: { files: DatasetFile[] }; uploads?: UploadRouteDeps }> {
  const options = { deadlineMs: config.deadlineMs, rowCap: config.rowCap };
  if (config.sparqlEndpoint) {
    const { HttpSparqlEngine } = await import("./sparql/httpEngine.ts");
    const credentials = config.sparqlUser ? { user: config.sparqlUser, password: config.sparqlPassword ?? "" } : undefined;
    const engine = new HttpSparqlEngine({ endpoint: config.sparqlEndpoint, updateEndpoint: config.sparqlUpdateEndpoint, credentials, ...options });
    if (!config.sparqlUpdateEndpoint) return { engine, datasets: { files: [] } };
    // Uploads go to the external store; the data directory keeps only the list (and a copy).
    const { store } = await UploadStore.open(config.dataDir);
    return { engine, datasets: { files: [] }, uploads: { store, loader: engine, adminToken: config.adminToken, limit: config.uploadLimit } };
  }
  const datasets = await loadDatasets([...(config.defaultData ? DEFAULT_SOURCES : []), ...config.data]);
  const { store, loaded } = await UploadStore.open(config.dataDir);
  for (const file of store.quarantined) console.error(`Moved ${file.file} in ${config.dataDir} to quarantine/: it ${file.reason}.`);
  for (const { dataset, quads } of loaded) datasets.chunks.push(...toChunks(intoGraph(quads, dataset.graph)));
  const { EmbeddedEngine } = await import("./sparql/embeddedEngine.ts");
  const engine = await EmbeddedEngine.start({ chunks: datasets.chunks, workers: config.workers, ...options });
  return { engine, datasets, uploads: { store, loader: engine, adminToken: config.adminToken, limit: config.uploadLimit, limits: { triples: config.uploadTriples, timeMs: config.uploadTimeoutMs }, files: datasets.files } };
}

main().catch((error: unknown) => {
  // Data and startup errors already say where and what (file and line); no stack needed.
  const coded = error as { code?: unknown; message?: string };
  console.error(typeof coded.code === "string" && coded.message ? coded.message : error);
  process.exit(1);
});
