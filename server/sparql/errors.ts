/**
 * Query errors
 * ============
 * The typed errors a query can end in. Each carries a stable `code`; server/http/errors.ts maps
 * codes to HTTP statuses, so this layer never knows about HTTP.
 */
import { CaspianError } from "../../contract/errors.ts";

/** The query is not SPARQL 1.1; line and column are 1-based when the parser knows them. */
export class QuerySyntaxError extends CaspianError {
  readonly code = "QUERY_SYNTAX";
  constructor(
    readonly detail: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(`${line ? `Line ${line}${column ? `, column ${column}` : ""}: ` : ""}${detail}`);
    this.name = "QuerySyntaxError";
  }
}

/** The endpoint is read-only: SPARQL Update is refused before it reaches the store. */
export class ReadOnlyError extends CaspianError {
  readonly code = "READ_ONLY";
  constructor(message = "This endpoint is read-only: SPARQL Update is not accepted. Send a SELECT, ASK, CONSTRUCT or DESCRIBE query.") {
    super(message);
    this.name = "ReadOnlyError";
  }
}

/** The query ran past its deadline and was stopped (its worker was replaced). */
export class DeadlineError extends CaspianError {
  readonly code = "DEADLINE";
  constructor(readonly deadlineMs: number) {
    super(`The query was stopped after its deadline of ${deadlineMs} ms. Narrow it (add LIMIT, more specific patterns) and try again.`);
    this.name = "DeadlineError";
  }
}

/** The query is valid SPARQL but uses something this engine does not do (e.g. SERVICE). */
export class QueryUnsupportedError extends CaspianError {
  readonly code = "QUERY_UNSUPPORTED";
  constructor(message: string) {
    super(message);
    this.name = "QueryUnsupportedError";
  }
}

/** No supported media type satisfies the request's Accept header or `format` parameter. */
export class NotAcceptableError extends CaspianError {
  readonly code = "NOT_ACCEPTABLE";
  constructor(
    readonly requested: string,
    readonly supported: readonly string[],
  ) {
    super(`Cannot answer in ${requested}. Supported media types for this query: ${supported.join(", ")}.`);
    this.name = "NotAcceptableError";
  }
}

/** The engine was closed (server shutting down) while the query waited. */
export class EngineClosedError extends CaspianError {
  readonly code = "ENGINE_CLOSED";
  constructor() {
    super("The query engine is shutting down.");
    this.name = "EngineClosedError";
  }
}

/** Oxigraph reports syntax errors as "error at 2:9: expected ..."; keep the position typed. */
export function fromOxigraphMessage(message: string): QuerySyntaxError | undefined {
  const match = /^error at (\d+):(\d+): (.*)$/s.exec(message);
  if (!match) return undefined;
  return new QuerySyntaxError(match[3]!, Number(match[1]), Number(match[2]));
}

/** A graph change (an upload's data, a deletion) the engine could not apply; no worker kept any of it. */
export class GraphChangeError extends CaspianError {
  readonly code = "GRAPH_CHANGE";
  constructor(readonly detail: string) {
    super(`The query engine could not apply the change, so nothing changed: ${detail}.`);
    this.name = "GraphChangeError";
  }
}

/** A streamed query waited on a worker that failed a graph change and was rebuilt; sent again, it runs. */
export class WorkerRebuiltError extends CaspianError {
  readonly code = "GRAPH_CHANGE";
  constructor() {
    super("The query worker was rebuilt (it could not apply an upload) before this query ran. Send it again.");
    this.name = "WorkerRebuiltError";
  }
}
