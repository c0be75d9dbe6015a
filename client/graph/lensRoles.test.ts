import { describe, expect, it } from "vitest";
import { ROLE_STYLES, roleType } from "./lensRoles.ts";

const CAS = "https://w3id.org/caspian/ontology#";

describe("third-party role styles", () => {
  it("tells the article's four roles apart by their concept IRIs", () => {
    expect(roleType({ iri: CAS + "RetainingStatus", label: "retaining status" })).toBe("buffer");
    expect(roleType({ iri: CAS + "CommonThreat", label: "common threat" })).toBe("threat");
    expect(roleType({ iri: CAS + "PartnerOrSupporter", label: "partner or supporter" })).toBe("partner");
    expect(roleType({ iri: CAS + "Mediator", label: "mediator" })).toBe("mediator");
  });

  it("gives every role its own colour, shape and word, so colour is never the only cue", () => {
    const styles = Object.values(ROLE_STYLES);
    for (const key of ["color", "shape", "name"] as const) expect(new Set(styles.map((s) => s[key])).size).toBe(styles.length);
  });
});
