/**
 * Known failures
 * ==============
 * Reads KNOWN-FAILURES.md: every line that opens with a list marker and a test id in backticks
 * names a test expected to fail, with its reason after a dash. A reason that opens with an
 * engine name in brackets applies to that engine only:
 *
 *   - `sparql11/aggregates#agg-groupconcat-04` — Oxigraph keeps the language tag ...
 *   - `sparql10/syntax-sparql3#syn-bad-26` — [direct] Oxigraph accepts ...
 */
import { readFileSync } from "node:fs";

const ENTRY = /^\s*[-*]\s+`([^`]+)`\s*(?:[—–-]+\s*)?(.*)$/;
const ENGINE_TAG = /^\[([\w-]+)\]\s*/;

/** Test id → reason, for the tests `engine` is expected to fail. */
export function readKnownFailures(path: string, engine: string): Map<string, string> {
  const known = new Map<string, string>();
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const match = ENTRY.exec(line);
    if (!match) continue;
    const reason = match[2]!.trim();
    const tag = ENGINE_TAG.exec(reason);
    if (tag && tag[1] !== engine) continue;
    known.set(match[1]!, tag ? reason.slice(tag[0].length) : reason);
  }
  return known;
}
