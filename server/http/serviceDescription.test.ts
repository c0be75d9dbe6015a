import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Parser, Store, type Quad } from "n3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NS } from "../rdf/namespaces.ts";
import { MEDIA } from "../sparql/mediaTypes.ts";
import { startTestServer, type TestServer } from "../test/testServer.ts";
import { FORMAT_IRIS } from "./serviceDescription.ts";
import oxigraph from "oxigraph";

const FIXTURE = `
@prefix ex: <http://example.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
ex:Turkmenchay a ex:Treaty ; rdfs:label "Treaty of Turkmenchay" ; ex:year 1828 ; ex:party ex:Iran , ex:Russia .
ex:Gulistan a ex:Treaty ; rdfs:label "Treaty of Gulistan" ; ex:year 1813 .
ex:Iran a ex:Country .
ex:Russia a ex:Country .
ex:quote oa:hasSource ex:Article .
`;

const SD = NS.sd;
const VOID = NS.void;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ documents: { "fixture.ttl": FIXTURE } });
});
afterAll(() => server.close());

async function fetchGraph(path: string, accept?: string, base = server.url): Promise<{ response: Response; store: Store }> {
  const response = await fetch(`${base}${path}`, { headers: accept ? { Accept: accept } : {} });
  const text = await response.text();
  const type = response.headers.get("content-type")?.split(";")[0] ?? "";
  let quads: Quad[];
  if (type === MEDIA.turtle || type === MEDIA.nTriples) quads = new Parser({ format: type }).parse(text);
  else {
    // JSON-LD and RDF/XML are read back by Oxigraph, then handed to n3 as N-Triples.
    const scratch = new oxigraph.Store();
    scratch.load(text, { format: type, base_iri: server.url });
    quads = new Parser({ format: "N-Triples" }).parse(scratch.dump({ format: MEDIA.nTriples, from_graph_name: oxigraph.defaultGraph() }));
  }
  return { response, store: new Store(quads) };
}

const objects = (store: Store, subject: string | null, predicate: string) => store.getObjects(subject, predicate, null).map((term) => term.value);
const one = (store: Store, subject: string | null, predicate: string) => {
  const values = objects(store, subject, predicate);
  expect(values, predicate).toHaveLength(1);
  return values[0]!;
};

describe("the service description at /sparql", () => {
  it("describes the endpoint, its language, every result format and its features in Turtle by default", async () => {
    const { response, store } = await fetchGraph("/sparql");
    expect(response.headers.get("content-type")).toContain(MEDIA.turtle);
    const [service] = store.getSubjects(`${NS.rdf}type`, `${SD}Service`, null).map((term) => term.value);
    expect(service).toBeDefined();
    expect(one(store, service!, `${SD}endpoint`)).toBe(`${server.url}/sparql`);
    expect(one(store, service!, `${SD}supportedLanguage`)).toBe(`${SD}SPARQL11Query`);
    expect(objects(store, service!, `${SD}resultFormat`).sort()).toEqual(Object.values(FORMAT_IRIS).sort());
    expect(objects(store, service!, `${SD}feature`)).toContain(`${SD}UnionDefaultGraph`);
  });

  it.each([MEDIA.turtle, MEDIA.nTriples, MEDIA.jsonLd, MEDIA.rdfXml])("is offered in %s with the same triples", async (mediaType) => {
    const { response, store } = await fetchGraph("/sparql", mediaType);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")?.split(";")[0]).toBe(mediaType);
    const reference = (await fetchGraph("/sparql", MEDIA.nTriples)).store;
    expect(store.size).toBe(reference.size);
    expect(objects(store, null, `${SD}endpoint`)).toEqual([`${server.url}/sparql`]);
  });

  it("describes the default dataset with VoID statistics counted from the data", async () => {
    const { store } = await fetchGraph("/sparql");
    const dataset = one(store, null, `${SD}defaultDataset`);
    expect(dataset).toBe(`${server.url}/.well-known/void#dataset`);
    expect(store.has(new Parser().parse(`<${dataset}> a <${VOID}Dataset> .`)[0]!)).toBe(true);
    // 11 triples in the fixture: 4 types, 2 labels, 2 years, 2 parties, 1 source.
    expect(one(store, dataset, `${VOID}triples`)).toBe("11");
    expect(one(store, dataset, `${VOID}entities`)).toBe("5");
    expect(one(store, dataset, `${VOID}classes`)).toBe("2");
    expect(one(store, dataset, `${VOID}properties`)).toBe("5");
    expect(one(store, dataset, `${VOID}distinctSubjects`)).toBe("5");
    expect(one(store, dataset, `${VOID}sparqlEndpoint`)).toBe(`${server.url}/sparql`);
    expect(one(store, dataset, `${NS.dcterms}source`)).toBe("http://example.org/Article");
    expect(one(store, dataset, `${NS.dcterms}title`)).toMatch(/Caspian/);
    expect(objects(store, dataset, `${VOID}vocabulary`).sort()).toEqual(["http://example.org/", NS.oa, NS.rdf, NS.rdfs].sort());
    const graph = one(store, dataset, `${SD}defaultGraph`);
    expect(one(store, graph, `${VOID}triples`)).toBe("11");
  });

  it("gives a class partition with the instances of each class and a property partition with the triples of each property", async () => {
    const { store } = await fetchGraph("/sparql");
    const dataset = one(store, null, `${SD}defaultDataset`);
    const classes = Object.fromEntries(
      store.getObjects(dataset, `${VOID}classPartition`, null).map((node) => [one(store, node.id, `${VOID}class`), one(store, node.id, `${VOID}entities`)]),
    );
    expect(classes).toEqual({ "http://example.org/Treaty": "2", "http://example.org/Country": "2" });
    const properties = Object.fromEntries(
      store.getObjects(dataset, `${VOID}propertyPartition`, null).map((node) => [one(store, node.id, `${VOID}property`), one(store, node.id, `${VOID}triples`)]),
    );
    expect(properties).toEqual({
      [`${NS.rdf}type`]: "4",
      [`${NS.rdfs}label`]: "2",
      "http://example.org/year": "2",
      "http://example.org/party": "2",
      [`${NS.oa}hasSource`]: "1",
    });
  });

  it("names each named graph with its triples", async () => {
    const { store } = await fetchGraph("/sparql");
    const dataset = one(store, null, `${SD}defaultDataset`);
    const graphs = store.getObjects(dataset, `${SD}namedGraph`, null).map((node) => {
      const [graph] = store.getObjects(node, `${SD}graph`, null);
      return [one(store, node.id, `${SD}name`), one(store, graph!.id, `${VOID}triples`)];
    });
    expect(graphs).toEqual([["urn:caspian:file:fixture.ttl", "11"]]);
  });
});

describe("the VoID description at /.well-known/void", () => {
  it("describes the same dataset, without the service, readable cross-origin", async () => {
    const { response, store } = await fetchGraph("/.well-known/void");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain(MEDIA.turtle);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const dataset = `${server.url}/.well-known/void#dataset`;
    expect(one(store, dataset, `${VOID}triples`)).toBe("11");
    expect(objects(store, dataset, `${VOID}classPartition`)).toHaveLength(2);
    expect(store.getSubjects(`${NS.rdf}type`, `${SD}Service`, null)).toHaveLength(0);
  });

  it("answers JSON-LD when asked, and 406 for a type it does not write", async () => {
    const { response, store } = await fetchGraph("/.well-known/void", MEDIA.jsonLd);
    expect(response.headers.get("content-type")).toContain(MEDIA.jsonLd);
    expect(one(store, `${server.url}/.well-known/void#dataset`, `${VOID}entities`)).toBe("5");
    expect((await fetch(`${server.url}/.well-known/void`, { headers: { Accept: "image/png" } })).status).toBe(406);
  });
});

describe("the statistics after an upload", () => {
  it("are counted again, with the upload's graph, once the store has changed", async () => {
    const dir = await mkdtemp(join(tmpdir(), "caspian-void-uploads-"));
    const token = "void-test-token";
    const withUploads = await startTestServer({ documents: { "fixture.ttl": FIXTURE }, uploads: { dir, adminToken: token }, workers: 1 });
    try {
      const dataset = `${withUploads.url}/.well-known/void#dataset`;
      const before = (await fetchGraph("/.well-known/void", undefined, withUploads.url)).store;
      expect(one(before, dataset, `${VOID}triples`)).toBe("11");
      const uploaded = await fetch(`${withUploads.url}/api/v1/datasets?name=gulistan.ttl`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "text/turtle" },
        body: '<http://example.org/Gulistan> <http://example.org/party> <http://example.org/Iran> , <http://example.org/Russia> .',
      });
      expect(uploaded.status).toBe(201);
      const after = (await fetchGraph("/.well-known/void", undefined, withUploads.url)).store;
      expect(one(after, dataset, `${VOID}triples`)).toBe("13");
      const names = after.getObjects(dataset, `${SD}namedGraph`, null).map((node) => one(after, node.id, `${SD}name`));
      expect(names).toEqual(expect.arrayContaining(["urn:caspian:file:fixture.ttl", "urn:caspian:upload:gulistan"]));
    } finally {
      await withUploads.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
