import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import type { ThirdPartyAnalysis } from "../../contract/api.ts";
import { lensHighlight } from "./lensHighlight.ts";
import { DYAD_COLOR, ROLE_STYLES } from "./lensRoles.ts";

const CD = "https://w3id.org/caspian/data/";
const CAS = "https://w3id.org/caspian/ontology#";
const ref = (name: string) => ({ iri: CD + name, label: name });

const analysis: ThirdPartyAnalysis = {
  dyad: [ref("Iran"), ref("Russia")],
  thirdParties: [
    { actor: ref("OttomanEmpire"), roles: [{ iri: CD + "RoleOttomansThreat", role: { iri: CAS + "CommonThreat", label: "Common threat" }, evidence: [] }] },
    { actor: ref("Britain"), roles: [{ iri: CD + "RoleBritainPartner", role: { iri: CAS + "PartnerOrSupporter", label: "Partner or supporter" }, evidence: [] }] },
  ],
};

function graph() {
  const g = new MultiDirectedGraph();
  for (const n of ["Iran", "Russia", "OttomanEmpire", "Britain", "TreatyOfTurkmenchay"]) g.addNode(CD + n);
  g.addEdgeWithKey("threat", CD + "OttomanEmpire", CD + "Iran", { kind: "thirdParty", via: CD + "RoleOttomansThreat" });
  g.addEdgeWithKey("partner", CD + "Britain", CD + "Russia", { kind: "thirdParty", via: CD + "RoleBritainPartner" });
  g.addEdgeWithKey("other-dyad", CD + "Britain", CD + "Iran", { kind: "thirdParty", via: CD + "RoleBritainInAnotherDyad" });
  g.addEdgeWithKey("treaty", CD + "Britain", CD + "TreatyOfTurkmenchay", { kind: "treatyParty" });
  return g;
}

describe("lens highlight", () => {
  it("colours the dyad alike and each third party by its role", () => {
    const { nodes, colorByNode } = lensHighlight(graph(), analysis);
    expect(nodes).toEqual([CD + "Iran", CD + "Russia", CD + "OttomanEmpire", CD + "Britain"]);
    expect(colorByNode[CD + "Iran"]).toBe(DYAD_COLOR);
    expect(colorByNode[CD + "OttomanEmpire"]).toBe(ROLE_STYLES.threat.color);
    expect(colorByNode[CD + "Britain"]).toBe(ROLE_STYLES.partner.color);
  });

  it("lights the third-party edges to the dyad and leaves a third party's other edges dark", () => {
    const { edges } = lensHighlight(graph(), analysis);
    expect(edges.sort()).toEqual(["other-dyad", "partner", "threat"]);
  });
});
