/**
 * Dataset routes
 * ==============
 * GET    /api/v1/datasets            the uploaded datasets, the files loaded at start, and any
 *                                     stored file quarantined at start (with its reason)
 * POST   /api/v1/datasets?name=N     upload: the body is the RDF document, its Content-Type the
 *                                     format (or the extension of ?name= says it); admin only
 * DELETE /api/v1/datasets/:name      remove an uploaded dataset; admin only
 *
 * An upload is parsed whole before anything is stored (a syntax error is a 400 naming line and
 * column). Data that uses the Caspian ontology (any cas: term) is checked against
 * ontology/shapes.ttl; violations are a 422 with the readable report unless `?force=true`, which
 * stores it anyway and returns the report beside the dataset. Then the dataset is written
 * durably (uploadStore.ts) and loaded as its own named graph into every query worker. A full or
 * read-only data directory is a 507 (STORAGE_FULL / STORAGE_READ_ONLY); nothing changes.
 */
import { fileURLToPath } from "node:url";
import express from "express";
import { forgetViews } from "../graph/perEngine.ts";
import type { QueryEngine } from "../sparql/engine.ts";
import type { Quad } from "n3";
import { intoGraph, toChunks, type DatasetFile } from "../rdf/loadDatasets.ts";
import { NS } from "../rdf/namespaces.ts";
import { parseRdfDocument, parseRdfFile, RDF_MEDIA_TYPES, rdfMediaType, RdfSyntaxError } from "../rdf/parseRdf.ts";
import { DATASET_NAME, StorageError, uploadGraphIri, type QuarantinedFile, type StoredDataset, type UploadStore } from "../rdf/uploadStore.ts";
import { validateShapes, type ShapeReport } from "../rdf/validateShapes.ts";
import { requireAdmin } from "./adminAuth.ts";
import { HttpError, NotFoundError } from "./errors.ts";

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
}

export interface DatasetListing {
  uploads: StoredDataset[];
  files: DatasetFile[];
  /** Stored files moved to quarantine/ when the server started, with the reason. */
  quarantined: QuarantinedFile[];
}

export interface UploadAnswer {
  dataset: StoredDataset;
  /** The SHACL report when the data used the ontology (conforming, or stored with ?force=true). */
  shapes?: ShapeReport;
}

const ONTOLOGY = fileURLToPath(new URL("../../ontology/caspian.ttl", import.meta.url));
const SHAPES = fileURLToPath(new URL("../../ontology/shapes.ttl", import.meta.url));
let shapesAndOntology: Promise<{ shapes: Quad[]; ontology: Quad[] }> | undefined;

export function createUploadRouter(deps: UploadRouteDeps): express.Router {
  const router = express.Router();
  router.get("/", (_req, res: express.Response<DatasetListing>) => {
    res.json({ uploads: deps.store.list(), files: deps.files ?? [], quarantined: deps.store.quarantined });
  });

  router.post(
    "/",
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
      let quads: Quad[];
      try {
        quads = await parseRdfDocument(body.toString("utf8"), name, mediaType);
      } catch (error) {
        if (error instanceof RdfSyntaxError) throw new HttpError(400, "RDF_SYNTAX", `${error.message} Nothing was stored.`);
        throw error;
      }
      const shapes = usesOntology(quads) ? await checkShapes(quads) : undefined;
      if (shapes && !shapes.conforms && req.query.force !== "true") {
        res.status(422).json({ code: "SHAPES", message: `The data breaks ${shapes.results.length} of the ontology's shape constraints; nothing was stored. Fix them, or send ?force=true to store it anyway.`, report: shapes } as never);
        return;
      }
      const graph = uploadGraphIri(datasetName);
      const inGraph = intoGraph(quads, graph);
      const chunks = toChunks(inGraph);
      const dataset = await deps.store.put(datasetName, chunks.join(""), quads.length, mediaType).catch((error: unknown) => {
        // 507 Insufficient Storage: the request was fine, the server cannot keep it. The server
        // keeps serving the data it has.
        if (error instanceof StorageError) throw new HttpError(507, error.code, error.message);
        throw error;
      });
      await deps.loader.addGraph(graph, chunks);
      forgetViews(deps.loader);
      res.status(201).json({ dataset, ...(shapes ? { shapes } : {}) });
    },
  );

  router.delete("/:name", requireAdmin(deps.adminToken), async (req, res) => {
    const name = String(req.params.name);
    const dataset = deps.store.get(name);
    if (!dataset) throw new NotFoundError(`No uploaded dataset named "${name}". GET /api/v1/datasets lists them.`);
    await deps.store.remove(name);
    if (deps.loader) {
      await deps.loader.dropGraph(dataset.graph);
      forgetViews(deps.loader);
    }
    res.status(204).end();
  });
  return router;
}

/** True when any term of the data is in the Caspian ontology's namespace. */
export function usesOntology(quads: readonly Quad[]): boolean {
  return quads.some((quad) => [quad.predicate, quad.object, quad.subject].some((term) => term.termType === "NamedNode" && term.value.startsWith(NS.cas)));
}

async function checkShapes(quads: Quad[]): Promise<ShapeReport> {
  shapesAndOntology ??= Promise.all([parseRdfFile(SHAPES), parseRdfFile(ONTOLOGY)]).then(([shapes, ontology]) => ({ shapes, ontology }));
  const { shapes, ontology } = await shapesAndOntology;
  return await validateShapes([...quads, ...ontology], shapes);
}
