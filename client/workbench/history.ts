/**
 * Query history
 * =============
 * The last queries run, kept in the browser (localStorage), newest first, without repeats, so a
 * scholar finds yesterday's question again. A storage that is full, disabled or holds garbage
 * gives an empty history rather than an error: history is a convenience.
 */
export const HISTORY_KEY = "caspian.workbench.history";
export const HISTORY_LIMIT = 50;

export interface HistoryEntry {
  query: string;
  /** When it was last run, ms since the epoch. */
  at: number;
}

export function readHistory(storage: Pick<Storage, "getItem"> | undefined = globalThis.localStorage): HistoryEntry[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(HISTORY_KEY) ?? "[]");
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((e): e is HistoryEntry => typeof e?.query === "string" && typeof e?.at === "number").slice(0, HISTORY_LIMIT);
  } catch {
    return [];
  }
}

export function remember(query: string, at = Date.now(), storage: Pick<Storage, "getItem" | "setItem"> | undefined = globalThis.localStorage): HistoryEntry[] {
  const entries = [{ query, at }, ...readHistory(storage).filter((e) => e.query !== query)].slice(0, HISTORY_LIMIT);
  try {
    storage?.setItem(HISTORY_KEY, JSON.stringify(entries));
  } catch {
    // Quota or privacy mode: the run itself must not fail over its history.
  }
  return entries;
}
