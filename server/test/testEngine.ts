/**
 * Test engine for the views
 * =========================
 * Starts the server's real embedded Oxigraph engine (one worker thread) on the fixture Turtle,
 * so every view's unit test runs its SPARQL on the engine production uses.
 */
import { fileURLToPath } from "node:url";
import { loadDatasets } from "../rdf/loadDatasets.ts";
import { EmbeddedEngine } from "../sparql/embeddedEngine.ts";

export const MINI_FIXTURE = fileURLToPath(new URL("../graph/fixtures/mini.ttl", import.meta.url));

/** The embedded engine over `files` (default: the mini fixture). Close it after the tests. */
export async function startTestEngine(files: string[] = [MINI_FIXTURE]): Promise<EmbeddedEngine> {
  const { chunks } = await loadDatasets(files);
  return EmbeddedEngine.start({ chunks, workers: 1, deadlineMs: 20_000, rowCap: 10_000 });
}

/** IRIs of the fixture's resources: cd("Iran") → "https://w3id.org/caspian/data/Iran". */
export const cd = (local: string) => `https://w3id.org/caspian/data/${local}`;
export const cas = (local: string) => `https://w3id.org/caspian/ontology#${local}`;
