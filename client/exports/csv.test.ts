/** CSV cells: RFC 4180 quoting, and formula cells neutralised as OWASP's CSV-injection advice says. */
import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvCell, nodesCsv } from "./csv.ts";
import type { Figure } from "./figure.ts";

describe("csvCell", () => {
  it.each([
    ["=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\""],
    ["+1+cmd|' /C calc'!A0", "\"'+1+cmd|' /C calc'!A0\""],
    ["-2+3", "\"'-2+3\""],
    ["@SUM(A1:A2)", "\"'@SUM(A1:A2)\""],
    ["\t=1", "\"'\t=1\""],
    ["\r=1", "\"'\r=1\""],
  ])("neutralises the formula cell %j with a leading apostrophe, quoted", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it.each([
    ["-483", "-483"],
    ["-12.5", "-12.5"],
    ["Treaty of Turkmenchay", "Treaty of Turkmenchay"],
    ["a, b", "\"a, b\""],
  ])("leaves the ordinary cell %j as data", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it("leaves numbers numeric, BC years included", () => {
    expect(csvCell(-483)).toBe("-483");
  });

  it("writes a hostile label that a spreadsheet shows as text and a CSV reader reads back with only the apostrophe added", () => {
    const figure: Figure = {
      nodes: [{ key: "urn:x", label: "=cmd|'/C calc'!A0", kind: "actor", classIri: "", classLabel: "Actor", x: -1.5, y: 2, size: 3, color: "#0072B2", startYear: -483, evidenceCount: 0 }],
      edges: [],
    };
    const [row] = parseCsv(nodesCsv(figure), { columns: true }) as Record<string, string>[];
    expect(row!.label).toBe("'=cmd|'/C calc'!A0");
    expect(row!.start_year).toBe("-483");
    expect(row!.x).toBe("-1.5");
  });
});
