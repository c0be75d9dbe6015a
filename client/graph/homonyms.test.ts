import { describe, expect, it } from "vitest";
import type { GraphPayload, NodeAttributes } from "../../contract/api.ts";
import { displayLabel } from "./homonyms.ts";
import { buildGraph } from "./model.ts";
import { classColor, hslToHex } from "./palette.ts";

const node = (key: string, a: Partial<NodeAttributes>) => ({ key, attributes: { label: "Syria", kind: "actor", classIri: "", classLabel: "", evidenceCount: 0, ...a } as NodeAttributes });
const payload = (nodes: GraphPayload["nodes"]): GraphPayload => ({ attributes: { totalNodes: nodes.length, totalEdges: 0 }, options: { type: "directed", multi: true, allowSelfLoops: false }, nodes, edges: [] });

describe("homonyms", () => {
  it("qualifies two nodes named Syria by their classes, and leaves a unique label alone", () => {
    const graph = buildGraph(
      payload([node("urn:place", { kind: "place", classLabel: "Place" }), node("urn:state", { classLabel: "State" }), node("urn:iran", { label: "Iran", classLabel: "State" })]),
    );
    expect(displayLabel(graph.getNodeAttributes("urn:place"))).toBe("Syria (place)");
    expect(displayLabel(graph.getNodeAttributes("urn:state"))).toBe("Syria (state)");
    expect(displayLabel(graph.getNodeAttributes("urn:iran"))).toBe("Iran");
  });

  it("falls back to the years when the classes are the same", () => {
    const graph = buildGraph(payload([node("urn:a", { label: "Tajikistan", classLabel: "State", startYear: 1929, endYear: 1991 }), node("urn:b", { label: "Tajikistan", classLabel: "State", startYear: 1991 })]));
    expect(displayLabel(graph.getNodeAttributes("urn:a"))).toBe("Tajikistan (1929–1991)");
    expect(displayLabel(graph.getNodeAttributes("urn:b"))).toBe("Tajikistan (1991)");
  });
});

describe("foreign class colours", () => {
  it("are hex, which sigma's WebGL programs can parse (an hsl() string was drawn black)", () => {
    expect(classColor("http://schema.org/Person")).toMatch(/^#[0-9a-f]{6}$/);
    expect(hslToHex(0, 1, 0.5)).toBe("#ff0000");
    expect(hslToHex(120, 1, 0.25)).toBe("#008000");
    expect(hslToHex(240, 0.65, 0.5)).toBe("#2d2dd2");
  });
});
