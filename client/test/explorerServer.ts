/**
 * Explorer under test
 * ===================
 * Builds the client once per process (vite's programmatic build, into a temporary folder) and
 * starts the real server in-process on port 0 — the real engine over the curated data, plus
 * any extra Turtle documents a test brings.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { DEFAULT_SOURCES } from "../../server/rdf/loadDatasets.ts";
import { startTestServer, type TestServer } from "../../server/test/testServer.ts";

const VITE_CONFIG = fileURLToPath(new URL("../../vite.config.ts", import.meta.url));

let built: Promise<string> | undefined;

/** The built client's folder (built on first call; removed when the process exits). */
export function buildClient(): Promise<string> {
  built ??= (async () => {
    const outDir = await mkdtemp(join(tmpdir(), "caspian-dist-"));
    await build({ configFile: VITE_CONFIG, logLevel: "warn", build: { outDir, emptyOutDir: true } });
    process.once("exit", () => void rm(outDir, { recursive: true, force: true }));
    return outDir;
  })();
  return built;
}

export interface ExplorerServerOptions {
  /** Extra Turtle documents loaded beside the curated data, keyed by file name. */
  documents?: Record<string, string>;
}

export async function startExplorer(options: ExplorerServerOptions = {}): Promise<TestServer> {
  const distDir = await buildClient();
  return startTestServer({ sources: [...DEFAULT_SOURCES], documents: options.documents, distDir });
}

/** A page's screenshot goes here: screenshots/ at the repository root (git-ignored). */
export const SCREENSHOT_DIR = fileURLToPath(new URL("../../screenshots/", import.meta.url));
