import { describe, expect, it } from "vitest";
import { iriColumns, irisIn, labelsFrom, labelsQuery, parseSolutions, ResultsFormatError, sortRows, termText, type Row } from "./results.ts";

const CD = "https://w3id.org/caspian/data/";
const XSD = "http://www.w3.org/2001/XMLSchema#";
const iri = (name: string) => ({ type: "uri" as const, value: CD + name });
const int = (n: number) => ({ type: "literal" as const, value: String(n), datatype: `${XSD}integer` });

describe("query results", () => {
  it("reads a SELECT's columns and rows and an ASK's boolean", () => {
    const select = parseSolutions(JSON.stringify({ head: { vars: ["a"] }, results: { bindings: [{ a: iri("Iran") }] } }));
    expect(select).toEqual({ form: "select", vars: ["a"], rows: [{ a: iri("Iran") }] });
    expect(parseSolutions(JSON.stringify({ head: {}, boolean: false }))).toEqual({ form: "ask", value: false });
    expect(() => parseSolutions("<html>")).toThrow(ResultsFormatError);
  });

  it("tells the columns that hold only IRIs, so two of them can be drawn as a graph", () => {
    const rows: Row[] = [{ t: iri("A"), p: iri("Iran"), y: int(1828) }, { t: iri("B"), y: int(1813) }];
    expect(iriColumns(["t", "p", "y"], rows)).toEqual(["t", "p"]);
    expect(irisIn(rows)).toEqual([CD + "A", CD + "Iran", CD + "B"]);
  });

  it("sorts years as numbers, labels as text, and keeps unbound cells last both ways", () => {
    const rows: Row[] = [{ y: int(1828) }, { y: undefined }, { y: int(500) }, { y: int(-483) }];
    expect(sortRows(rows, "y", "asc").map((r) => r.y?.value)).toEqual(["-483", "500", "1828", undefined]);
    expect(sortRows(rows, "y", "desc").map((r) => r.y?.value)).toEqual(["1828", "500", "-483", undefined]);
    const labels = new Map([[CD + "Z1", "Alpha"], [CD + "A1", "Omega"]]);
    expect(sortRows([{ x: iri("A1") }, { x: iri("Z1") }], "x", "asc", labels).map((r) => termText(r.x, labels))).toEqual(["Alpha", "Omega"]);
  });

  it("asks for all labels in one VALUES query and reads them back", () => {
    const query = labelsQuery([CD + "Iran", CD + "Russia"]);
    expect(query).toContain(`VALUES ?iri { <${CD}Iran> <${CD}Russia> }`);
    const labels = labelsFrom({ form: "select", vars: ["iri", "label"], rows: [{ iri: iri("Iran"), label: { type: "literal", value: "Iran" } }] });
    expect(labels.get(CD + "Iran")).toBe("Iran");
    expect(termText(iri("Unknown_Thing"), labels)).toBe("Unknown_Thing");
  });
});
