import { describe, expect, it } from "vitest";
import { InvalidIriError, iriRef, localName, valuesClause } from "./sparqlText.ts";

describe("iriRef", () => {
  it("writes an IRI in angle brackets", () => {
    expect(iriRef("https://w3id.org/caspian/data/Iran")).toBe("<https://w3id.org/caspian/data/Iran>");
    expect(valuesClause("x", ["urn:a", "urn:b"])).toBe("VALUES ?x { <urn:a> <urn:b> }");
  });

  it.each(["urn:a> } ; DROP ALL ; { <urn:b", "urn:a b", 'urn:"', "urn:{x}", "urn:a\\u003E"])(
    "refuses %j, which could break out of the brackets",
    (iri) => {
      expect(() => iriRef(iri)).toThrow(InvalidIriError);
    },
  );
});

describe("localName", () => {
  it("reads an IRI's last segment as words", () => {
    expect(localName("https://w3id.org/caspian/data/TreatyOfTurkmenchay")).toBe("Treaty Of Turkmenchay");
    expect(localName("https://w3id.org/caspian/ontology#treatyStatus")).toBe("treaty status");
  });
});
