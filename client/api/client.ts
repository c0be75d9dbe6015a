/**
 * API client
 * ==========
 * One typed function per route of the JSON API (contract/api.ts) plus the SPARQL
 * endpoint. This is the only module of the client that calls fetch, so the explorer's whole
 * conversation with the server can be read (and stubbed in a benchmark) in one place.
 */
import type {
  ApiError,
  DatasetList,
  EdgeStatements,
  UploadedDataset,
  EntityDetails,
  ExampleQuery,
  GraphPayload,
  Health,
  NodeKind,
  PathsResult,
  PlacesMap,
  RelationKind,
  SearchHit,
  SourcePassage,
  ThirdPartyAnalysis,
  Timeline,
} from "../../contract/api.ts";
import { CaspianError } from "../../contract/errors.ts";

/** A failed API call: the server's `{code, message}` when it sent one, else the HTTP status. */
export class ApiRequestError extends CaspianError {
  readonly code: string;
  readonly status: number;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = "ApiRequestError";
    this.status = status;
    this.code = code;
  }
}

/** Where the API lives; "" means the page's own origin. Set once at start-up (tests, benches). */
let base = "";
export function setApiBase(url: string): void {
  base = url.replace(/\/$/, "");
}

type Params = Record<string, string | number | undefined | null | readonly string[]>;

function query(params: Params): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) search.set(name, value.join(","));
    } else search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

async function getJson<T>(path: string, params: Params = {}, signal?: AbortSignal): Promise<T> {
  const response = await fetch(`${base}/api/v1${path}${query(params)}`, {
    headers: { accept: "application/json" },
    signal,
  });
  if (!response.ok) {
    let code = `HTTP_${response.status}`;
    let message = `${path} answered ${response.status} ${response.statusText}`;
    try {
      const body = (await response.json()) as Partial<ApiError>;
      if (typeof body.code === "string") code = body.code;
      if (typeof body.message === "string") message = body.message;
    } catch {
      // Not JSON (e.g. a proxy error page): keep the status line.
    }
    throw new ApiRequestError(response.status, code, message);
  }
  return (await response.json()) as T;
}

export interface GraphQuery {
  /** "actors": the actors' network; "full" (the server's default): every drawn resource. */
  view?: "actors" | "full";
  /** Keep undated resources in a year window (the server's time rule leaves them out). */
  undated?: "include";
  editorial?: "exclude";
  from?: number;
  to?: number;
  kinds?: readonly NodeKind[];
  relations?: readonly RelationKind[];
}

export function getHealth(signal?: AbortSignal): Promise<Health> {
  return getJson<Health>("/health", {}, signal);
}

export function getGraph(q: GraphQuery = {}, signal?: AbortSignal): Promise<GraphPayload> {
  return getJson<GraphPayload>("/graph", { view: q.view, from: q.from, to: q.to, undated: q.undated, editorial: q.editorial, kinds: q.kinds, relations: q.relations }, signal);
}

export function getEntity(iri: string, signal?: AbortSignal): Promise<EntityDetails> {
  return getJson<EntityDetails>("/entity", { iri }, signal);
}

/** With a window, the hits in it rank first (the server's one time rule). */
export async function search(q: string, limit = 10, signal?: AbortSignal, window: { from?: number; to?: number } = {}): Promise<SearchHit[]> {
  const body = await getJson<{ results: SearchHit[] }>("/search", { q, limit, from: window.from, to: window.to }, signal);
  return body.results;
}

/** With a window, only the events that meet it (a large store's overview carries the most connected). */
export function getTimeline(signal?: AbortSignal, window: { from?: number; to?: number } = {}): Promise<Timeline> {
  return getJson<Timeline>("/timeline", { from: window.from, to: window.to }, signal);
}

/** The map's places with their coordinates and what happened there (client/map/). */
export function getPlaces(signal?: AbortSignal): Promise<PlacesMap> {
  return getJson<PlacesMap>("/places", {}, signal);
}

/** `order: "time"`: time-respecting paths (each step starts no earlier than the one before). */
export function getPaths(from: string, to: string, max?: number, signal?: AbortSignal, options: { order?: "any" | "time"; start?: number; end?: number } = {}): Promise<PathsResult> {
  return getJson<PathsResult>("/paths", { from, to, max, order: options.order, start: options.start, end: options.end }, signal);
}

/**
 * The dyad defaults to Iran and Russia on the server when a or b is left out. With a window only
 * the roles meeting it; the answer's `periods` groups the roles a row per period.
 */
export function getThirdParties(a?: string, b?: string, signal?: AbortSignal, window: { from?: number; to?: number } = {}): Promise<ThirdPartyAnalysis> {
  return getJson<ThirdPartyAnalysis>("/third-parties", { a, b, from: window.from, to: window.to }, signal);
}

/** The statements behind an edge, with their own evidence and attribution: an actors-view edge by its ends and relation, a full-view edge by its key. */
export function getEdgeStatements(
  edge: { key: string } | { source: string; target: string; relation: RelationKind },
  options: { from?: number; to?: number; editorial?: "exclude" } = {},
  signal?: AbortSignal,
): Promise<EdgeStatements> {
  return getJson<EdgeStatements>("/edge", { ...edge, ...options }, signal);
}

/** The paragraph of the article holding an evidence node's quote (or a quote given as text). */
export function getSource(
  by: { evidence: string } | { quote: string },
  signal?: AbortSignal,
): Promise<SourcePassage> {
  return getJson<SourcePassage>("/source", by, signal);
}

/** A SELECT or ASK over /sparql, answered as SPARQL 1.1 JSON results. */
export async function sparql<T = unknown>(queryText: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(`${base}/sparql`, {
    method: "POST",
    headers: { "content-type": "application/sparql-query", accept: "application/sparql-results+json" },
    body: queryText,
    signal,
  });
  if (!response.ok) {
    const text = await response.text();
    throw new ApiRequestError(response.status, `HTTP_${response.status}`, text || response.statusText);
  }
  return (await response.json()) as T;
}

/** A /sparql answer as text, in the media type asked for, with what the workbench shows about it. */
export interface SparqlResponse {
  contentType: string;
  text: string;
  /** The server's truncation header ("true; limit=N") when it cut the rows, else null. */
  truncated: string | null;
  /** From sending the request to the whole body read. */
  elapsedMs: number;
}

/** A refused query: the endpoint's code, its message, and (for a syntax error) where, 1-based. */
export class SparqlQueryError extends ApiRequestError {
  readonly line?: number;
  readonly column?: number;
  constructor(status: number, code: string, message: string) {
    super(status, code, message);
    this.name = "SparqlQueryError";
    // The endpoint words a syntax error "Line 3, column 9: ..." (server/sparql/errors.ts).
    const at = /^Line (\d+)(?:, column (\d+))?:/.exec(message);
    if (at) {
      this.line = Number(at[1]);
      if (at[2]) this.column = Number(at[2]);
    }
  }
}

/** Any query form over /sparql (POST), answered in `accept`; a refusal throws SparqlQueryError. */
export async function runSparql(queryText: string, accept: string, signal?: AbortSignal): Promise<SparqlResponse> {
  const started = performance.now();
  const response = await fetch(`${base}/sparql`, {
    method: "POST",
    headers: { "content-type": "application/sparql-query", accept },
    body: queryText,
    signal,
  });
  const text = await response.text();
  if (!response.ok) {
    // The endpoint answers errors as text/plain "CODE: message".
    const match = /^([A-Z_]+): ([\s\S]*)$/.exec(text.trim());
    throw new SparqlQueryError(response.status, match?.[1] ?? `HTTP_${response.status}`, match?.[2] ?? (text.trim() || response.statusText));
  }
  return {
    contentType: (response.headers.get("content-type") ?? "").split(";")[0]!.trim(),
    text,
    truncated: response.headers.get("caspian-truncated") ?? inBandTruncation(text),
    elapsedMs: performance.now() - started,
  };
}

/**
 * A streamed answer cut by the byte cap says so in its trailer, which fetch cannot read, and
 * inside the answer where the format has room (README, "Streamed answers"): the last member of
 * SPARQL JSON, a comment after XML's root, a last comment line in N-Triples and Turtle.
 */
function inBandTruncation(text: string): string | null {
  const note = /,"Caspian-Truncated":"([^"\\]*)"\}\s*$|<!-- Caspian-Truncated: ([^>]*?) -->\s*$|\n# Caspian-Truncated: ([^\n]*)\n?$/.exec(text.slice(-200));
  return note ? (note[1] ?? note[2] ?? note[3]!) : null;
}

export async function getExamples(signal?: AbortSignal): Promise<ExampleQuery[]> {
  return (await getJson<{ examples: ExampleQuery[] }>("/examples", {}, signal)).examples;
}

export function getNeighbours(iri: string, maxNodes?: number, signal?: AbortSignal): Promise<GraphPayload> {
  return getJson("/neighbours", { iri, maxNodes }, signal);
}

export function listDatasets(signal?: AbortSignal): Promise<DatasetList> {
  return getJson("/datasets", {}, signal);
}

/**
 * Uploads an RDF file as a dataset (admin token needed). XMLHttpRequest, not fetch: only it
 * reports upload progress, which a large file needs. `onProgress` gets 0..1.
 */
export function uploadDataset(file: File, token: string, onProgress: (fraction: number) => void): Promise<{ dataset: UploadedDataset }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `${base}/api/v1/datasets?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader("Authorization", `Bearer ${token}`);
    if (file.type) xhr.setRequestHeader("Content-Type", file.type);
    else xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiRequestError(0, "NETWORK", "The upload did not reach the server."));
    xhr.onload = () => {
      let body: { code?: string; message?: string; dataset?: UploadedDataset; report?: { results: { focusNode: string; path?: string; message: string }[] } } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // Not JSON: keep the status line below.
      }
      if (xhr.status === 201 && body.dataset) return resolve({ dataset: body.dataset });
      const report = body.report?.results.map((r) => `${r.focusNode}${r.path ? ` ${r.path}` : ""}: ${r.message}`).join("\n");
      reject(new ApiRequestError(xhr.status, body.code ?? `HTTP_${xhr.status}`, `${body.message ?? `The upload answered ${xhr.status}`}${report ? `\n${report}` : ""}`));
    };
    xhr.send(file);
  });
}

export async function removeDataset(name: string, token: string): Promise<void> {
  const response = await fetch(`${base}/api/v1/datasets/${encodeURIComponent(name)}`, { method: "DELETE", headers: { Authorization: `Bearer ${token}` } });
  if (response.status === 204) return;
  const body = (await response.json().catch(() => ({}))) as Partial<ApiError>;
  throw new ApiRequestError(response.status, body.code ?? `HTTP_${response.status}`, body.message ?? `Removing ${name} answered ${response.status}`);
}
