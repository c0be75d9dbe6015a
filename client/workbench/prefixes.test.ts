import { describe, expect, it } from "vitest";
import { NS, SPARQL_PREFIXES } from "../../server/rdf/namespaces.ts";
import { PREFIX_BLOCK, PREFIXES, shortIri } from "./prefixes.ts";

describe("workbench prefixes", () => {
  it("declares exactly the server's namespaces, in the same block", () => {
    expect(PREFIXES).toEqual(NS);
    expect(PREFIX_BLOCK).toBe(SPARQL_PREFIXES);
  });
  it("writes a project IRI as prefix:name and any other IRI in angle brackets", () => {
    expect(shortIri(`${NS.cd}TreatyOfTurkmenchay`)).toBe("cd:TreatyOfTurkmenchay");
    expect(shortIri(`${NS.cas}party`)).toBe("cas:party");
    expect(shortIri("http://example.org/a b")).toBe("<http://example.org/a b>");
    expect(shortIri(`${NS.cd}ref/1980`)).toBe(`<${NS.cd}ref/1980>`);
  });
});
