import { describe, expect, it } from "vitest";
import { parseRdfText } from "./parseRdf.ts";
import { formatShapeReport, shortenIri, validateShapes } from "./validateShapes.ts";

const PREFIXES = `
@prefix cas: <https://w3id.org/caspian/ontology#> .
@prefix cd: <https://w3id.org/caspian/data/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
`;

// A miniature of shapes.ttl: a treaty needs two parties that are actors; years in order.
const SHAPES = parseRdfText(`${PREFIXES}
cas:TreatyShape a sh:NodeShape ;
  sh:targetClass cas:Treaty ;
  sh:property [ sh:path cas:party ; sh:minCount 2 ; sh:message "A treaty needs at least two parties" ] ,
              [ sh:path cas:party ; sh:class cas:Actor ; sh:message "A party must be a cas:Actor" ] .
cas:YearShape a sh:NodeShape ;
  sh:targetSubjectsOf cas:startYear ;
  sh:property [ sh:path cas:startYear ; sh:lessThanOrEquals cas:endYear ; sh:message "cas:startYear is later than cas:endYear" ] .
`, "shapes.ttl");

// The ontology part that sh:class needs: a state is an actor.
const ONTOLOGY = `${PREFIXES} cas:State rdfs:subClassOf cas:Actor .`;

function data(turtle: string) {
  return parseRdfText(`${ONTOLOGY}\n${turtle}`, "data.ttl");
}

describe("validateShapes", () => {
  it("reports conformance for a treaty with two parties whose classes are subclasses of cas:Actor", async () => {
    const report = await validateShapes(data(`
      cd:Iran a cas:State . cd:Russia a cas:State .
      cd:TreatyOfGulistan a cas:Treaty ; cas:party cd:Iran , cd:Russia ; cas:startYear 1813 ; cas:endYear 1813 .
    `), SHAPES);
    expect(report).toEqual({ conforms: true, results: [] });
  });

  it("names the focus node, path and named shape of a treaty with one party", async () => {
    const report = await validateShapes(data(`
      cd:Iran a cas:State .
      cd:BrokenTreaty a cas:Treaty ; cas:party cd:Iran .
    `), SHAPES);
    expect(report.conforms).toBe(false);
    expect(report.results).toEqual([
      { focusNode: "cd:BrokenTreaty", path: "cas:party", shape: "cas:TreatyShape", severity: "Violation", message: "A treaty needs at least two parties" },
    ]);
  });

  it("gives the offending value when a party is not an actor and when years are reversed", async () => {
    const report = await validateShapes(data(`
      cd:Iran a cas:State .
      cd:T a cas:Treaty ; cas:party cd:Iran , cd:Typo ; cas:startYear 1828 ; cas:endYear 1813 .
    `), SHAPES);
    expect(report.results).toContainEqual(
      { focusNode: "cd:T", path: "cas:party", shape: "cas:TreatyShape", severity: "Violation", message: "A party must be a cas:Actor", value: "cd:Typo" });
    expect(report.results.find((r) => r.shape === "cas:YearShape")).toMatchObject({ focusNode: "cd:T", path: "cas:startYear", value: "1828" });
  });
});

describe("formatShapeReport", () => {
  it("writes one readable line per result naming node, path, message and shape", async () => {
    const report = await validateShapes(data(`cd:X a cas:Treaty ; cas:party cd:Y . cd:Y a cas:State .`), SHAPES);
    expect(formatShapeReport(report)).toBe(
      "1 SHACL result:\ncd:X — cas:party: A treaty needs at least two parties (shape cas:TreatyShape)");
  });

  it("says so in one line when the data conforms", () => {
    expect(formatShapeReport({ conforms: true, results: [] })).toBe("The data conforms to the shapes.");
  });
});

describe("shortenIri", () => {
  it("uses Caspian's prefixes and leaves unknown IRIs whole", () => {
    expect(shortenIri("https://w3id.org/caspian/ontology#Treaty")).toBe("cas:Treaty");
    expect(shortenIri("http://example.org/x")).toBe("<http://example.org/x>");
  });
});
