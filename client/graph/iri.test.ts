import { describe, expect, it } from "vitest";
import { NS } from "../../contract/namespaces.ts";
import { compactIri, expandIri } from "./iri.ts";

describe("client IRIs", () => {
  it("shortens curated IRIs to cd: and expands them back", () => {
    const iri = `${NS.cd}TreatyOfTurkmenchay`;
    expect(compactIri(iri)).toBe("cd:TreatyOfTurkmenchay");
    expect(expandIri(compactIri(iri))).toBe(iri);
    expect(compactIri("http://example.org/x")).toBe("http://example.org/x");
  });
});
