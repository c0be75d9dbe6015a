/**
 * RIS
 * ===
 * The sources behind a view as RIS, the tagged format Zotero, EndNote and Mendeley import,
 * mapped from the CSL-JSON records by citation-js (@citation-js/plugin-ris: TY types, AU/A2/A4
 * for authors, editors and translators, T2 for the journal or book, PY/DA, SP/EP, UR and Y2).
 *
 * citation-js lays the tags out itself but breaks every value after 70 characters, mid-word; a
 * RIS reader takes a line that does not start with a tag as a continuation or as noise, so a long
 * title came back cut. This module asks citation-js for the tag objects and writes one tag a line.
 * citation-js's current RIS mapping writes no author and no date for a newspaper article
 * (TY NEWS: the specification calls its AU the reporter), while its legacy mapping writes them as
 * A1 and Y1; those two are taken from the legacy mapping as AU and DA.
 */
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-ris";
import type { Bibliography } from "./cslRecords.ts";

type RisEntry = Record<string, string | number | (string | number)[]>;

export function toRis(bibliography: Bibliography): string {
  if (bibliography.items.length === 0) return "";
  const entries = new Cite(bibliography.items).format("ris", { format: "object" }) as unknown as RisEntry[];
  const legacy = new Cite(bibliography.items).format("ris", { format: "object", spec: "old" }) as unknown as RisEntry[];
  entries.forEach((entry, i) => {
    if (entry.TY !== "NEWS") return;
    if (!entry.AU && legacy[i]?.A1) entry.AU = legacy[i]!.A1!;
    if (!entry.DA && legacy[i]?.Y1) entry.DA = legacy[i]!.Y1!;
  });
  return entries.map((entry) => {
    const lines = [`TY  - ${entry.TY}`];
    for (const [tag, value] of Object.entries(entry)) {
      if (tag === "TY") continue;
      for (const v of ([] as (string | number)[]).concat(value)) lines.push(`${tag}  - ${String(v).replace(/\s*\n\s*/g, " ")}`);
    }
    lines.push("ER  - ");
    return lines.join("\n");
  }).join("\n\n") + "\n";
}
