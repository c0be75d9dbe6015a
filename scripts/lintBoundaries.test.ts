/**
 * The layering rules of eslint.config.js, tried on one import per boundary: each forbidden import
 * is reported with its rule, and the allowed ones are not.
 */
import { ESLint } from "eslint";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

async function restricted(file: string, specifier: string): Promise<boolean> {
  const [result] = await eslint.lintText(`import { x } from "${specifier}";\nexport const y = x;\n`, { filePath: `${ROOT}${file}` });
  return result!.messages.some((m) => m.ruleId === "no-restricted-imports");
}

const FORBIDDEN: [file: string, specifier: string][] = [
  ["contract/x.ts", "../server/rdf/namespaces.ts"],
  ["contract/x.ts", "zod"],
  ["server/rdf/x.ts", "../sparql/engine.ts"],
  ["server/rdf/x.ts", "express"],
  ["server/sparql/x.ts", "../graph/graphView.ts"],
  ["server/graph/x.ts", "../http/errors.ts"],
  ["server/graph/x.ts", "express"],
  ["server/http/x.ts", "../main.ts"],
  ["server/http/x.ts", "../../client/graph/model.ts"],
  ["client/views/x.ts", "../../server/rdf/namespaces.ts"],
  ["client/views/x.ts", "../../data/competencyQuestions.ts"],
  ["client/graph/x.ts", "../views/lens.ts"],
  ["client/exports/x.ts", "../views/graphView.ts"],
  ["cli/x.ts", "../client/views/lensHighlight.ts"],
];

const ALLOWED: [file: string, specifier: string][] = [
  ["contract/x.ts", "./kinds.ts"],
  ["server/rdf/x.ts", "../../contract/namespaces.ts"],
  ["server/graph/x.ts", "../sparql/engine.ts"],
  ["server/http/x.ts", "express"],
  ["client/views/x.ts", "../../contract/api.ts"],
  ["client/views/x.ts", "../graph/model.ts"],
  ["cli/x.ts", "../client/exports/svgFigure.ts"],
];

describe("the lint rules that keep the layering", () => {
  it.each(FORBIDDEN)("refuses %s importing %s", async (file, specifier) => {
    expect(await restricted(file, specifier)).toBe(true);
  });
  it.each(ALLOWED)("lets %s import %s", async (file, specifier) => {
    expect(await restricted(file, specifier)).toBe(false);
  });
});
