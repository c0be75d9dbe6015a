import { describe, expect, it } from "vitest";
import { analyzeQuery } from "./analyzeQuery.ts";
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

  it("gives the line and column of a syntax error and a short list of what was expected", () => {
    let error: unknown;
    try {
      analyzeQuery("SELECT * WHERE {\n  ?s ?p }");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(QuerySyntaxError);
    expect(error).toMatchObject({ code: "QUERY_SYNTAX", line: 2 });
    expect((error as QuerySyntaxError).column).toBeGreaterThan(0);
    expect((error as Error).message).toMatch(/^Line 2, column \d+: .*Unexpected '}'; expected .* \(or \d+ more\)/s);
  });

  it("reads the position out of Oxigraph's own syntax errors", () => {
    expect(fromOxigraphMessage("error at 2:9: expected one of LATERAL, SERVICE")).toMatchObject({ line: 2, column: 9, detail: "expected one of LATERAL, SERVICE" });
    expect(fromOxigraphMessage("The service <x> is not supported")).toBeUndefined();
  });
});
