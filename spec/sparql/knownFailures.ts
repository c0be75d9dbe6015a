/**
 * Known failures
 * ==============
 * Reads KNOWN-FAILURES.md: every line that opens with a list marker and a test id in backticks
 * names a test expected to fail, with its reason after a dash. A reason that opens with a tag in
 * brackets applies only to runs with that tag: an engine (`direct`, `project`) or an answer
 * format (`tsv`, `turtle`, ...):
 *
 *   - `sparql11/aggregates#agg-groupconcat-04` — Oxigraph keeps the language tag ...
 *   - `sparql10/syntax-sparql3#syn-bad-26` — [direct] Oxigraph accepts ...
 */
import { readFileSync } from "node:fs";

const ENTRY = /^\s*[-*]\s+`([^`]+)`\s*(?:[—–-]+\s*)?(.*)$/;
const ENGINE_TAG = /^\[([\w-]+)\]\s*/;

/** Test id → reason, for the tests a run with these tags is expected to fail. */
export function readKnownFailures(path: string, tags: ReadonlySet<string>): Map<string, string> {
  const known = new Map<string, string>();
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const match = ENTRY.exec(line);
    if (!match) continue;
    const reason = match[2]!.trim();
    const tag = ENGINE_TAG.exec(reason);
    if (tag && !tags.has(tag[1]!)) continue;
    known.set(match[1]!, tag ? reason.slice(tag[0].length) : reason);
  }
  return known;
}
