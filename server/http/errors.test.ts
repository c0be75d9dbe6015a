import { describe, expect, it } from "vitest";
import { CaspianError } from "../../contract/errors.ts";
import { NotFoundError } from "../graph/errors.ts";
import { InvalidIriError } from "../graph/sparqlText.ts";
import { DeadlineError, EngineClosedError, NotAcceptableError, QuerySyntaxError, QueryUnsupportedError, ReadOnlyError } from "../sparql/errors.ts";
import { RemoteStoreError } from "../sparql/httpEngine.ts";
import { MemoryCapError } from "../sparql/memoryWatchdog.ts";
import { QueueFullError } from "../sparql/scheduler.ts";
import { UploadStoreError } from "../rdf/uploadStore.ts";
import { MethodNotAllowedError, mapError } from "./errors.ts";
import { UnauthorizedError } from "./adminAuth.ts";

const CASES: [error: CaspianError, status: number][] = [
  [new QuerySyntaxError("unexpected token", 1, 8), 400],
  [new QueryUnsupportedError("SERVICE is disabled"), 400],
  [new InvalidIriError("not an iri"), 400],
  [new UploadStoreError("bad name"), 400],
  [new UnauthorizedError("No token."), 401],
  [new ReadOnlyError(), 403],
  [new NotFoundError("No resource <x>."), 404],
  [new MethodNotAllowedError("PUT", ["GET", "HEAD"]), 405],
  [new NotAcceptableError("image/png", ["application/sparql-results+json"]), 406],
  [new RemoteStoreError("the store answered 500"), 502],
  [new DeadlineError(10_000), 503],
  [new EngineClosedError(), 503],
  [new QueueFullError("too many queries"), 503],
  [new MemoryCapError("1024 MB"), 503],
];

describe("the one error table", () => {
  it.each(CASES.map(([error, status]) => [error.constructor.name, error, status] as const))("answers %s with its status, code and message", (_name, error, status) => {
    expect(error).toBeInstanceOf(CaspianError);
    expect(error.name).toBe(error.constructor.name);
    const mapped = mapError(error);
    expect(mapped.status).toBe(status);
    expect(mapped.body).toEqual({ code: error.code, message: error.message });
  });

  it("masks anything untyped as a plain 500", () => {
    expect(mapError(new Error("store internals at /some/path"))).toMatchObject({ status: 500, body: { code: "INTERNAL", message: "Internal error" } });
  });
});
