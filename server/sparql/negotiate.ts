/**
 * SPARQL content negotiation
 * ==========================
 * Picks a result media type from the `format` parameter (which wins, for links and browsers)
 * or the Accept header (q-values, wildcards) and the query form.
 */
import type { QueryForm } from "./engine.ts";
import { NotAcceptableError } from "./errors.ts";
import { ALIASES, familyOf, mediaTypesFor, type MediaType } from "./mediaTypes.ts";

interface AcceptEntry {
  type: string;
  q: number;
  order: number;
}

export function negotiate(form: QueryForm, accept: string | undefined, format?: string): MediaType {
  const supported = mediaTypesFor(form);
  if (format !== undefined && format !== "") {
    const chosen = resolve(form, format.trim().toLowerCase());
    if (!chosen) throw new NotAcceptableError(`format=${format}`, supported);
    return chosen;
  }
  if (!accept || accept.trim() === "") return supported[0]!;
  const entries = parseAccept(accept);
  for (const entry of entries) {
    if (entry.q <= 0) continue;
    const chosen = resolve(form, entry.type);
    if (chosen) return chosen;
  }
  throw new NotAcceptableError(`Accept: ${accept}`, supported);
}

function resolve(form: QueryForm, type: string): MediaType | undefined {
  const supported = mediaTypesFor(form);
  if (type === "*/*" || type === "*") return supported[0];
  if (type.endsWith("/*")) {
    const major = type.slice(0, -1);
    return supported.find((media) => media.startsWith(major));
  }
  const exact = supported.find((media) => media === type);
  return exact ?? ALIASES[familyOf(form)][type];
}

function parseAccept(accept: string): AcceptEntry[] {
  return accept
    .split(",")
    .map((part, order) => {
      const [type = "", ...params] = part.split(";").map((piece) => piece.trim());
      const qParam = params.find((param) => param.toLowerCase().startsWith("q="));
      const q = qParam ? Number(qParam.slice(2)) : 1;
      return { type: type.toLowerCase(), q: Number.isFinite(q) ? q : 0, order };
    })
    .filter((entry) => entry.type !== "")
    // Highest q first; among equals, more specific types before wildcards, then header order.
    .sort((a, b) => b.q - a.q || specificity(b.type) - specificity(a.type) || a.order - b.order);
}

function specificity(type: string): number {
  if (type === "*/*") return 0;
  return type.endsWith("/*") ? 1 : 2;
}
