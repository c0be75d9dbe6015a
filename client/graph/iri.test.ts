import { describe, expect, it } from "vitest";
import { NS } from "../../server/rdf/namespaces.ts";
import { CD, compactIri, expandIri } from "./iri.ts";

describe("client IRIs", () => {
  it("uses the same data namespace as the server", () => {
    expect(CD).toBe(NS.cd);
  });
  it("shortens curated IRIs to cd: and expands them back", () => {
    const iri = `${NS.cd}TreatyOfTurkmenchay`;
    expect(compactIri(iri)).toBe("cd:TreatyOfTurkmenchay");
    expect(expandIri(compactIri(iri))).toBe(iri);
    expect(compactIri("http://example.org/x")).toBe("http://example.org/x");
  });
});
