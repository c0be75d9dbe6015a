import { describe, expect, it } from "vitest";
import { HISTORY_KEY, HISTORY_LIMIT, readHistory, remember } from "./history.ts";

function memoryStorage(): Pick<Storage, "getItem" | "setItem"> {
  const items = new Map<string, string>();
  return { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) };
}

describe("query history", () => {
  it("keeps the newest first, moves a repeated query to the top, and stops at the limit", () => {
    const storage = memoryStorage();
    remember("A", 1, storage);
    remember("B", 2, storage);
    expect(remember("A", 3, storage).map((e) => e.query)).toEqual(["A", "B"]);
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) remember(`Q${i}`, 10 + i, storage);
    const entries = readHistory(storage);
    expect(entries).toHaveLength(HISTORY_LIMIT);
    expect(entries[0]!.query).toBe(`Q${HISTORY_LIMIT + 4}`);
  });

  it("reads a corrupt or missing store as an empty history", () => {
    const storage = memoryStorage();
    storage.setItem(HISTORY_KEY, "{not json");
    expect(readHistory(storage)).toEqual([]);
    expect(readHistory(undefined)).toEqual([]);
    const full = { getItem: () => null, setItem: () => { throw new Error("QuotaExceededError"); } };
    expect(remember("A", 1, full)).toEqual([{ query: "A", at: 1 }]);
  });
});
