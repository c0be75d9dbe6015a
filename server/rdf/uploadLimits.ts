/**
 * Upload limits
 * =============
 * What one upload may cost the server, and the error for going past it. The parse worker
 * (parseUpload.ts) enforces every limit; the route maps UploadLimitError to 413.
 */
import { CaspianError } from "../../contract/errors.ts";

export interface UploadLimits {
  /** Bytes of the body, and of an RDF/XML body once its entities are expanded. */
  bytes: number;
  /** Bytes of the N-Quads the upload becomes (what is stored and loaded). */
  storedBytes: number;
  /** Deepest nesting of brackets ([, (, {) or XML elements. */
  depth: number;
  triples: number;
  /** Wall-clock milliseconds for parsing and checking. */
  timeMs: number;
  /** Heap of the parse worker, in MB; past it the worker is stopped. */
  heapMb: number;
}

/** Derived from the upload limit in bytes: the rest have fixed defaults (see SECURITY.md). */
export function uploadLimits(bytes: number, overrides: Partial<UploadLimits> = {}): UploadLimits {
  return { bytes, storedBytes: bytes * STORED_PER_UPLOADED, depth: 64, triples: 5_000_000, timeMs: 60_000, heapMb: 2048, ...overrides };
}

/** N-Quads repeat every IRI in full: Turtle with prefixes grows a few times over when stored. */
export const STORED_PER_UPLOADED = 8;

export type UploadLimitCode = "UPLOAD_LIMIT" | "XML_ENTITY";

/** The upload goes past one of its limits; nothing was stored. */
export class UploadLimitError extends CaspianError {
  constructor(
    readonly code: UploadLimitCode,
    message: string,
  ) {
    super(message);
    this.name = "UploadLimitError";
  }
}
