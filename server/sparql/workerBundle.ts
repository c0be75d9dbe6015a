/**
 * Worker entry
 * ============
 * How a worker thread starts (the Oxigraph workers, and the view thread of server/graph). The worker is TypeScript; run through tsx, every worker would
 * transpile its modules again (≈0.3–0.5 s of fixed start each). So the worker and its modules are
 * bundled once per process with esbuild (which vite brings) into one ES module beside
 * node_modules (so `import "oxigraph"` resolves), named by a hash of its code so concurrent
 * processes share it safely. Without esbuild (a production install without dev dependencies) the
 * worker falls back to registering tsx's loader inside the thread.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export interface WorkerEntry {
  /** A file URL, or code to eval. */
  code: string | URL;
  eval: boolean;
  how: "bundle" | "tsx";
}

const OXIGRAPH_WORKER = fileURLToPath(new URL("./oxigraphWorker.ts", import.meta.url));
const CACHE_DIR = fileURLToPath(new URL("../../node_modules/.cache/caspian/", import.meta.url));

const entries = new Map<string, WorkerEntry>();

/** The entry for the Oxigraph worker, built on first use. */
export function oxigraphWorkerEntry(): WorkerEntry {
  return workerEntry(OXIGRAPH_WORKER);
}

/** The entry for the worker whose TypeScript source is `source` (a path), built on first use. */
export function workerEntry(source: string): WorkerEntry {
  let entry = entries.get(source);
  if (!entry) entries.set(source, (entry = bundled(source) ?? viaTsx(source)));
  return entry;
}

function bundled(source: string): WorkerEntry | undefined {
  if (process.env.CASPIAN_WORKER_TSX === "1") return undefined;
  let esbuild: typeof import("esbuild");
  try {
    esbuild = createRequire(import.meta.url)("esbuild") as typeof import("esbuild");
  } catch {
    return undefined;
  }
  const result = esbuild.buildSync({ entryPoints: [source], bundle: true, platform: "node", format: "esm", target: "node20", packages: "external", write: false, logLevel: "silent" });
  return cached(source, result.outputFiles[0]!.text);
}

/**
 * Like workerEntry, for a worker whose modules find files beside themselves (`new URL("./x/",
 * import.meta.url)`): in one bundle every module would see the bundle's URL, so each module's
 * `import.meta.url` is written in as its own file's URL (an esbuild plugin, hence async).
 */
export async function workerEntryKeepingUrls(source: string): Promise<WorkerEntry> {
  const known = entries.get(source);
  if (known) return known;
  let entry: WorkerEntry | undefined;
  if (process.env.CASPIAN_WORKER_TSX !== "1") {
    try {
      const esbuild = createRequire(import.meta.url)("esbuild") as typeof import("esbuild");
      const ownUrls: import("esbuild").Plugin = {
        name: "own-import-meta-url",
        setup(build) {
          build.onLoad({ filter: /\.ts$/ }, (args) => ({
            contents: readFileSync(args.path, "utf8").replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href)),
            loader: "ts",
          }));
        },
      };
      const result = await esbuild.build({ entryPoints: [source], bundle: true, platform: "node", format: "esm", target: "node20", packages: "external", write: false, logLevel: "silent", plugins: [ownUrls] });
      entry = cached(source, result.outputFiles[0]!.text);
    } catch {
      entry = undefined;
    }
  }
  entry ??= viaTsx(source);
  entries.set(source, entry);
  return entry;
}

/** The bundle written once into the cache folder, named by its hash. */
function cached(source: string, code: string): WorkerEntry {
  const name = basename(source).replace(/\.ts$/, "");
  const file = join(CACHE_DIR, `${name}-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.mjs`);
  if (!existsSync(file)) {
    mkdirSync(CACHE_DIR, { recursive: true });
    // Written aside and renamed: another process starting at the same moment never reads half a file.
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, code);
    renameSync(partial, file);
  }
  return { code: pathToFileURL(file), eval: false, how: "bundle" };
}

// Node 20 does not apply `--import tsx` to a worker's entry module, so a two-line bootstrap
// registers tsx's loader inside the worker and then imports the real file.
function viaTsx(source: string): WorkerEntry {
  const tsx = resolveEsmExport("tsx", "./esm/api");
  const worker = pathToFileURL(source).href;
  return { code: `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker)}); });`, eval: true, how: "tsx" };
}

/** The ESM file a package exports under `subpath` (require.resolve would give the CommonJS one). */
function resolveEsmExport(name: string, subpath: string): string {
  const manifestPath = createRequire(import.meta.url).resolve(`${name}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { exports: Record<string, { import: { default: string } }> };
  const target = manifest.exports[subpath]?.import.default;
  if (!target) throw new Error(`${name} does not export ${subpath} for import`);
  return pathToFileURL(join(dirname(manifestPath), target)).href;
}
