import { describe, expect, it } from "vitest";
import { withPrefixes } from "./prefixes.ts";
import { editorQuery, queryForm, shareableQuery } from "./queryText.ts";

describe("query text", () => {
  it("tells the form past prefixes, comments, IRIs and strings", () => {
    expect(queryForm(withPrefixes("SELECT * WHERE { ?s ?p ?o }"))).toBe("select");
    expect(queryForm(withPrefixes("# SELECT in a comment\nCONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"))).toBe("construct");
    expect(queryForm('PREFIX ex: <http://example.org/select/>\nASK { ?s ?p "SELECT" }')).toBe("ask");
    expect(queryForm("describe <http://example.org/a>")).toBe("describe");
  });

  it("keeps the URL short by leaving out the standard prefixes, and puts them back on load", () => {
    const body = "SELECT ?t WHERE { ?t a cas:Treaty }";
    expect(shareableQuery(withPrefixes(body))).toBe(body);
    expect(editorQuery(shareableQuery(withPrefixes(body)))).toBe(withPrefixes(body));
    const own = "PREFIX ex: <http://example.org/>\nSELECT * { ?s ex:p ?o }";
    expect(shareableQuery(own)).toBe(own);
    expect(editorQuery(own)).toBe(own);
  });
});
