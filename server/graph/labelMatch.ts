/**
 * Label matching
 * ==============
 * Folds text for case- and accent-insensitive comparison and ranks how well a query matches a
 * label: exact > prefix > word prefix > substring > a close spelling (one or two letters off,
 * as transliterations differ: "Turkmanchay" for "Turkmenchay").
 */

/** Lower case, accents stripped, punctuation as spaces, whitespace collapsed. */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[’'`ʿʾ]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export const MATCH_SCORES = { exact: 100, prefix: 80, wordPrefix: 60, substring: 40, close: 20 } as const;

/** The score of `label` for the folded query, or 0 when it does not match. */
export function matchScore(foldedQuery: string, label: string): number {
  return matchFolded(foldedQuery, foldText(label));
}

/** matchScore for a label already folded with foldText (search folds each label once). */
export function matchFolded(foldedQuery: string, folded: string): number {
  if (!foldedQuery || !folded) return 0;
  if (folded === foldedQuery) return MATCH_SCORES.exact;
  if (folded.startsWith(foldedQuery)) return MATCH_SCORES.prefix;
  if (folded.includes(` ${foldedQuery}`)) return MATCH_SCORES.wordPrefix;
  if (folded.includes(foldedQuery)) return MATCH_SCORES.substring;
  if (foldedQuery.length >= 5 && closeSpelling(foldedQuery, folded)) return MATCH_SCORES.close;
  return 0;
}

/** True when some run of the label's words is within a small edit distance of the query. */
function closeSpelling(query: string, label: string): boolean {
  const budget = query.length >= 8 ? 2 : 1;
  const words = label.split(" ");
  const queryWords = query.split(" ").length;
  for (let i = 0; i + queryWords <= words.length; i++) {
    const run = words.slice(i, i + queryWords).join(" ");
    if (Math.abs(run.length - query.length) <= budget && editDistance(run, query, budget) <= budget) return true;
  }
  return false;
}

/** Levenshtein distance, stopping early once every cell of a row exceeds `cap`. */
export function editDistance(a: string, b: string, cap = Infinity): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > cap) return rowMin;
    previous = current;
  }
  return previous[b.length]!;
}
