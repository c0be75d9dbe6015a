import { describe, expect, it } from "vitest";
import { MATCH_SCORES, editDistance, foldText, matchScore } from "./labelMatch.ts";

describe("foldText", () => {
  it("lower-cases, strips accents and apostrophes, and turns punctuation into single spaces", () => {
    expect(foldText("  Tabrīz ")).toBe("tabriz");
    expect(foldText("Shah ʿAbbās's  mission—1599")).toBe("shah abbass mission 1599");
    expect(foldText("Iran-Russia")).toBe("iran russia");
  });
});

describe("matchScore", () => {
  it.each([
    ["golestan", "Golestan", MATCH_SCORES.exact],
    ["treaty of", "Treaty of Gulistan", MATCH_SCORES.prefix],
    ["gulistan", "Treaty of Gulistan", MATCH_SCORES.wordPrefix],
    ["ulistan", "Treaty of Gulistan", MATCH_SCORES.substring],
    ["turkmanchay", "Treaty of Turkmenchay", MATCH_SCORES.close],
    ["astrakhan", "Haji Tarkhan", 0],
    ["iran", "Ivan", 0],
  ])("scores the query %j against %j as %i", (query, label, score) => {
    expect(matchScore(query, label)).toBe(score);
  });
});

describe("editDistance", () => {
  it("counts insertions, deletions and substitutions", () => {
    expect(editDistance("turkmanchay", "turkmenchay")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
  });
});
