/**
 * Managed Virtuoso store
 * ======================
 * `--store virtuoso`: the data lives in Debian's Virtuoso Open Source (virtuoso-t) rather than in
 * Oxigraph workers, for data past one process's memory. Caspian keeps the database in
 * `<data dir>/virtuoso/` and:
 * - attaches to a Virtuoso already answering on that database's ports (started by an earlier
 *   Caspian or by hand), or starts virtuoso-t there on loopback;
 * - bulk-loads each data file with Virtuoso's own loader (`ld_dir` + `rdf_loader_run`, reading
 *   the file in place), each into its named graph as the embedded store does (the embedded
 *   ontology and data into urn:caspian:embedded), and records what it loaded (path, size, mtime);
 * - on the next start loads only what is new or changed, so a restart over 10M loaded triples
 *   takes seconds;
 * - serves every view and /sparql through HttpSparqlEngine (Virtuoso's default graph is the union
 *   of all graphs, like the embedded store's), the views' SELECTs read as streamed XML results;
 * - on close checkpoints and shuts down the Virtuoso it started (never one it attached to).
 * The SQL port and the HTTP port are loopback-only; the database keeps Virtuoso's default dba
 * account, reachable only from this machine.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { totalmem } from "node:os";
import { basename, dirname, join } from "node:path";
import { promisify } from "node:util";
import type { StoreSource } from "../rdf/loadDatasets.ts";
import { HttpSparqlEngine } from "./httpEngine.ts";
import { CaspianError } from "../../contract/errors.ts";

const run = promisify(execFile);

const VIRTUOSO_BINARY = ["/usr/bin/virtuoso-t", "/usr/local/bin/virtuoso-t"].find((path) => existsSync(path));
const ISQL = ["/usr/bin/isql-vt", "/usr/local/bin/isql"].find((path) => existsSync(path));
const VSP_ROOT = "/var/lib/virtuoso-opensource-7/vsp";
/** The graph of the embedded ontology and curated data (the embedded store's default graph). */
export const EMBEDDED_GRAPH = "urn:caspian:embedded";
/** Formats Virtuoso's bulk loader reads by extension. */
const LOADABLE = new Set(["text/turtle", "application/n-triples", "application/n-quads", "application/trig", "application/rdf+xml"]);

export class VirtuosoStoreError extends CaspianError {
  readonly code = "VIRTUOSO_STORE";
  constructor(message: string) {
    super(message);
    this.name = "VirtuosoStoreError";
  }
}

export interface ManagedVirtuosoOptions {
  /** Caspian's data directory; the database goes in its virtuoso/ folder. */
  dataDir: string;
  sources: StoreSource[];
  deadlineMs: number;
  rowCap: number;
  /** Progress lines (loading, attaching), one per call. */
  log?: (line: string) => void;
}

export interface ManagedVirtuoso {
  engine: HttpSparqlEngine;
  endpoint: string;
  /** True when this process started virtuoso-t (false: attached to a running one). */
  started: boolean;
  /** Files bulk-loaded by this start (an unchanged file is not loaded again). */
  loaded: string[];
  triples: number;
  close: () => Promise<void>;
}

interface Manifest {
  sqlPort: number;
  httpPort: number;
  /** Loaded files by path: what they were when loaded, and their graph. */
  files: Record<string, { size: number; mtimeMs: number; graph: string }>;
}

export async function startManagedVirtuoso(options: ManagedVirtuosoOptions): Promise<ManagedVirtuoso> {
  if (!VIRTUOSO_BINARY || !ISQL) throw new VirtuosoStoreError("--store virtuoso needs Virtuoso Open Source: apt-get install virtuoso-opensource (virtuoso-t and isql-vt).");
  const log = options.log ?? (() => {});
  const dir = join(options.dataDir, "virtuoso");
  await mkdir(dir, { recursive: true });
  const manifestPath = join(dir, "caspian.json");
  const manifest: Manifest = existsSync(manifestPath) ? (JSON.parse(await readFile(manifestPath, "utf8")) as Manifest) : { sqlPort: await freePort(), httpPort: await freePort(), files: {} };
  // A database folder emptied by hand has nothing loaded, whatever the record says.
  if (!existsSync(join(dir, "virtuoso.db"))) manifest.files = {};
  const files = options.sources.filter((source): source is Extract<StoreSource, { kind: "file" }> => source.kind === "file");
  for (const file of files) if (!LOADABLE.has(file.format)) throw new VirtuosoStoreError(`${file.label}: Virtuoso's bulk loader does not read ${file.format}; convert it to Turtle or N-Triples.`);
  const endpoint = `http://127.0.0.1:${manifest.httpPort}/sparql`;
  const isql = async (sql: string) => (await run(ISQL, [`127.0.0.1:${manifest.sqlPort}`, "dba", "dba", `exec=${sql}`], { timeout: 24 * 3600_000, maxBuffer: 64 << 20 })).stdout;

  let child: ChildProcess | undefined;
  if (await answers(endpoint)) log(`Attached to the Virtuoso already running on ${endpoint}`);
  else {
    // Every data file's folder is readable by the loader (DirsAllowed), so files load in place.
    const allowed = [...new Set([dir, ...files.map((file) => dirname(file.path))])];
    await writeFile(join(dir, "virtuoso.ini"), virtuosoIni({ dir, sqlPort: manifest.sqlPort, httpPort: manifest.httpPort, allowed }));
    child = spawn(VIRTUOSO_BINARY, ["-f", "-c", join(dir, "virtuoso.ini")], { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
    let output = "";
    child.stderr?.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
    await waitUntilAnswering(endpoint, child, () => output);
    log(`Started Virtuoso (virtuoso-t) in ${dir}, SPARQL at ${endpoint}`);
  }
  const close = async () => {
    if (!child || child.exitCode !== null) return;
    // `shutdown` checkpoints first, so the next start finds everything on disk.
    await isql("checkpoint; shutdown;").catch(() => child!.kill("SIGTERM"));
    if (child.exitCode === null) await new Promise((resolve) => child!.once("exit", resolve));
  };

  try {
    const changed: Changed[] = [];
    for (const file of files) {
      const info = await stat(file.path);
      const graph = file.graph ?? EMBEDDED_GRAPH;
      const known = manifest.files[file.path];
      if (!known || known.size !== info.size || known.mtimeMs !== info.mtimeMs || known.graph !== graph) changed.push({ file, graph, size: info.size, mtimeMs: info.mtimeMs, replaces: Boolean(known) });
    }
    if (changed.length) {
      const started = performance.now();
      const megabytes = Math.round(changed.reduce((sum, entry) => sum + entry.size, 0) / 1e6);
      log(`Virtuoso bulk-loading ${changed.length} file${changed.length === 1 ? "" : "s"} (${megabytes} MB): ${changed.map((entry) => entry.file.label).join(", ")} ...`);
      const refused = await bulkLoad(isql, changed);
      if (refused) throw new VirtuosoStoreError(`${refused.label}: Virtuoso's loader refused it: ${refused.error}`);
      for (const entry of changed) manifest.files[entry.file.path] = { size: entry.size, mtimeMs: entry.mtimeMs, graph: entry.graph };
      log(`Virtuoso loaded ${changed.length} file${changed.length === 1 ? "" : "s"} (${megabytes} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    if (changed.length) await isql("checkpoint;");
    const loaded = changed.map((entry) => entry.file.label);
    // Views read SELECTs as streamed XML: Virtuoso writes XML ~8× faster than JSON, and a view's
    // whole-store read at 10M triples is past the longest string V8 can hold.
    const engine = new HttpSparqlEngine({ endpoint, deadlineMs: options.deadlineMs, rowCap: options.rowCap, selectResults: "xml" });
    const triples = await engine.tripleCount();
    const closeEngine = engine.close.bind(engine);
    engine.close = async () => {
      await closeEngine();
      await close();
    };
    return { engine, endpoint, started: child !== undefined, loaded, triples, close: engine.close };
  } catch (error) {
    await close();
    throw error;
  }
}

interface Changed {
  file: Extract<StoreSource, { kind: "file" }>;
  graph: string;
  size: number;
  mtimeMs: number;
  /** Loaded before with other contents. */
  replaces: boolean;
}

/**
 * The new and changed files through the bulk loader in one run: every file is registered
 * (ld_dir), then one rdf_loader_run loads them all, so the forty small curated files cost one
 * loader start rather than forty. Returns the first file the loader refused, with its error.
 */
async function bulkLoad(isql: (sql: string) => Promise<string>, changed: Changed[]): Promise<{ label: string; error: string } | undefined> {
  const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
  const register = changed.map(({ file, graph, replaces }) => {
    // A changed file replaces its graph; the embedded graph holds several files, so it is not cleared.
    const clear = replaces && graph !== EMBEDDED_GRAPH ? `SPARQL CLEAR GRAPH <${graph}>; ` : "";
    // ld_dir registers the file (a re-registration of a loaded file is reset to be loaded again).
    return `${clear}DELETE FROM DB.DBA.load_list WHERE ll_file = ${quote(file.path)}; ld_dir(${quote(dirname(file.path))}, ${quote(basename(file.path))}, ${quote(graph)});`;
  });
  await isql(`${register.join(" ")} rdf_loader_run();`);
  for (const { file } of changed) {
    const report = await isql(`SELECT ll_state, ll_error FROM DB.DBA.load_list WHERE ll_file = ${quote(file.path)};`);
    const row = report.split("\n").find((line) => /^\s*\d+\s/.test(line));
    if (!row) return { label: file.label, error: `the loader has no record of ${file.path}` };
    const [, state, error] = /^\s*(\d+)\s+(.*)$/.exec(row) ?? [];
    if (state !== "2" || (error && !/NULL/.test(error))) return { label: file.label, error: error?.trim() || `state ${state}` };
  }
  return undefined;
}

export interface VirtuosoIniOptions {
  dir: string;
  sqlPort: number;
  httpPort: number;
  /** Folders the bulk loader may read. */
  allowed: string[];
  /** "small" for throwaway test databases; "large" (default) for the managed store. */
  size?: "small" | "large";
}

/**
 * Page buffers for the managed store, from this machine's memory. Virtuoso's own ini sizes them
 * at about 85,000 buffers per GB it may take (170,000 for 2 GB free ... 2,720,000 for 32 GB,
 * about 12 KB each with their overhead), for a machine given to Virtuoso alone. Caspian shares
 * the machine with its own server and whatever else runs there, so it gives Virtuoso a quarter
 * of the memory (24 GiB: 6 GiB, about 550,000 buffers, enough to keep 10M triples' database
 * of ~1.5 GB in memory), between 1 GiB and 16 GiB. MaxDirtyBuffers is three quarters of it, as
 * in Virtuoso's table: the bulk loader writes pages back before the pool fills with dirty ones.
 */
export function bufferSizing(memoryBytes = totalmem()): { buffers: number; dirty: number } {
  const gib = Math.min(16, Math.max(1, memoryBytes / 4 / 2 ** 30));
  const buffers = Math.round((gib * 85_000) / 1000) * 1000;
  return { buffers, dirty: Math.round((buffers * 0.75) / 1000) * 1000 };
}

/** A virtuoso.ini for a database in `dir`, listening on loopback only. */
export function virtuosoIni(options: VirtuosoIniOptions): string {
  const { dir } = options;
  const large = options.size !== "small";
  const { buffers, dirty } = large ? bufferSizing() : { buffers: 10_000, dirty: 6_000 };
  return `[Database]
DatabaseFile = ${dir}/virtuoso.db
ErrorLogFile = ${dir}/virtuoso.log
LockFile = ${dir}/virtuoso.lck
TransactionFile = ${dir}/virtuoso.trx
xa_persistent_file = ${dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
[TempDatabase]
DatabaseFile = ${dir}/virtuoso-temp.db
TransactionFile = ${dir}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:${options.sqlPort}
DisableUnixSocket = 1
CheckpointInterval = 60
DirsAllowed = ., ${options.allowed.join(", ")}
NumberOfBuffers = ${buffers}
MaxDirtyBuffers = ${dirty}
MaxQueryMem = ${large ? "2G" : "500M"}
ThreadsPerQuery = 2
[HTTPServer]
ServerPort = 127.0.0.1:${options.httpPort}
ServerRoot = ${VSP_ROOT}
MaxClientConnections = ${large ? 8 : 5}
ServerThreads = ${large ? 8 : 5}
[SPARQL]
ResultSetMaxRows = ${large ? 10_000_000 : 100_000}
MaxQueryExecutionTime = ${large ? 600 : 60}
${large ? "MaxSortedTopRows = 10000000" : "DefaultQuery = select distinct ?Concept where {[] a ?Concept} LIMIT 100"}
`;
}

async function answers(endpoint: string): Promise<boolean> {
  return fetch(`${endpoint}?query=${encodeURIComponent("ASK { }")}`, { headers: { Accept: "application/sparql-results+json" }, signal: AbortSignal.timeout(2_000) }).then(
    (response) => response.ok,
    () => false,
  );
}

async function waitUntilAnswering(endpoint: string, child: ChildProcess, output: () => string): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new VirtuosoStoreError(`virtuoso-t exited (${child.exitCode}): ${output()}`);
    if (await answers(endpoint)) return;
    if (Date.now() - started > 120_000) {
      child.kill("SIGTERM");
      throw new VirtuosoStoreError(`Virtuoso did not answer on ${endpoint} within 120 s: ${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** A port free on loopback now. */
export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
