import { describe, expect, it } from "vitest";
import sparqljs from "sparqljs";
import { buildQuery } from "./buildQuery.ts";
import { withPrefixes } from "./prefixes.ts";

const CAS = "https://w3id.org/caspian/ontology#";
const CD = "https://w3id.org/caspian/data/";
const parses = (q: string) => new sparqljs.Parser().parse(withPrefixes(q));

describe("the guided builder's query", () => {
  it("names variables after the chosen classes and fetches labels optionally", () => {
    const q = buildQuery({ subject: { type: "class", iri: `${CAS}Treaty`, label: "Treaty" }, relation: `${CAS}party`, object: { type: "any" } });
    expect(q).toContain("SELECT DISTINCT ?treaty ?treatyLabel ?object ?objectLabel WHERE {");
    expect(q).toContain("?treaty a/rdfs:subClassOf* cas:Treaty .");
    expect(q).toContain("?treaty cas:party ?object .");
    expect(q).toContain("OPTIONAL { ?treaty rdfs:label ?treatyLabel }");
    expect(() => parses(q)).not.toThrow();
  });

  it("pins an entity with VALUES and keeps two classes of the same name apart", () => {
    const q = buildQuery({ subject: { type: "class", iri: `${CAS}Actor` }, relation: `${CAS}allyOf`, object: { type: "class", iri: `${CAS}Actor` } });
    expect(q).toContain("?actor cas:allyOf ?actor2 .");
    const pinned = buildQuery({ subject: { type: "entity", iri: `${CD}TreatyOfTurkmenchay`, label: "Treaty of Turkmenchay" }, relation: `${CAS}party`, object: { type: "any" } });
    expect(pinned).toContain("VALUES ?subject { cd:TreatyOfTurkmenchay }");
    expect(() => parses(pinned)).not.toThrow();
  });

  it("filters by overlapping years, from a period or from typed years", () => {
    const q = buildQuery({ subject: { type: "class", iri: `${CAS}Treaty` }, relation: `${CAS}party`, object: { type: "any" }, years: { from: 1789, to: 1925, period: "the Qajar period" } });
    expect(q).toContain("# during the Qajar period");
    expect(q).toContain("FILTER (?start <= 1925 && ?end >= 1789)");
    const open = buildQuery({ subject: { type: "any" }, relation: `${CAS}party`, object: { type: "any" }, years: { from: 1900 } });
    expect(open).toContain("FILTER (?end >= 1900)");
    expect(() => parses(q)).not.toThrow();
    expect(() => parses(open)).not.toThrow();
  });
});
