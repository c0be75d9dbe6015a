/**
 * The dependency direction, checked: rdf ← sparql ← graph ← http ← app/main, express only in
 * the HTTP layer, and the client touching the server only through `import type` of the one
 * contract file. Plays the part of a no-restricted-imports lint rule.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CONTRACT = "contract/api.ts";

interface Import {
  from: string;
  /** Repository path for a relative import, the package name otherwise. */
  target: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === "test" || entry.name === "fixtures" ? [] : sourceFiles(path);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$|^test[A-Z]\w*\.ts$/.test(entry.name) ? [path] : [];
  });
}

function importsOf(file: string): Import[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  const found: Import[] = [];
  const pattern = /^\s*(?:import|export)\s+(type\s+)?(?:[^;"']*?\sfrom\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/gm;
  for (const match of text.matchAll(pattern)) {
    const specifier = match[2] ?? match[3]!;
    const target = specifier.startsWith(".") ? relative(ROOT, resolve(ROOT, dirname(file), specifier)) : specifier.split("/")[0]!;
    found.push({ from: file, target, typeOnly: Boolean(match[1]) });
  }
  return found;
}

const IMPORTS = [...sourceFiles("server"), ...sourceFiles("client")].flatMap(importsOf);
const describeImport = (i: Import) => `${i.from} → ${i.target}${i.typeOnly ? " (type)" : ""}`;

/** Which server folders each layer may import at run time (type-only imports of the contract are always fine). */
const LAYERS: Record<string, string[]> = {
  "server/rdf/": ["server/rdf/"],
  "server/sparql/": ["server/rdf/", "server/sparql/"],
  "server/graph/": ["server/rdf/", "server/sparql/", "server/graph/"],
  "server/http/": ["server/rdf/", "server/sparql/", "server/graph/", "server/http/"],
};

describe("the dependency direction", () => {
  it("finds the modules it checks", () => {
    expect(IMPORTS.length).toBeGreaterThan(50);
  });

  it.each(Object.entries(LAYERS))("lets %s import only the layers below it", (layer, allowed) => {
    const wrong = IMPORTS.filter((i) => i.from.startsWith(layer) && i.target.startsWith("server/"))
      .filter((i) => !(i.typeOnly && i.target === CONTRACT))
      .filter((i) => !allowed.some((folder) => i.target.startsWith(folder)));
    expect(wrong.map(describeImport)).toEqual([]);
  });

  it("keeps express inside server/http and app.ts", () => {
    const wrong = IMPORTS.filter((i) => i.target === "express" && !i.typeOnly && !i.from.startsWith("server/http/") && i.from !== "server/app.ts");
    expect(wrong.map(describeImport)).toEqual([]);
  });

  it("lets the client see the server only as types from the API contract", () => {
    const wrong = IMPORTS.filter((i) => i.from.startsWith("client/") && i.target.startsWith("server/")).filter((i) => !(i.typeOnly && i.target === CONTRACT));
    expect(wrong.map(describeImport)).toEqual([]);
  });

  it("imports main.ts from nowhere", () => {
    expect(IMPORTS.filter((i) => i.target === "server/main.ts").map(describeImport)).toEqual([]);
  });
});
