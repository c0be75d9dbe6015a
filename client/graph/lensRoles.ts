/**
 * Third-party role styles
 * =======================
 * How the lens shows a third party's role in a dyad (cas:ThirdPartyRoleTypes): a colour from the
 * Okabe–Ito palette (safe for the common colour-vision deficiencies), a shape, and a word, so the
 * role never rests on colour alone. No DOM: tested in node.
 */
import type { ThirdPartyRoleEntry } from "../../contract/api.ts";

export type RoleType = "buffer" | "threat" | "partner" | "mediator" | "other";

export interface RoleStyle {
  type: RoleType;
  /** The role in words, as the legend and the table print it. */
  name: string;
  color: string;
  /** A glyph drawn beside the word. */
  shape: string;
}

export const ROLE_STYLES: Record<RoleType, RoleStyle> = {
  buffer: { type: "buffer", name: "Buffer (retaining status)", color: "#E69F00", shape: "■" },
  threat: { type: "threat", name: "Common threat", color: "#D55E00", shape: "▲" },
  partner: { type: "partner", name: "Partner or supporter", color: "#0072B2", shape: "●" },
  mediator: { type: "mediator", name: "Mediator", color: "#009E73", shape: "◆" },
  other: { type: "other", name: "Other role", color: "#999999", shape: "○" },
};

/** The colour of the dyad's own two members on the graph. */
export const DYAD_COLOR = "#CC79A7";

/** The role type of a cas:ThirdPartyRoleTypes concept, by its IRI's local name (or its label). */
export function roleType(role: { iri: string; label: string }): RoleType {
  const local = role.iri.replace(/^.*[#/]/, "");
  const text = `${local} ${role.label}`;
  if (/Retaining|Buffer/i.test(text)) return "buffer";
  if (/CommonThreat|threat/i.test(text)) return "threat";
  if (/Partner|Supporter|Support/i.test(text)) return "partner";
  if (/Mediat/i.test(text)) return "mediator";
  return "other";
}

export function roleStyle(entry: Pick<ThirdPartyRoleEntry, "role">): RoleStyle {
  return ROLE_STYLES[roleType(entry.role)];
}
