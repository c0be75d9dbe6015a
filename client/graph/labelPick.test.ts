import { describe, expect, it } from "vitest";
import { pickLabels } from "./labelPick.ts";

describe("labels by importance", () => {
  it("keeps the more important of two labels that would overlap, and a distant one beside it", () => {
    const picked = pickLabels(
      [
        { key: "britain", label: "Britain", x: 100, y: 100, size: 5 },
        { key: "kiev", label: "Kiev", x: 110, y: 102, size: 8 },
        { key: "ottomans", label: "Ottoman Empire", x: 100, y: 300, size: 4 },
      ],
      14,
      10,
    );
    expect([...picked]).toEqual(["britain", "ottomans"]);
  });

  it("labels both once zoomed in far enough that their boxes part", () => {
    const near = [
      { key: "a", label: "Syria (state)", x: 0, y: 0, size: 5 },
      { key: "b", label: "Syria (place)", x: 0, y: 12, size: 5 },
    ];
    expect(pickLabels(near, 14, 10).size).toBe(1);
    expect(pickLabels(near.map((c) => ({ ...c, y: c.y * 3 })), 14, 10).size).toBe(2);
  });

  it("stops at the maximum count and skips empty labels", () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ key: `n${i}`, label: i === 0 ? "" : `N${i}`, x: 0, y: i * 40, size: 3 }));
    const picked = pickLabels(many, 14, 5);
    expect(picked.size).toBe(5);
    expect(picked.has("n0")).toBe(false);
  });
});
