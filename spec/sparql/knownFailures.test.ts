import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readKnownFailures } from "./knownFailures.ts";

function listFile(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "known-")), "KNOWN-FAILURES.md");
  writeFileSync(path, text);
  return path;
}

describe("readKnownFailures", () => {
  const path = listFile(
    [
      "# Known failures",
      "Prose that mentions `sparql11/bind#bind01` is not an entry.",
      "- `sparql11/functions#bnode01` — BNODE is not new per solution.",
      "- `sparql10/syntax-sparql3#syn-bad-26` — [direct] Oxigraph accepts it.",
      "- `sparql10/construct#construct-3` — [project] sparqljs crashes.",
    ].join("\n"),
  );

  it("reads each listed test with its reason", () => {
    expect(readKnownFailures(path, new Set(["project"])).get("sparql11/functions#bnode01")).toBe("BNODE is not new per solution.");
  });

  it("ignores test ids that are not at the start of a list item", () => {
    expect(readKnownFailures(path, new Set(["project"])).has("sparql11/bind#bind01")).toBe(false);
  });

  it("applies a tagged entry only to runs with that tag", () => {
    const project = readKnownFailures(path, new Set(["project"]));
    const direct = readKnownFailures(path, new Set(["direct"]));
    expect(project.get("sparql10/construct#construct-3")).toBe("sparqljs crashes.");
    expect(project.has("sparql10/syntax-sparql3#syn-bad-26")).toBe(false);
    expect(direct.has("sparql10/syntax-sparql3#syn-bad-26")).toBe(true);
    expect(direct.has("sparql10/construct#construct-3")).toBe(false);
  });
});
