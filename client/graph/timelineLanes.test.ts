import { describe, expect, it } from "vitest";
import type { TimelinePeriod } from "../../contract/api.ts";
import { laneOf, packLanes } from "./timelineLanes.ts";

const CD = "https://w3id.org/caspian/data/";
const period = (name: string, start: number, end: number, country?: string, kind: TimelinePeriod["kind"] = "dynastic"): TimelinePeriod => ({
  iri: CD + name,
  label: name,
  kind,
  startYear: start,
  endYear: end,
  country: country ? { iri: CD + country, label: country } : undefined,
});

describe("timeline lanes", () => {
  it("puts each dynastic period in its country's lane, Soviet periods in Russia's, ages in their own, loose spans in Other", () => {
    expect(laneOf(period("SafavidPeriod", 1501, 1722, "Iran"))).toBe("iran");
    expect(laneOf(period("SovietPeriod", 1917, 1991, "SovietUnion"))).toBe("russia");
    expect(laneOf(period("AgeOfGeographicalDistance", 1501, 1722, undefined, "analytic"))).toBe("ages");
    expect(laneOf(period("KhazarGovernmentPeriod", 501, 1000, "Khazars"))).toBe("other");
    expect(laneOf(period("PostSafavidCenturies", 1722, 1991, "Iran", "other"))).toBe("other");
  });

  it("gives an overlapping reign a row below its era instead of drawing over it", () => {
    const { placed, lanes } = packLanes([
      period("ShahAbbasReign", 1588, 1629, "Iran"),
      period("SafavidPeriod", 1501, 1722, "Iran"),
      period("QajarPeriod", 1789, 1925, "Iran"),
    ]);
    const row = (name: string) => placed.find((p) => p.period.label === name)!.row;
    expect(row("SafavidPeriod")).toBe(0);
    expect(row("QajarPeriod")).toBe(0);
    expect(row("ShahAbbasReign")).toBe(1);
    expect(lanes).toEqual([{ key: "iran", label: "Iran", rows: 2 }]);
  });
});
