import { Parser } from "n3";
import { describe, expect, it } from "vitest";
import { generateTriples } from "./generateGraph.ts";

const text = (triples: number, seed?: number) => [...generateTriples({ triples, seed })].join("");

describe("generateGraph", () => {
  it("writes the same valid N-Triples for the same seed, and different ones for another", () => {
    const once = text(5_000);
    expect(text(5_000)).toBe(once);
    expect(text(5_000, 8)).not.toBe(once);
    const quads = new Parser({ format: "application/n-triples" }).parse(once);
    expect(quads.length).toBeGreaterThanOrEqual(5_000);
    expect(quads.length).toBeLessThan(5_010);
  });

  it("shapes the data as diplomatic history in Caspian's ontology: states, treaties with parties, events with roles and years", () => {
    const quads = new Parser({ format: "application/n-triples" }).parse(text(20_000));
    const objects = (predicate: string) => quads.filter((q) => q.predicate.value === predicate);
    const cas = (local: string) => `https://w3id.org/caspian/ontology#${local}`;
    const types = new Set(objects("http://www.w3.org/1999/02/22-rdf-syntax-ns#type").map((q) => q.object.value));
    for (const cls of ["State", "Treaty", "Event", "Place", "Period"]) expect(types).toContain(cas(cls));
    expect(objects(cas("party")).length).toBeGreaterThan(100);
    expect(objects(cas("startYear")).every((q) => /^\d{4}$/.test(q.object.value))).toBe(true);
    // Great powers: the first actors take part far more often than the median one.
    const degree = new Map<string, number>();
    for (const q of quads) if (q.object.value.includes("/generated/actor/")) degree.set(q.object.value, (degree.get(q.object.value) ?? 0) + 1);
    const sorted = [...degree.values()].sort((a, b) => b - a);
    expect(sorted[0]!).toBeGreaterThan(5 * sorted[Math.floor(sorted.length / 2)]!);
  });
});
