/**
 * Dataset routes
 * ==============
 * GET    /api/v1/datasets            the uploaded datasets, the files loaded at start, and any
 *                                     stored file quarantined at start (with its reason)
 * POST   /api/v1/datasets?name=N     upload: the body is the RDF document, its Content-Type the
 *                                     format (or the extension of ?name= says it); admin only
 * DELETE /api/v1/datasets/:name      remove an uploaded dataset; admin only
 *
 * An upload is parsed whole, off the main thread and under its limits (parseUpload.ts), before
 * anything is stored: a syntax error is a 400 naming line and column, a limit passed a 413. Its
 * quads all go into the dataset's own graph (named graphs of TriG/N-Quads are merged there, and
 * the answer says so), so DELETE removes everything it added. Uploads and deletions of one name
 * run one at a time. Data that uses the Caspian ontology (any cas: term) is checked against
 * ontology/shapes.ttl; violations are a 422 with the readable report unless `?force=true`, which
 * stores it anyway and returns the report beside the dataset. Then the dataset is written
 * durably (uploadStore.ts) and loaded as its own named graph into every query worker. A full or
 * read-only data directory is a 507 (STORAGE_FULL / STORAGE_READ_ONLY); nothing changes. When
 * the engine cannot apply the change (a 503 GRAPH_CHANGE: a worker refused it or kept being
 * stopped), the stored file and index are put back as they were, so all three still agree.
 */
import express from "express";
import type { DatasetList } from "../../contract/api.ts";
import { forgetViews } from "../graph/perEngine.ts";
import type { QueryEngine } from "../sparql/engine.ts";
import type { DatasetFile } from "../rdf/loadDatasets.ts";
import { RDF_MEDIA_TYPES, rdfMediaType, RdfSyntaxError } from "../rdf/parseRdf.ts";
import { parseUpload, warmUploadParser, type ParsedUpload } from "../rdf/parseUpload.ts";
import { UploadLimitError, uploadLimits, type UploadLimits } from "../rdf/uploadLimits.ts";
import { DATASET_NAME, StorageError, uploadGraphIri, type DatasetSnapshot, type StoredDataset, type UploadStore } from "../rdf/uploadStore.ts";
import type { ShapeReport } from "../rdf/validateShapes.ts";
import { requireAdmin } from "./adminAuth.ts";
import { NotFoundError } from "../graph/errors.ts";
import { HttpError } from "./errors.ts";
import { KeyedLock } from "./keyedLock.ts";
import { route } from "./route.ts";

/** What the running engine must do for uploads: load or drop one named graph in every worker. */
export interface GraphLoader {
  addGraph(graph: string, chunks: string[]): Promise<void>;
  dropGraph(graph: string): Promise<void>;
}

export interface UploadRouteDeps {
  store: UploadStore;
  /** The engine, when it can take new graphs (the embedded one can). */
  loader?: GraphLoader & QueryEngine;
  adminToken?: string;
  /** Largest body in bytes. */
  limit: number;
  /** Files loaded at start (--data), listed beside the uploads. */
  files?: DatasetFile[];
  /** Limits other than the body size (uploadLimits.ts defaults). */
  limits?: Partial<UploadLimits>;
}

export interface UploadAnswer {
  dataset: StoredDataset;
  /** Named graphs a TriG/N-Quads upload gave, whose triples went into the dataset's graph. */
  mergedGraphs?: string[];
  note?: string;
  /** The SHACL report when the data used the ontology (conforming, or stored with ?force=true). */
  shapes?: ShapeReport;
}

export function createUploadRouter(deps: UploadRouteDeps): express.Router {
  const router = express.Router();
  const locks = new KeyedLock();
  // The first upload should not wait for the parse worker to load its modules.
  if (deps.loader) warmUploadParser(uploadLimits(deps.limit, deps.limits));
  const list = (_req: express.Request, res: express.Response<DatasetList>) => {
    res.json({ uploads: deps.store.list(), files: deps.files ?? [], quarantined: deps.store.quarantined });
  };

  route(router, "/", { get: list, post: [
    requireAdmin(deps.adminToken),
    express.raw({ type: () => true, limit: deps.limit }),
    async (req, res: express.Response<UploadAnswer>) => {
      if (!deps.loader) throw new HttpError(501, "NOT_IMPLEMENTED", "This engine cannot load uploads (an external SPARQL store takes its data through its own loader).");
      const name = typeof req.query.name === "string" ? req.query.name.trim() : "";
      if (!name) throw new HttpError(400, "BAD_REQUEST", "Name the dataset with ?name= (e.g. ?name=treaties.ttl).");
      const datasetName = name.replace(/\.[A-Za-z0-9]+$/, "");
      if (!DATASET_NAME.test(datasetName)) throw new HttpError(400, "BAD_REQUEST", `"${datasetName}" is not a dataset name: use letters, digits, ".", "_" and "-".`);
      const mediaType = rdfMediaType(req.get("content-type"), name);
      if (!mediaType) {
        throw new HttpError(415, "UNSUPPORTED_MEDIA_TYPE", `Send the document with the Content-Type of its format (${Object.keys(RDF_MEDIA_TYPES).join(", ")}) or a ?name= ending in its extension.`);
      }
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (body.length === 0) throw new HttpError(400, "BAD_REQUEST", "The upload is empty: send the RDF document as the request body.");
      const graph = uploadGraphIri(datasetName);
      let parsed: ParsedUpload;
      try {
        parsed = await parseUpload(body, { mediaType, label: name, graph }, uploadLimits(deps.limit, deps.limits));
      } catch (error) {
        if (error instanceof RdfSyntaxError) throw new HttpError(400, "RDF_SYNTAX", `${error.message} Nothing was stored.`);
        if (error instanceof UploadLimitError) throw new HttpError(413, error.code, error.message);
        throw error;
      }
      const { shapes, chunks, triples, mergedGraphs } = parsed;
      if (shapes && !shapes.conforms && req.query.force !== "true") {
        res.status(422).json({ code: "SHAPES", message: `The data breaks ${shapes.results.length} of the ontology's shape constraints; nothing was stored. Fix them, or send ?force=true to store it anyway.`, report: shapes } as never);
        return;
      }
      // One name at a time from here: the file, the index and the engine change together, so
      // parallel uploads of one name end as one of them everywhere.
      const dataset = await locks.run(datasetName, async () => {
        const before = await deps.store.snapshot(datasetName);
        const stored = await deps.store.put(datasetName, chunks, triples, mediaType).catch((error: unknown) => {
          // 507 Insufficient Storage: the request was fine, the server cannot keep it. The server
          // keeps serving the data it has.
          if (error instanceof StorageError) throw new HttpError(507, error.code, error.message);
          throw error;
        });
        await undoUnlessApplied(deps.store, datasetName, before, deps.loader!.addGraph(graph, chunks));
        forgetViews(deps.loader!);
        return stored;
      });
      const merged = mergedGraphs.length > 0 ? { mergedGraphs, note: `The upload named ${mergedGraphs.length}${mergedGraphs.length === 20 ? " or more" : ""} graphs of its own; their triples were stored in the dataset's graph <${graph}>, so a DELETE removes them all.` } : {};
      res.status(201).json({ dataset, ...merged, ...(shapes ? { shapes } : {}) });
    },
  ] });

  route(router, "/:name", { delete: [requireAdmin(deps.adminToken), async (req, res) => {
    const name = String(req.params.name);
    await locks.run(name, async () => {
      const dataset = deps.store.get(name);
      if (!dataset) throw new NotFoundError(`No uploaded dataset named "${name}". GET /api/v1/datasets lists them.`);
      const before = deps.loader ? await deps.store.snapshot(name) : undefined;
      await deps.store.remove(name);
      if (deps.loader) {
        await undoUnlessApplied(deps.store, name, before, deps.loader.dropGraph(dataset.graph));
        forgetViews(deps.loader);
      }
    });
    res.status(204).end();
  }] });
  return router;
}

/** Waits for the engine's change; when it fails, the stored dataset goes back to `before`, then the error goes on. */
async function undoUnlessApplied(store: UploadStore, name: string, before: DatasetSnapshot | undefined, change: Promise<void>): Promise<void> {
  try {
    await change;
  } catch (error) {
    await store.restore(name, before).catch((undo: unknown) => console.error(`The stored dataset "${name}" could not be put back after the engine refused the change: ${(undo as Error).message}`));
    throw error;
  }
}
