import { describe, expect, it } from "vitest";
import { MAX_YEAR } from "./timelineScale.ts";
import { sweepFrames } from "./timelinePlay.ts";

describe("timeline play", () => {
  it("sweeps from 1500 to 2021 when no range is chosen, always moving forward", () => {
    const frames = sweepFrames(undefined, undefined);
    expect(frames[0]![0]).toBe(1500);
    expect(frames.at(-1)![1]).toBe(MAX_YEAR);
    for (let i = 1; i < frames.length; i++) expect(frames[i]![0]).toBeGreaterThan(frames[i - 1]![0]);
  });

  it("keeps the width of the chosen range and starts from it", () => {
    const frames = sweepFrames(1501, 1722);
    expect(frames[0]![0]).toBe(1501);
    expect(Math.abs(frames[0]![1] - 1722)).toBeLessThanOrEqual(1);
  });

  it("starts over at 1500 when the chosen range already ends the timeline", () => {
    expect(sweepFrames(1991, 2021)[0]![0]).toBe(1500);
  });
});
