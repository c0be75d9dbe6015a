/**
 * Known failures
 * ==============
 * Reads KNOWN-FAILURES.md: every line that opens with a list marker and a test id in backticks,
 * `- \`sparql11/aggregates#agg-err-01\` — reason`, names a test that is expected to fail.
 */
import { readFileSync } from "node:fs";

const ENTRY = /^\s*[-*]\s+`([^`]+)`\s*(?:[—–-]+\s*)?(.*)$/;

/** Test id → reason. */
export function readKnownFailures(path: string): Map<string, string> {
  const known = new Map<string, string>();
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const match = ENTRY.exec(line);
    if (match) known.set(match[1]!, match[2]!.trim());
  }
  return known;
}
