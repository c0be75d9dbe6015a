/**
 * TypeScript worker threads
 * =========================
 * Starts a worker thread on a .ts module. Node 20 does not apply `--import tsx` to a worker's
 * entry module, so a two-line bootstrap registers tsx's loader inside the worker and then
 * imports the real file. tsx is resolved from here, so any working directory works.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";

let tsxApi: string | undefined;

export function startTypeScriptWorker(module: URL, options: Omit<WorkerOptions, "eval"> = {}): Worker {
  tsxApi ??= resolveEsmExport("tsx", "./esm/api");
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/** The ESM file a package exports under `subpath` (require.resolve would give the CommonJS one). */
export function resolveEsmExport(name: string, subpath: string): string {
  const manifestPath = createRequire(import.meta.url).resolve(`${name}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { exports: Record<string, { import: { default: string } }> };
  const target = manifest.exports[subpath]?.import.default;
  if (!target) throw new Error(`${name} does not export ${subpath} for import`);
  return pathToFileURL(join(dirname(manifestPath), target)).href;
}
