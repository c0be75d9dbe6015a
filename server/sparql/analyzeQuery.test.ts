import { describe, expect, it } from "vitest";
import { analyzeQuery, firstKeyword, preferParserError } from "./analyzeQuery.ts";
import { fromOxigraphMessage, QuerySyntaxError, ReadOnlyError } from "./errors.ts";

describe("analyzeQuery", () => {
  it.each([
    ["SELECT * WHERE { ?s ?p ?o }", "SELECT"],
    ["ASK { ?s ?p ?o }", "ASK"],
    ["CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT"],
    ["DESCRIBE <http://example.org/a>", "DESCRIBE"],
    ["PREFIX ex: <http://example.org/>\nSELECT ?s WHERE { << ?s ex:p ?o >> ex:q ?r }", "SELECT"],
  ])("tells the form of %j", (query, form) => {
    expect(analyzeQuery(query).form).toBe(form);
  });

  it("refuses an update with a ReadOnlyError", () => {
    expect(() => analyzeQuery("INSERT DATA { <http://a> <http://b> <http://c> }")).toThrow(ReadOnlyError);
    expect(() => analyzeQuery("CLEAR ALL")).toThrow(ReadOnlyError);
  });

  it("lets through valid SPARQL that sparqljs cannot read, with the form from its first keyword", () => {
    // \u escapes in an IRI (W3C syntax-esc-04) and a bare [ p o ] CONSTRUCT template (construct-3).
    expect(analyzeQuery("SELECT * WHERE { <\\u0078> ?p ?o }")).toMatchObject({ form: "SELECT", parsedBy: "keyword" });
    const template = "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\nCONSTRUCT { [ rdf:subject ?s ] } WHERE { ?s ?p ?o }";
    expect(analyzeQuery(template)).toMatchObject({ form: "CONSTRUCT", parsedBy: "keyword" });
  });

  it("still refuses an update that sparqljs cannot read", () => {
    expect(() => analyzeQuery("PREFIX ex: <http://example.org/>\nINSERT DATA { <\\u0078> ex:p ex:o }")).toThrow(ReadOnlyError);
    expect(() => analyzeQuery("# a comment\nBASE <http://example.org/>\nDELETE WHERE { <\\u0078> ?p ?o }")).toThrow(ReadOnlyError);
  });

  it("reads the first keyword after BASE, PREFIX, comments and \\u escapes", () => {
    expect(firstKeyword("BASE <http://x/#a>\n# SELECT\nPREFIX ex: <http://x/>\n  PREFIX : <y>\n\\u0041SK {}")).toBe("ASK");
    expect(firstKeyword("prefix ex:<http://x/>construct {}")).toBe("CONSTRUCT");
    expect(firstKeyword("{ ?s ?p ?o }")).toBeUndefined();
  });

  it("reports sparqljs's error when the store refuses the query too", async () => {
    const analysis = analyzeQuery("SELECT * WHERE {\n  ?s ?p }");
    expect(analysis.parserError).toMatchObject({ code: "QUERY_SYNTAX", line: 2 });
    const storeRefuses = () => Promise.reject(new QuerySyntaxError("expected one of ...", 2, 9));
    await expect(preferParserError(analysis, storeRefuses)).rejects.toBe(analysis.parserError);
    await expect(preferParserError(analysis, () => Promise.resolve(1))).resolves.toBe(1);
  });

  it("gives the line and column of a syntax error and a short list of what was expected", () => {
    let error: unknown;
    try {
      analyzeQuery("{\n  ?s ?p }");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(QuerySyntaxError);
    expect(error).toMatchObject({ code: "QUERY_SYNTAX", line: 1 });
    expect((error as QuerySyntaxError).column).toBeGreaterThan(0);
    expect((error as Error).message).toMatch(/^Line 1, column \d+: .*Unexpected '\{'; expected .* \(or \d+ more\)/s);
  });

  it("reads the position out of Oxigraph's own syntax errors", () => {
    expect(fromOxigraphMessage("error at 2:9: expected one of LATERAL, SERVICE")).toMatchObject({ line: 2, column: 9, detail: "expected one of LATERAL, SERVICE" });
    expect(fromOxigraphMessage("The service <x> is not supported")).toBeUndefined();
  });
});
