import { describe, expect, it } from "vitest";
import { FederationDisabledError, guardQuery, MAX_NESTING, MAX_OPERATORS, QueryTooComplexError, QueryTooDeepError } from "./queryGuards.ts";

describe("guardQuery", () => {
  it.each([
    ["SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"],
    ["SELECT * WHERE { service silent <http://example.org/sparql> { ?s ?p ?o } }"],
    ["SELECT * WHERE { SERVICE ?endpoint { ?s ?p ?o } }"],
    ["PREFIX ex: <http://example.org/>\nSELECT * WHERE {\n  SERVICE ex:sparql { ?s ?p ?o } }"],
  ])("refuses federation: %s", (query) => {
    expect(() => guardQuery(query)).toThrow(FederationDisabledError);
  });

  it("says where the SERVICE keyword is", () => {
    const error = (() => {
      try {
        guardQuery("SELECT *\nWHERE { SERVICE <http://x/> {} }");
      } catch (caught) {
        return caught as FederationDisabledError;
      }
    })();
    expect(error).toMatchObject({ code: "QUERY_UNSUPPORTED", line: 2, column: 9 });
  });

  it.each([
    ['SELECT * WHERE { ?s ?p "SERVICE <http://x/>" }'],
    ["SELECT * WHERE { ?s <http://example.org/SERVICE> ?o } # SERVICE <http://x/>"],
    ["PREFIX ex: <http://example.org/>\nSELECT ?service WHERE { ?service ex:SERVICE ?o }"],
  ])("lets the word SERVICE pass inside strings, IRIs, comments, names and variables: %s", (query) => {
    expect(() => guardQuery(query)).not.toThrow();
  });

  it("refuses nesting deeper than the limit and lets brackets inside strings be", () => {
    const deep = `ASK { FILTER(${"(".repeat(MAX_NESTING)}1${")".repeat(MAX_NESTING)}) }`;
    expect(() => guardQuery(deep)).toThrow(QueryTooDeepError);
    expect(() => guardQuery(`SELECT * WHERE ${"{".repeat(10_000)}${"}".repeat(10_000)}`)).toThrow(/too deeply nested/);
    expect(() => guardQuery(`ASK { ?s ?p "${"(".repeat(10_000)}" }`)).not.toThrow();
    expect(() => guardQuery(`ASK { FILTER(${"(".repeat(50)}1${")".repeat(50)}) }`)).not.toThrow();
  });

  it("refuses a flat chain of more OPTIONALs, alternatives or && than the engine's stack takes", () => {
    const chain = (part: string, joiner: string, n: number) => Array(n).fill(part).join(joiner);
    expect(() => guardQuery(`SELECT * WHERE { ?s ?p ?o ${chain("OPTIONAL { ?s ?p ?o }", " ", 1000)} }`)).toThrow(QueryTooComplexError);
    expect(() => guardQuery(`SELECT * WHERE { ?s ${chain("<http://e/p>", "|", 2000)} ?o }`)).toThrow(QueryTooComplexError);
    expect(() => guardQuery(`ASK { FILTER(${chain("?x", " && ", MAX_OPERATORS + 1)}) }`)).toThrow(QueryTooComplexError);
    expect(() => guardQuery(`SELECT * WHERE { ?s ?p ?o ${chain("OPTIONAL { ?s ?p ?o }", " ", 100)} }`)).not.toThrow();
    expect(() => guardQuery(`SELECT ?x WHERE { VALUES ?x { ${chain("<http://example.org/a/b/c>", " ", 5000)} } }`)).not.toThrow();
  });
});
