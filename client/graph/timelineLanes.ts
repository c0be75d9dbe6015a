/**
 * Timeline lanes
 * ==============
 * Which lane of the timeline a period is drawn in (Iran, Russia, the article's analytic ages, or
 * other), and the packing of overlapping periods into rows inside a lane (a reign inside its
 * dynasty's era gets a row of its own instead of hiding it). No DOM: pure data, tested in node.
 */
import type { TimelinePeriod } from "../../contract/api.ts";

export type LaneKey = "iran" | "russia" | "ages" | "other";

export const LANE_LABELS: Record<LaneKey, string> = {
  iran: "Iran",
  russia: "Russia",
  ages: "Ages (article)",
  other: "Other",
};

// The Soviet Union is Russia's lane: the article treats it as Russia's Soviet period.
const RUSSIA_LIKE = /\/(Russia|SovietUnion|RussianFederation|RussianEmpire|Muscovy)$/;
const IRAN_LIKE = /\/(Iran|Persia)$/;

// Only dynastic periods sit in a country's lane: the article's loose spans ("the last twelve
// centuries", "post-Safavid centuries") carry a country too, but would bury its dynasties.
export function laneOf(period: TimelinePeriod): LaneKey {
  if (period.kind === "analytic") return "ages";
  if (period.kind !== "dynastic") return "other";
  const country = period.country;
  if (!country) return "other";
  if (IRAN_LIKE.test(country.iri) || /^(Iran|Persia)\b/i.test(country.label)) return "iran";
  if (RUSSIA_LIKE.test(country.iri) || /^(Russia|Soviet)/i.test(country.label)) return "russia";
  return "other";
}

export interface PlacedPeriod {
  period: TimelinePeriod;
  lane: LaneKey;
  row: number;
}

export interface Lanes {
  /** Lanes in drawing order, only those holding a period, with their row counts. */
  lanes: { key: LaneKey; label: string; rows: number }[];
  placed: PlacedPeriod[];
}

/** Greedy interval packing per lane: longer periods first so an era sits in row 0 above its reigns. */
export function packLanes(periods: readonly TimelinePeriod[]): Lanes {
  const order: LaneKey[] = ["iran", "russia", "ages", "other"];
  const placed: PlacedPeriod[] = [];
  const lanes: Lanes["lanes"] = [];
  for (const key of order) {
    const inLane = periods
      .filter((p) => laneOf(p) === key)
      .sort((a, b) => b.endYear - b.startYear - (a.endYear - a.startYear) || a.startYear - b.startYear);
    if (inLane.length === 0) continue;
    const rows: { start: number; end: number }[][] = [];
    for (const period of inLane) {
      let row = rows.findIndex((spans) => spans.every((s) => period.startYear > s.end || period.endYear < s.start));
      if (row === -1) {
        row = rows.length;
        rows.push([]);
      }
      rows[row]!.push({ start: period.startYear, end: period.endYear });
      placed.push({ period, lane: key, row });
    }
    lanes.push({ key, label: LANE_LABELS[key], rows: rows.length });
  }
  return { lanes, placed };
}
