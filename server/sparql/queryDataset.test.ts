import { describe, expect, it } from "vitest";
import { analyzeQuery } from "./analyzeQuery.ts";
import { namesDataset, queryDataset } from "./queryDataset.ts";

const none = { defaultGraphs: [], namedGraphs: [] };

describe("the dataset a query is asked over", () => {
  it("is the store's own (the union default graph) when neither the query nor the request names one", () => {
    expect(queryDataset(analyzeQuery("SELECT * { ?s ?p ?o }"), none)).toEqual({});
  });

  it("is the query's FROM alone, with no named graphs, when the query has only FROM", () => {
    expect(queryDataset(analyzeQuery("SELECT * FROM <http://example.org/g> { ?s ?p ?o }"), none)).toEqual({ defaultGraphs: ["http://example.org/g"], namedGraphs: [] });
  });

  it("has an empty default graph when the query has only FROM NAMED", () => {
    expect(queryDataset(analyzeQuery("SELECT * FROM NAMED <http://example.org/g> { GRAPH ?g { ?s ?p ?o } }"), none)).toEqual({ defaultGraphs: [], namedGraphs: ["http://example.org/g"] });
  });

  it("is exactly what the protocol parameters name once either is given, whatever the query's FROM says", () => {
    const analysis = analyzeQuery("SELECT * FROM <http://example.org/a> FROM NAMED <http://example.org/b> { ?s ?p ?o }");
    expect(queryDataset(analysis, { defaultGraphs: [], namedGraphs: ["http://example.org/c"] })).toEqual({ defaultGraphs: [], namedGraphs: ["http://example.org/c"] });
  });
});

describe("a query sparqljs cannot read", () => {
  // sparqljs refuses \u escapes in IRIs; Oxigraph reads them (analyzeQuery.ts lets it judge).
  const escaped = "SELECT ?v FROM <http://example.org/g\\u0031> { ?s <http://example.org/in> ?v }";

  it("leaves a FROM it holds to the engine, which reads it without the union default graph", () => {
    const analysis = analyzeQuery(escaped);
    expect(analysis.parsedBy).toBe("keyword");
    expect(queryDataset(analysis, none, escaped)).toEqual({ ownDataset: true });
  });

  it("keeps the union default graph when it has no FROM", () => {
    const query = "SELECT ?v { ?s <http://example.org/i\\u006E> ?v }";
    expect(queryDataset(analyzeQuery(query), none, query)).toEqual({});
  });

  it("reads FROM as a keyword only outside strings, IRIs, comments, variables and prefixed names", () => {
    expect(namesDataset("SELECT * FROM NAMED <g> { }")).toBe(true);
    expect(namesDataset("select * from <g> { }")).toBe(true);
    expect(namesDataset('SELECT ?from { ?s ex:from "FROM" ; <http://x/FROM> from:x } # FROM')).toBe(false);
  });
});
