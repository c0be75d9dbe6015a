/**
 * Upload store
 * ============
 * Uploaded datasets, kept durably in a data directory (default `.caspian/`), one named graph
 * each. A dataset is its parsed quads as N-Quads in `datasets/NAME.nq`; `index.json` lists them
 * with triple counts, sizes and upload times. Every write goes to a temporary file that is
 * fsynced, renamed over the old one, and then the directory is fsynced, so a crash leaves the old
 * or the new file, never half of one. On open, a file that no longer parses (or that the index
 * cannot account for) is moved to `quarantine/` with the reason, and the rest loads; an index
 * that cannot be read is moved there too and rebuilt from the dataset files. Temporary files a
 * crash left behind are deleted on open. A full disk or a read-only directory is a StorageError
 * (STORAGE_FULL / STORAGE_READ_ONLY) and leaves no partial file; what was stored stays as it was.
 * `snapshot` and `restore` undo a write the query engine then refused, so the file, the index and
 * the engine agree again.
 *
 * Fault injection (tests only, server/faults.test.ts): CASPIAN_TEST_PAUSE_BEFORE_RENAME=ms pauses
 * a dataset write after its temporary file is fsynced and before the rename;
 * CASPIAN_TEST_PAUSE_BEFORE_INDEX=ms pauses after the rename and before index.json is written.
 * Each pause prints `fault hook: pausing before ...` on stderr so a test can kill the process
 * inside that window. Unset, they cost nothing.
 */
import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { Parser, type Quad } from "n3";
import type { QuarantinedFile, UploadedDataset } from "../../contract/api.ts";
import { CaspianError } from "../../contract/errors.ts";

/** An upload as listed and answered (contract/api.ts): its name, graph, size, time and format. */
export type StoredDataset = UploadedDataset;
export type { QuarantinedFile };

export class UploadStoreError extends CaspianError {
  readonly code = "BAD_REQUEST";
  constructor(message: string) {
    super(message);
    this.name = "UploadStoreError";
  }
}

/** The data directory cannot take the write: full (ENOSPC, EDQUOT) or read-only (EROFS, EACCES, EPERM). */
export class StorageError extends CaspianError {
  constructor(
    readonly code: "STORAGE_FULL" | "STORAGE_READ_ONLY",
    message: string,
  ) {
    super(message);
    this.name = "StorageError";
  }
}

const FULL = new Set(["ENOSPC", "EDQUOT"]);
const READ_ONLY = new Set(["EROFS", "EACCES", "EPERM"]);

/** A StorageError for a full or read-only disk; any other error unchanged. */
function asStorageError(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? "";
  if (FULL.has(code)) return new StorageError("STORAGE_FULL", `The data directory (--data-dir) is full (${code}); nothing was stored. Free space there and upload again.`);
  if (READ_ONLY.has(code)) return new StorageError("STORAGE_READ_ONLY", `The data directory (--data-dir) is not writable (${code}); nothing was stored. Make it writable and upload again.`);
  return error;
}

/** Milliseconds of a fault-injection pause from the environment; 0 when unset. */
async function faultPause(variable: string, where: string): Promise<void> {
  const ms = Number(process.env[variable] ?? 0);
  if (!(ms > 0)) return;
  process.stderr.write(`fault hook: pausing before ${where} for ${ms} ms\n`);
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** A stored dataset as it was, to put back (uploadStore.restore). */
export interface DatasetSnapshot {
  dataset: StoredDataset;
  nquads: string;
}

export const DATASET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** The named graph of an uploaded dataset. */
export function uploadGraphIri(name: string): string {
  return `urn:caspian:upload:${name}`;
}

export class UploadStore {
  private readonly datasets = new Map<string, StoredDataset>();
  /** Files moved aside when the store opened, with the reason, for health and the log. */
  readonly quarantined: QuarantinedFile[] = [];

  private constructor(readonly dir: string) {}

  /** The file that holds a stored dataset's N-Quads. */
  fileOf(name: string): string {
    return join(this.dir, "datasets", `${name}.nq`);
  }

  /**
   * Opens (creating) the store and reads every dataset back. Returns the store and the quads of
   * each dataset that survived, for the engine to load.
   */
  static async open(dir: string): Promise<{ store: UploadStore; loaded: { dataset: StoredDataset; quads: Quad[] }[] }> {
    const store = new UploadStore(dir);
    await mkdir(join(dir, "datasets"), { recursive: true });
    const index = await store.readIndex();
    const loaded: { dataset: StoredDataset; quads: Quad[] }[] = [];
    const all = await readdir(join(dir, "datasets"));
    // A temporary file is a write a crash interrupted: never loaded, and its space given back.
    for (const file of all.filter((name) => name.startsWith(".tmp-"))) await rm(join(dir, "datasets", file), { force: true }).catch(() => {});
    const files = new Set(all.filter((file) => !file.startsWith(".tmp-")));
    for (const dataset of index) {
      const file = `${dataset.name}.nq`;
      files.delete(file);
      let quads: Quad[];
      try {
        quads = new Parser({ format: "application/n-quads" }).parse(await readFile(join(dir, "datasets", file), "utf8"));
      } catch (error) {
        await store.quarantine(join("datasets", file), `does not parse as N-Quads (${(error as Error).message})`);
        continue;
      }
      const counted = { ...dataset, triples: quads.length };
      store.datasets.set(dataset.name, counted);
      loaded.push({ dataset: counted, quads });
    }
    for (const stray of files) await store.quarantine(join("datasets", stray), "is not listed in index.json");
    if (store.quarantined.length > 0 || loaded.length !== index.length) {
      // A start never fails on the index alone: the datasets load, and the next write tries again.
      await store.writeIndex().catch((error: unknown) => store.quarantined.push({ file: "index.json", reason: `could not be rewritten (${(error as Error).message})` }));
    }
    return { store, loaded };
  }

  list(): StoredDataset[] {
    return [...this.datasets.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  get(name: string): StoredDataset | undefined {
    return this.datasets.get(name);
  }

  /** Stores (or replaces) a dataset; `nquads` is the already parsed data as N-Quads in its graph (whole or in chunks). */
  async put(name: string, nquads: string | readonly string[], triples: number, format: string): Promise<StoredDataset> {
    if (!DATASET_NAME.test(name)) throw new UploadStoreError(`"${name}" is not a dataset name: use letters, digits, ".", "_" and "-" (at most 100), starting with a letter or digit.`);
    const bytes = (typeof nquads === "string" ? [nquads] : nquads).reduce((sum, chunk) => sum + Buffer.byteLength(chunk), 0);
    const file = join("datasets", `${name}.nq`);
    try {
      await this.writeDurably(file, nquads);
    } catch (error) {
      throw asStorageError(error);
    }
    await faultPause("CASPIAN_TEST_PAUSE_BEFORE_INDEX", "the index update");
    const dataset: StoredDataset = { name, graph: uploadGraphIri(name), triples, bytes, uploadedAt: new Date().toISOString(), format };
    const previous = this.datasets.get(name);
    this.datasets.set(name, dataset);
    try {
      await this.writeIndex();
    } catch (error) {
      // The index still lists what was there before: so does memory. A new file the index does
      // not list would be quarantined on the next start, so it goes now.
      if (previous) this.datasets.set(name, previous);
      else {
        this.datasets.delete(name);
        await rm(join(this.dir, file), { force: true }).catch(() => {});
      }
      throw asStorageError(error);
    }
    return dataset;
  }

  /** The dataset of that name as stored now (its entry and file), for `restore`; undefined when there is none. */
  async snapshot(name: string): Promise<DatasetSnapshot | undefined> {
    const dataset = this.datasets.get(name);
    if (!dataset) return undefined;
    return { dataset, nquads: await readFile(this.fileOf(name), "utf8") };
  }

  /** Puts a dataset back as `snapshot` found it (none: removes it), durably, file and index. */
  async restore(name: string, snapshot: DatasetSnapshot | undefined): Promise<void> {
    if (!snapshot) {
      await this.remove(name);
      return;
    }
    try {
      await this.writeDurably(join("datasets", `${name}.nq`), snapshot.nquads);
      this.datasets.set(name, snapshot.dataset);
      await this.writeIndex();
    } catch (error) {
      throw asStorageError(error);
    }
  }

  /** Removes a dataset; false when there was none of that name. */
  async remove(name: string): Promise<boolean> {
    if (!this.datasets.delete(name)) return false;
    // Index first: a crash between the two leaves a stray file, which the next open quarantines.
    await this.writeIndex();
    await rm(this.fileOf(name), { force: true });
    await fsyncDir(join(this.dir, "datasets"));
    return true;
  }

  private async readIndex(): Promise<StoredDataset[]> {
    let text: string;
    try {
      text = await readFile(join(this.dir, "index.json"), "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      // Unreadable (a folder in its place, no permission, an I/O error): the datasets are
      // still there, so they are listed from their files instead of all going to quarantine.
      await this.quarantine("index.json", `could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); the datasets were listed again from their files`).catch(() => {});
      return await this.listFromFiles();
    }
    try {
      const parsed = JSON.parse(text) as { datasets?: unknown };
      if (!Array.isArray(parsed.datasets)) throw new Error("no datasets list");
      return parsed.datasets.filter((entry): entry is StoredDataset => typeof entry?.name === "string" && DATASET_NAME.test(entry.name));
    } catch (error) {
      // The datasets themselves are intact: set the index aside and list them again from their files.
      await this.quarantine("index.json", `is not a readable index (${(error as Error).message}); the datasets were listed again from their files`);
      return await this.listFromFiles();
    }
  }

  private async listFromFiles(): Promise<StoredDataset[]> {
    const files = (await readdir(join(this.dir, "datasets"))).filter((file) => file.endsWith(".nq") && DATASET_NAME.test(file.slice(0, -3)));
    return await Promise.all(
      files.sort().map(async (file) => {
        const name = file.slice(0, -3);
        const info = await stat(join(this.dir, "datasets", file));
        return { name, graph: uploadGraphIri(name), triples: 0, bytes: info.size, uploadedAt: info.mtime.toISOString(), format: "application/n-quads" };
      }),
    );
  }

  private writeIndex(): Promise<void> {
    return this.writeDurably("index.json", `${JSON.stringify({ datasets: this.list() }, null, 2)}\n`);
  }

  /** Temporary file, fsync, rename over the target, fsync the folder: the target is old or new, never torn. */
  private async writeDurably(relativePath: string, text: string | readonly string[]): Promise<void> {
    const target = join(this.dir, relativePath);
    const folder = join(target, "..");
    const temporary = join(folder, `.tmp-${randomBytes(6).toString("hex")}`);
    try {
      const handle = await open(temporary, "w");
      try {
        // writeFile continues from the current position, so chunks follow one another.
        for (const chunk of typeof text === "string" ? [text] : text) await handle.writeFile(chunk);
        await handle.sync();
      } finally {
        await handle.close();
      }
      if (relativePath.startsWith("datasets")) await faultPause("CASPIAN_TEST_PAUSE_BEFORE_RENAME", "the rename");
      await rename(temporary, target);
    } catch (error) {
      // A half-written temporary file (a full disk) must not stay and hold the space.
      await rm(temporary, { force: true }).catch(() => {});
      throw error;
    }
    await fsyncDir(folder);
  }

  private async quarantine(relativePath: string, reason: string): Promise<void> {
    const folder = join(this.dir, "quarantine");
    await mkdir(folder, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    const name = `${stamp}-${relativePath.replace(/[\\/]/g, "_")}`;
    const exists = await stat(join(this.dir, relativePath)).then(() => true, () => false);
    if (exists) await rename(join(this.dir, relativePath), join(folder, name));
    await this.writeDurably(join("quarantine", `${name}.reason.txt`), `${relativePath} ${reason}\n`);
    this.quarantined.push({ file: relativePath, reason });
  }
}

async function fsyncDir(path: string): Promise<void> {
  const handle = await open(path, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
