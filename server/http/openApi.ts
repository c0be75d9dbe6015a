/**
 * OpenAPI document
 * ================
 * The /api/v1 routes as an OpenAPI 3.1 document, generated from the zod schemas the server
 * already validates with (apiParams.ts for the query strings, apiSchemas.ts for the answers), so
 * the document an operator integrates against is the one the code checks. Served at
 * /api/v1/openapi.json; `API_ROUTES` is the one list of routes it describes.
 */
import { z } from "zod";
import {
  edgeParams, entityParams, graphParams, neighbourWindowFields, timelineParams, pathsParams, searchParams, sourceParams, thirdPartyParams,
} from "./apiParams.ts";
import * as S from "./apiSchemas.ts";

interface ApiRoute {
  path: string;
  method: "get" | "post" | "delete";
  summary: string;
  /** The zod object the query string is parsed with. */
  params?: z.ZodObject;
  /** Path parameters, by name. */
  pathParams?: Record<string, string>;
  answer?: z.ZodType;
  /** Status codes beyond 200 and the ApiError ones that every route has. */
  status?: number;
  admin?: boolean;
  body?: string;
}

const neighbourParams = z.object({ iri: entityParams.shape.iri, maxNodes: graphParams.shape.maxNodes, ...neighbourWindowFields });

export const API_ROUTES: readonly ApiRoute[] = [
  { path: "/health", method: "get", summary: "Whether the store answers, what it loaded, and how far a long load is.", answer: S.Health },
  { path: "/graph", method: "get", summary: "The graph (full, or the actors' network), in a time window, filtered by kinds and relations.", params: graphParams, answer: S.GraphPayload },
  { path: "/edge", method: "get", summary: "The statements behind one edge, each with its own evidence and attribution.", params: edgeParams, answer: S.EdgeStatements },
  { path: "/neighbours", method: "get", summary: "A node's 1-hop neighbourhood as a graph, for expand-on-demand.", params: neighbourParams, answer: S.GraphPayload },
  { path: "/entity", method: "get", summary: "One entity: labels, classes, dates, properties, relations both ways, evidence.", params: entityParams, answer: S.EntityDetails },
  { path: "/search", method: "get", summary: "Entities whose label or any spelling matches; in-window hits first.", params: searchParams, answer: S.SearchResults },
  { path: "/timeline", method: "get", summary: "Periods, events (the window asked, at most maxEvents, with counts per stretch of years) and a dyad's relationship states over time.", params: timelineParams, answer: S.Timeline },
  { path: "/paths", method: "get", summary: "How two entities are connected, step by step with evidence; optionally in time order.", params: pathsParams, answer: S.PathsResult },
  { path: "/third-parties", method: "get", summary: "Third parties' roles in a dyad, in a window or a row per period.", params: thirdPartyParams, answer: S.ThirdPartyAnalysis },
  { path: "/source", method: "get", summary: "The paragraph of the article holding a quote.", params: sourceParams, answer: S.SourcePassage },
  { path: "/places", method: "get", summary: "The article's places with coordinates and what happened at them.", answer: S.PlacesMap },
  { path: "/examples", method: "get", summary: "The workbench's example questions, in words and SPARQL.", answer: S.Examples },
  { path: "/datasets", method: "get", summary: "Uploaded datasets and the files loaded at start.", answer: S.DatasetList },
  { path: "/datasets", method: "post", summary: "Upload an RDF file as a named dataset (admin token).", admin: true, status: 201, body: "RDF in any supported syntax (Turtle, TriG, N-Triples, N-Quads, N3, JSON-LD, RDF/XML)", answer: S.UploadAnswer },
  { path: "/datasets/{name}", method: "delete", summary: "Remove an uploaded dataset and everything it added (admin token).", admin: true, status: 204, pathParams: { name: "the dataset's name" } },
];

/**
 * A query parameter's schema as a client sends it: one string (a repeated one reads as a comma
 * list), with what the parsed value must be — an enum, or an integer's bounds — carried over.
 */
function paramSchema(field: z.ZodType): Record<string, unknown> {
  const input = z.toJSONSchema(field, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as Record<string, unknown>;
  const branches = input.anyOf as Record<string, unknown>[] | undefined;
  const schema: Record<string, unknown> = { ...(branches?.find((branch) => branch.type === "string") ?? input) };
  delete schema.$schema;
  const parsed = z.toJSONSchema(field, { io: "output", unrepresentable: "any", target: "draft-2020-12" }) as Record<string, unknown>;
  if (Array.isArray(parsed.enum)) schema.enum = parsed.enum;
  if (parsed.type === "integer") {
    schema.pattern = "^-?\\d+$";
    schema.description = `an integer${parsed.minimum !== undefined ? ` from ${parsed.minimum}` : ""}${parsed.maximum !== undefined ? ` to ${parsed.maximum}` : ""}`;
  }
  return schema;
}

function parameters(route: ApiRoute): Record<string, unknown>[] {
  const query = Object.entries(route.params?.shape ?? {}).map(([name, field]) => ({
    name,
    in: "query",
    required: !(field as z.ZodType).safeParse(undefined).success,
    schema: paramSchema(field as z.ZodType),
  }));
  const path = Object.entries(route.pathParams ?? {}).map(([name, description]) => ({ name, in: "path", required: true, description, schema: { type: "string" } }));
  return [...path, ...query];
}

const errorAnswer = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/ApiError" } } } });

export function openApiDocument(version: string): Record<string, unknown> {
  // One registry for every named schema, so shared shapes ($ref) appear once under components.
  const registry = z.registry<{ id?: string; description?: string }>();
  const named = (Object.values(S) as z.ZodType[]).filter((schema) => Boolean(z.globalRegistry.get(schema)?.id));
  for (const schema of named) registry.add(schema, { ...z.globalRegistry.get(schema) });
  const { schemas } = z.toJSONSchema(registry, { target: "draft-2020-12", uri: (id) => `#/components/schemas/${id}` }) as { schemas: Record<string, Record<string, unknown>> };
  for (const schema of Object.values(schemas)) delete schema.$schema;
  const ref = (schema: z.ZodType) => ({ $ref: `#/components/schemas/${registry.get(schema)!.id}` });

  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of API_ROUTES) {
    const responses: Record<string, unknown> = {
      "400": errorAnswer("A parameter is malformed; the message names it and says what is accepted."),
      "404": errorAnswer("No such entity, dataset or route."),
      "405": errorAnswer("Another method than the route takes; `Allow` names them."),
      "503": errorAnswer("The store is loading or busy, or the view ran past its deadline; `Retry-After` says when to retry."),
    };
    const status = String(route.status ?? 200);
    responses[status] = route.answer ? { description: "OK", content: { "application/json": { schema: ref(route.answer) } } } : { description: "Done" };
    if (route.admin) {
      responses["401"] = errorAnswer("The admin token is missing or wrong.");
      responses["403"] = errorAnswer("The server is read-only (started without an admin token).");
    }
    paths[`/api/v1${route.path}`] ??= {};
    paths[`/api/v1${route.path}`]![route.method] = {
      summary: route.summary,
      parameters: parameters(route),
      ...(route.body ? { requestBody: { required: true, description: route.body, content: { "*/*": { schema: { type: "string", format: "binary" } } } } } : {}),
      ...(route.admin ? { security: [{ adminToken: [] }] } : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Caspian JSON API",
      version,
      description: "The explorer's read-only views of the knowledge graph, and uploads. The SPARQL 1.1 endpoint is /sparql (not described here: it follows the SPARQL 1.1 Protocol).",
    },
    servers: [{ url: "/" }],
    paths,
    components: { schemas, securitySchemes: { adminToken: { type: "http", scheme: "bearer", description: "The admin token (--admin-token / CASPIAN_ADMIN_TOKEN)." } } },
  };
}
