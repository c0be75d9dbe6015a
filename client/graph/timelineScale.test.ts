import { describe, expect, it } from "vitest";
import {
  COMPRESSED_SHARE,
  formatSpan,
  fractionToYear,
  MAX_YEAR,
  MIN_YEAR,
  sliderToYear,
  yearScale,
  yearToFraction,
  yearToSlider,
} from "./timelineScale.ts";

describe("timeline scale", () => {
  it("spans the article's years from 500 BC to 2021 across the whole axis", () => {
    const scale = yearScale(100, 1100);
    expect(scale.x(MIN_YEAR)).toBe(100);
    expect(scale.x(MAX_YEAR)).toBe(1100);
  });

  it("gives the years before 1500 only a short stretch at the left", () => {
    expect(yearToFraction(1500)).toBeCloseTo(COMPRESSED_SHARE);
    const decadeAfter = yearToFraction(1720) - yearToFraction(1710);
    const decadeBefore = yearToFraction(1010) - yearToFraction(1000);
    expect(decadeAfter / decadeBefore).toBeGreaterThan(10);
  });

  it("maps x back to the year it came from", () => {
    const scale = yearScale(0, 800);
    for (const year of [-500, -1, 988, 1501, 1722, 1828, 1941, 2021]) expect(scale.year(scale.x(year))).toBe(year);
    expect(fractionToYear(2)).toBe(MAX_YEAR);
  });

  it("puts a slider position within a year of the year it was set to after 1500", () => {
    for (const year of [1501, 1722, 1796, 1917, 1979]) expect(Math.abs(sliderToYear(yearToSlider(year)) - year)).toBeLessThanOrEqual(1);
  });

  it("prints years before the common era as BC", () => {
    expect(formatSpan(-500, 1500)).toBe("500 BC–1500");
    expect(formatSpan(1828, 1828)).toBe("1828");
  });
});
