/**
 * The OpenAPI document against the real server: every route it lists answers (no 404), and every
 * answer — of the curated data, on port 0 — validates against the document's own schema for that
 * route and status (Ajv, JSON Schema 2020-12, as OpenAPI 3.1 uses).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NS } from "../../contract/namespaces.ts";
import { DEFAULT_SOURCES } from "../rdf/loadDatasets.ts";
import { startTestServer, type TestServer } from "../test/testServer.ts";
import { API_ROUTES } from "./openApi.ts";

const TOKEN = "openapi-test-admin-token";
const DOC_ID = "urn:caspian:openapi";
type Doc = { openapi: string; paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>; components: { schemas: Record<string, object> } };

let server: TestServer;
let dir: string;
let doc: Doc;
let ajv: Ajv2020;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "caspian-openapi-"));
  server = await startTestServer({ sources: [...DEFAULT_SOURCES], uploads: { dir, adminToken: TOKEN } });
  doc = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as Doc;
  ajv = new Ajv2020({ strict: false, allErrors: true });
  // The document itself is the schema root, so its "#/components/schemas/…" references resolve.
  ajv.addSchema({ $id: DOC_ID, components: doc.components });
}, 120_000);
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Validates a response body against the document's schema for that route, method and status. */
async function conforms(path: string, method: string, response: Response): Promise<void> {
  const schema = doc.paths[`/api/v1${path}`]?.[method]?.responses[String(response.status)]?.content?.["application/json"]?.schema as { $ref: string } | undefined;
  expect(schema?.$ref, `${method} ${path} → ${response.status} is documented with a schema`).toMatch(/^#\/components\/schemas\//);
  const validate = ajv.compile({ $ref: `${DOC_ID}${schema!.$ref}` });
  const body = await response.json();
  const ok = validate(body);
  expect(ok, `${method} ${path}: ${ajv.errorsText(validate.errors)}`).toBe(true);
}

const cd = (name: string) => encodeURIComponent(`${NS.cd}${name}`);

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 and lists every /api/v1 route with its parameters", () => {
    expect(doc.openapi).toBe("3.1.0");
    for (const route of API_ROUTES) expect(doc.paths[`/api/v1${route.path}`]?.[route.method], `${route.method} ${route.path}`).toBeDefined();
    const graph = doc.paths["/api/v1/graph"]!.get as unknown as { parameters: { name: string; schema: { enum?: string[] } }[] };
    expect(graph.parameters.find((p) => p.name === "view")?.schema.enum).toEqual(["full", "actors"]);
  });

  it("describes what every GET route answers on the curated data", async () => {
    const actors = (await (await fetch(`${server.url}/api/v1/graph?view=actors`)).json()) as { edges: { source: string; target: string; attributes: { relation: string } }[] };
    const edge = actors.edges[0]!;
    const entity = (await (await fetch(`${server.url}/api/v1/entity?iri=${cd("TreatyOfTurkmenchay")}`)).json()) as { evidence: { quote: string }[] };
    const calls: Record<string, string> = {
      "/health": "",
      "/graph": "?view=actors&from=1795&to=1921",
      "/edge": `?source=${encodeURIComponent(edge.source)}&target=${encodeURIComponent(edge.target)}&relation=${edge.attributes.relation}`,
      "/neighbours": `?iri=${cd("Iran")}`,
      "/entity": `?iri=${cd("TreatyOfTurkmenchay")}`,
      "/search": "?q=Turkmen",
      "/timeline": "",
      "/paths": `?from=${cd("Iran")}&to=${cd("Britain")}&order=time`,
      "/third-parties": "?from=1795&to=1921",
      "/source": `?quote=${encodeURIComponent(entity.evidence[0]!.quote)}`,
      "/places": "",
      "/examples": "",
      "/datasets": "",
    };
    const gets = API_ROUTES.filter((route) => route.method === "get");
    expect(gets.map((route) => route.path).sort()).toEqual(Object.keys(calls).sort());
    for (const route of gets) {
      const response = await fetch(`${server.url}/api/v1${route.path}${calls[route.path]}`);
      expect(response.status, `GET ${route.path}`).toBe(200);
      await conforms(route.path, "get", response);
    }
  });

  it("describes an upload's answer, its removal and an error answer", async () => {
    const upload = await fetch(`${server.url}/api/v1/datasets?name=openapi`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "text/turtle" },
      body: "<http://example.org/a> <http://example.org/p> 1 .",
    });
    expect(upload.status).toBe(201);
    await conforms("/datasets", "post", upload);
    const removed = await fetch(`${server.url}/api/v1/datasets/openapi`, { method: "DELETE", headers: { authorization: `Bearer ${TOKEN}` } });
    expect(removed.status).toBe(204);
    await conforms("/entity", "get", await fetch(`${server.url}/api/v1/entity?iri=not-an-iri`));
  });
});
