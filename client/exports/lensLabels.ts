/**
 * Lens labels
 * ===========
 * What the lens figure prints under each third party's name: its roles in the dyad, in words and
 * years ("common threat 1907–1917; mediator 1946"), so the figure says why each one is drawn.
 * Roles of one type are merged into one span of years. Pure: from the third-party analysis.
 */
import type { ThirdPartyAnalysis } from "../../contract/api.ts";
import { yearText } from "./figure.ts";

export function lensRoleLines(analysis: ThirdPartyAnalysis): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { actor, roles } of analysis.thirdParties) {
    const spans = new Map<string, { from?: number; to?: number }>();
    for (const r of roles) {
      const name = r.role.label || "third party";
      const span = spans.get(name) ?? {};
      const start = r.startYear ?? r.endYear;
      const end = r.endYear ?? r.startYear;
      if (start !== undefined) span.from = Math.min(span.from ?? start, start);
      if (end !== undefined) span.to = Math.max(span.to ?? end, end);
      spans.set(name, span);
    }
    const parts = [...spans].map(([name, { from, to }]) =>
      from === undefined ? name : from === to ? `${name} ${yearText(from)}` : `${name} ${yearText(from)}–${yearText(to!)}`,
    );
    if (parts.length > 0) out.set(actor.iri, [parts.join("; ")]);
  }
  return out;
}
