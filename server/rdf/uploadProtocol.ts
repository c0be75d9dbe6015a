/**
 * Upload parse protocol
 * =====================
 * Messages between parseUpload.ts (main thread) and uploadParseWorker.ts. The worker streams the
 * stored N-Quads back in chunks (one message each, so no single message blocks the main thread
 * long), then a summary or an error described as plain data.
 */
import type { ShapeReport } from "./validateShapes.ts";
import type { UploadLimitCode, UploadLimits } from "./uploadLimits.ts";

export interface ParseJob {
  id: number;
  body: Uint8Array;
  mediaType: string;
  /** Names the upload in errors ("treaties.ttl"). */
  label: string;
  /** The dataset's graph: every quad goes there. */
  graph: string;
  /** Prefix for the upload's blank nodes, so two uploads never share one. */
  scope: string;
  limits: UploadLimits;
}

export interface ParseSummary {
  triples: number;
  /** Named graphs of a TriG/N-Quads upload, merged into the dataset's graph (at most 20 listed). */
  mergedGraphs: string[];
  /** Present when the data uses the Caspian ontology: its SHACL report. */
  shapes?: ShapeReport;
}

export type ParseFailure =
  | { kind: "syntax"; file: string; line?: number; column?: number; detail: string }
  | { kind: "limit"; code: UploadLimitCode; message: string }
  | { kind: "internal"; message: string };

export type ParseMessage = { id: number; type: "chunk"; text: string } | { id: number; type: "done"; summary: ParseSummary } | { id: number; type: "failure"; failure: ParseFailure };
