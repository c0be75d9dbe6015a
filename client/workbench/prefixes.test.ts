import { describe, expect, it } from "vitest";
import { NS } from "../../contract/namespaces.ts";
import { PREFIX_BLOCK, PREFIXES, shortIri } from "./prefixes.ts";

describe("workbench prefixes", () => {
  it("puts every project namespace above a query, one PREFIX line each", () => {
    for (const [prefix, iri] of Object.entries(PREFIXES)) expect(PREFIX_BLOCK).toContain(`PREFIX ${prefix}: <${iri}>`);
  });
  it("writes a project IRI as prefix:name and any other IRI in angle brackets", () => {
    expect(shortIri(`${NS.cd}TreatyOfTurkmenchay`)).toBe("cd:TreatyOfTurkmenchay");
    expect(shortIri(`${NS.cas}party`)).toBe("cas:party");
    expect(shortIri("http://example.org/a b")).toBe("<http://example.org/a b>");
    expect(shortIri(`${NS.cd}ref/1980`)).toBe(`<${NS.cd}ref/1980>`);
  });
});
