import { describe, expect, it } from "vitest";
import { labelSpot } from "./timelineChart.ts";
import { axisTicks } from "../graph/timelineScale.ts";

describe("period labels on the timeline", () => {
  it("sit inside a band wide enough for the whole name", () => {
    expect(labelSpot("Qajar period", 100, 200, 400)).toEqual({ text: "Qajar period", x: 103, inside: true });
  });

  it("run on after a narrow band when the row is free, instead of being cut to 'per…'", () => {
    expect(labelSpot("period of security", 100, 20, 400)).toEqual({ text: "period of security", x: 123, inside: false });
  });

  it("are cut only when enough is left to read, and left to the tooltip otherwise", () => {
    expect(labelSpot("Russia's return to prosperity and power", 100, 90, 190)?.text).toBe("Russia's retu…");
    expect(labelSpot("period of security", 100, 20, 130)).toBeUndefined();
  });
});

describe("the year axis", () => {
  it("ticks every 250 years before 1500, with year 1 for the missing year 0", () => {
    const early = axisTicks().filter((y) => y < 1500);
    expect(early).toEqual([-500, -250, 1, 250, 500, 750, 1000, 1250]);
  });
});
