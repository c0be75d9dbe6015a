import { describe, expect, it } from "vitest";
import { buildReport, formatReport } from "./report.ts";
import type { TestOutcome } from "./runSuite.ts";

const outcome = (id: string, status: TestOutcome["status"]): TestOutcome => ({
  id,
  uri: `https://w3c.github.io/rdf-tests/sparql/${id}`,
  folder: id.split("#")[0]!,
  manifest: "sparql11/manifest-sparql11-query.ttl",
  status,
  ...(status === "pass" ? {} : { message: `${status}: details` }),
});

describe("buildReport", () => {
  const known = new Map([
    ["sparql11/bind#bind02", "known cause"],
    ["sparql11/bind#bind03", "fixed since"],
  ]);
  const report = buildReport(
    [
      outcome("sparql11/bind#bind01", "pass"),
      outcome("sparql11/bind#bind02", "fail"),
      outcome("sparql11/bind#bind03", "pass"),
      outcome("sparql11/exists#exists01", "fail"),
      outcome("sparql11/exists#exists02", "skip"),
    ],
    known,
  );

  it("counts pass, fail and skip per folder, skips apart from passes", () => {
    expect(report.folders).toEqual([
      { manifest: "sparql11/manifest-sparql11-query.ttl", folder: "sparql11/bind", pass: 2, fail: 1, known: 1, skip: 0 },
      { manifest: "sparql11/manifest-sparql11-query.ttl", folder: "sparql11/exists", pass: 0, fail: 1, known: 0, skip: 1 },
    ]);
  });

  it("flags only failures missing from the known list as unexpected", () => {
    expect(report.unexpected.map(({ id }) => id)).toEqual(["sparql11/exists#exists01"]);
  });

  it("names known failures that pass now so the list can shrink", () => {
    expect(report.fixed).toEqual(["sparql11/bind#bind03"]);
  });

  it("prints the unexpected failures with their first line", () => {
    expect(formatReport(report)).toContain("- `sparql11/exists#exists01` — fail: details");
  });
});
