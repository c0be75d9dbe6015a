/**
 * View answers kept per data version
 * ==================================
 * A view's answer depends only on the data, the server's code and a few settings, so on a large
 * store every answer is written to the data directory and read back on the next start over the
 * same data. At a million triples the first graph view waits ~20 s for the graph model's reads
 * and build; after a restart it is a file read, while the model is built again behind it
 * (main.ts prepares it in the background lane). Small stores keep nothing: their views take
 * milliseconds.
 *
 * The answers of one data version share a folder named by the fingerprint of what they depend
 * on (`viewFingerprint`): each data file's path, size and modification time (as make judges a
 * file), the uploads kept in the data directory, the server's source and lock file, the profile
 * and the row cap. A change to any of them names another folder; the two newest others are kept
 * (a scholar switching between two datasets), older ones removed. Answers are kept and served
 * only while the data is the data as loaded: after an upload or a deletion the data stamp moves
 * on (perEngine.ts) and every request goes to the views again.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { QueryEngine } from "../sparql/engine.ts";
import { dataStamp } from "./perEngine.ts";
import type { ViewArgs, ViewName } from "./viewRegistry.ts";
import type { ViewRunner } from "./viewRunner.ts";

/** The views whose answer is the store's data alone (not "source", which reads the article's text files). */
const KEPT_VIEWS: ReadonlySet<ViewName> = new Set<ViewName>(["graph", "edge", "entity", "search", "timeline", "paths", "thirdParties", "places", "neighbours"]);

/** At most this much is written for one data version; past it, answers are served but no more kept. */
const MAX_BYTES = 512 * 1024 * 1024;

/** How many other data versions' folders stay beside the current one. */
const KEEP_OTHERS = 2;

export interface ViewAnswerCacheOptions {
  /** The folder holding one sub-folder per data version (`<data dir>/view-answers`). */
  folder: string;
  /** The data version's fingerprint (`viewFingerprint`). */
  fingerprint: string;
  /** The engine the views read. */
  engine: QueryEngine;
  /** Resolves when the data is loaded: answers are kept for the data as it is then. */
  loaded: Promise<unknown>;
  /** Answers are kept only when the store holds at least this many triples. */
  minTriples: number;
  maxBytes?: number;
}

export class ViewAnswerCache implements ViewRunner {
  private readonly dir: string;
  /** The stamp of the data as loaded (undefined when nothing is kept). A view asked for while
   * the store loads waits for it here, as it would for the store. */
  private readonly baseline: Promise<string | undefined>;
  private bytes = 0;
  /** Answer files written, or being written, by this start. */
  private readonly claimed = new Set<string>();
  /** Answers served from disk and answers written, since start. */
  readonly counts = { served: 0, kept: 0 };

  constructor(
    private readonly inner: ViewRunner,
    private readonly options: ViewAnswerCacheOptions,
  ) {
    this.dir = join(options.folder, options.fingerprint);
    this.baseline = options.loaded.then(
      () => this.open(),
      () => undefined,
    );
  }

  async run<K extends ViewName>(name: K, args: ViewArgs[K]): Promise<string> {
    const baseline = KEPT_VIEWS.has(name) ? await this.baseline : undefined;
    if (baseline === undefined || (await dataStamp(this.options.engine)) !== baseline) return this.inner.run(name, args);
    const file = join(this.dir, `${answerKey(name, args)}.json`);
    const kept = await readFile(file, "utf8").catch(() => undefined);
    if (kept !== undefined) {
      this.counts.served++;
      return kept;
    }
    const json = await this.inner.run(name, args);
    // An answer made across a change of the data is of neither version: not kept.
    if ((await dataStamp(this.options.engine)) === baseline) void this.keep(file, json);
    return json;
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  /** Makes this version's folder, counts what it holds, removes the oldest other versions; the
   * stamp of the data as loaded, or undefined when nothing is kept. */
  private async open(): Promise<string | undefined> {
    try {
      if ((await this.options.engine.tripleCount()) < this.options.minTriples) return undefined;
      await mkdir(this.dir, { recursive: true });
      for (const name of await readdir(this.dir)) this.bytes += (await stat(join(this.dir, name)).catch(() => undefined))?.size ?? 0;
      const others = await Promise.all(
        (await readdir(this.options.folder)).filter((name) => name !== this.options.fingerprint).map(async (name) => ({ name, at: (await stat(join(this.options.folder, name))).mtimeMs })),
      );
      for (const { name } of others.sort((a, b) => b.at - a.at).slice(KEEP_OTHERS)) await rm(join(this.options.folder, name), { recursive: true, force: true });
      return await dataStamp(this.options.engine);
    } catch (error) {
      // A data directory that cannot hold the answers costs speed, never an answer.
      console.error(`Not keeping view answers in ${this.dir}: ${(error as Error).message}`);
      return undefined;
    }
  }

  private async keep(file: string, json: string): Promise<void> {
    // Two visitors asking the same view before its file is written both get it from the views;
    // one write is enough (two would share the partial file and the second rename would fail).
    if (this.claimed.has(file)) return;
    const size = Buffer.byteLength(json);
    if (this.bytes + size > (this.options.maxBytes ?? MAX_BYTES)) return;
    this.claimed.add(file);
    this.bytes += size;
    // Written whole then renamed, so a crash mid-write never leaves half an answer to serve.
    const partial = `${file}.${process.pid}.tmp`;
    try {
      await writeFile(partial, json);
      await rename(partial, file);
      this.counts.kept++;
    } catch (error) {
      this.bytes -= size;
      this.claimed.delete(file);
      await rm(partial, { force: true }).catch(() => {});
      console.error(`Could not keep a view answer in ${this.dir}: ${(error as Error).message}`);
    }
  }
}

/** The file name of one view's answer: its name and arguments, hashed. */
function answerKey(name: ViewName, args: unknown): string {
  return createHash("sha256").update(name).update("\0").update(JSON.stringify(args)).digest("hex").slice(0, 32);
}

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** The folders whose source makes the views' answers. */
const CODE_FOLDERS = ["server", "contract"].map((folder) => join(ROOT, folder));
/** The dependencies' versions (Oxigraph's among them). */
const LOCK_FILE = join(ROOT, "package-lock.json");

export interface FingerprintInput {
  /** Every file the store was loaded from, uploads kept in the data directory included. */
  files: readonly string[];
  /** Settings that change answers (profile, row cap). */
  settings: Record<string, unknown>;
}

/** The fingerprint of a data version as the views see it (see the module's header). */
export async function viewFingerprint(input: FingerprintInput): Promise<string> {
  const hash = createHash("sha256");
  for (const file of input.files) {
    const info = await stat(file);
    hash.update(`${file}\0${info.size}\0${info.mtimeMs}\n`);
  }
  hash.update(JSON.stringify(input.settings));
  hash.update(await readFile(LOCK_FILE).catch(() => ""));
  for (const folder of CODE_FOLDERS) {
    for (const file of await sourceFiles(folder)) hash.update(relative(ROOT, file)).update("\0").update(await readFile(file));
  }
  return hash.digest("hex").slice(0, 24);
}

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts"))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
