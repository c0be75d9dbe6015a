/**
 * Throwaway Virtuoso
 * ==================
 * Starts Virtuoso Open Source (Debian's virtuoso-t) on loopback with a fresh database in a
 * temporary folder and free ports, loads Turtle files into a graph with the bulk loader (isql
 * `ld_dir` + `rdf_loader_run`), and stops and removes it all afterwards. For tests and benchmarks
 * that check Caspian as a front end to an external SPARQL store.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import { freePort, virtuosoIni } from "../../server/sparql/virtuosoStore.ts";

const run = promisify(execFile);

export const VIRTUOSO_BINARY = ["/usr/bin/virtuoso-t", "/usr/local/bin/virtuoso-t"].find((path) => existsSync(path));
const ISQL = ["/usr/bin/isql-vt", "/usr/local/bin/isql"].find((path) => existsSync(path));

export interface Virtuoso {
  /** The SPARQL endpoint (read). */
  endpoint: string;
  /** The authenticated endpoint for updates (Digest auth in Virtuoso; dba/dba here). */
  isql: (sql: string) => Promise<string>;
  /** The database folder (Virtuoso may read files here: DirsAllowed). */
  dir: string;
  stop: () => Promise<void>;
}

export async function startVirtuoso(): Promise<Virtuoso> {
  if (!VIRTUOSO_BINARY || !ISQL) throw new Error("virtuoso-t or isql-vt is not installed (apt-get install virtuoso-opensource)");
  const dir = await mkdtemp(join(tmpdir(), "caspian-virtuoso-"));
  const [sqlPort, httpPort] = [await freePort(), await freePort()];
  await writeFile(join(dir, "virtuoso.ini"), virtuosoIni({ dir, sqlPort, httpPort, allowed: [dir], size: "small" }));
  const child: ChildProcess = spawn(VIRTUOSO_BINARY, ["-f", "-c", join(dir, "virtuoso.ini")], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const endpoint = `http://127.0.0.1:${httpPort}/sparql`;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
    await rm(dir, { recursive: true, force: true });
  };
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`virtuoso-t exited (${child.exitCode}): ${output.slice(-2000)}`);
    }
    const ok = await fetch(`${endpoint}?query=${encodeURIComponent("ASK { }")}`, { headers: { Accept: "application/sparql-results+json" } }).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() - started > 60_000) {
      await stop();
      throw new Error(`Virtuoso did not answer on ${endpoint} within 60 s: ${output.slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  const isql = async (sql: string) => (await run(ISQL, [`127.0.0.1:${sqlPort}`, "dba", "dba", `exec=${sql}`], { timeout: 120_000 })).stdout;
  return { endpoint, isql, dir, stop };
}

/** Copies the files into the database folder and bulk-loads them into `graph`. */
export async function loadIntoVirtuoso(virtuoso: Virtuoso, files: string[], graph: string): Promise<string> {
  for (const file of files) await copyFile(file, join(virtuoso.dir, basename(file)));
  const dir = virtuoso.dir;
  return await virtuoso.isql(`ld_dir('${dir}', '*.ttl', '${graph}'); ld_dir('${dir}', '*.nt', '${graph}'); rdf_loader_run(); checkpoint; select ll_file, ll_state, ll_error from DB.DBA.load_list;`);
}
