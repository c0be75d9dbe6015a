import { describe, expect, it } from "vitest";
import { graphFromColumns, graphFromTriples, type Known } from "./resultGraph.ts";

const CD = "https://w3id.org/caspian/data/";
const CAS = "https://w3id.org/caspian/ontology#";
const RDFS = "http://www.w3.org/2000/01/rdf-schema#";
const RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

const known: Known = {
  node: (iri) => (iri === `${CD}Iran` ? { label: "Iran", kind: "actor" } : undefined),
  relation: (p) => (p === `${CAS}party` ? "treatyParty" : undefined),
};

describe("results as a network", () => {
  it("draws a CONSTRUCT's triples: IRIs as nodes, labels as names, types as classes, literals counted", () => {
    const nt = [
      `<${CD}TreatyOfTurkmenchay> <${CAS}party> <${CD}Iran> .`,
      `<${CD}TreatyOfTurkmenchay> <${CAS}party> <${CD}Russia> .`,
      `<${CD}TreatyOfTurkmenchay> <${RDFS}label> "Treaty of Turkmenchay" .`,
      `<${CD}TreatyOfTurkmenchay> <${RDF}type> <${CAS}Treaty> .`,
      `<${CD}TreatyOfTurkmenchay> <${CAS}startYear> "1828" .`,
    ].join("\n");
    const { graph, literals } = graphFromTriples(nt, known);
    expect(graph.order).toBe(3);
    expect(graph.size).toBe(2);
    expect(literals).toBe(1);
    expect(graph.getNodeAttribute(`${CD}TreatyOfTurkmenchay`, "label")).toBe("Treaty of Turkmenchay");
    expect(graph.getNodeAttribute(`${CD}TreatyOfTurkmenchay`, "classLabel")).toBe("Treaty");
    expect(graph.getNodeAttribute(`${CD}Iran`, "kind")).toBe("actor");
    expect(graph.getEdgeAttribute(`${CD}TreatyOfTurkmenchay|${CAS}party|${CD}Iran`, "kind")).toBe("treatyParty");
    expect(graph.getNodeAttribute(`${CD}Russia`, "label")).toBe("Russia");
  });

  it("draws two IRI columns of a SELECT as one edge per row, skipping rows without both", () => {
    const uri = (n: string) => ({ type: "uri" as const, value: CD + n });
    const rows = [{ t: uri("A"), p: uri("Iran") }, { t: uri("A"), p: uri("Russia") }, { t: uri("B") }];
    const graph = graphFromColumns(rows, "t", "p", new Map([[CD + "A", "Treaty A"]]), known);
    expect(graph.order).toBe(3);
    expect(graph.size).toBe(2);
    expect(graph.getNodeAttribute(CD + "A", "label")).toBe("Treaty A");
  });

  it("draws a SELECT with a single IRI column as its nodes, with no edges", () => {
    const uri = (n: string) => ({ type: "uri" as const, value: CD + n });
    const graph = graphFromColumns([{ s: uri("Iran") }, { s: uri("Russia") }, { s: uri("Iran") }], "s", "s", new Map(), known);
    expect(graph.order).toBe(2);
    expect(graph.size).toBe(0);
  });
});
