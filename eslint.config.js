// @ts-check
/**
 * ESLint (flat config)
 * ====================
 * The layering as lint rules: data flows contract ← rdf ← sparql ← graph ← http ← app/main on the
 * server, contract ← api, graph ← views in the client; express stays in the HTTP layer; the
 * client never imports server code or data/; the CLI never reaches into DOM panels
 * (client/views); contract/ imports nothing. Tests and their helpers may cross these lines (a
 * browser test starts the real server), so the boundary rules skip them.
 */
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const TESTS = ["**/*.test.ts", "**/test/**", "spec/**", "fuzz/**", "bench/**"];

/**
 * no-restricted-imports for one set of files: the import patterns it must not use, each with why.
 * Flat config replaces (not merges) a rule's options, so each file set lists every rule it needs
 * and the sets are disjoint (`ignores`).
 */
function forbid(files, rules, ignores = []) {
  return {
    files,
    ignores: [...TESTS, ...ignores],
    rules: {
      "no-restricted-imports": ["error", { patterns: rules.map(([match, message]) => (typeof match === "string" ? { regex: match, message } : { group: match, message })) }],
    },
  };
}

const NOT_CLIENT = [["**/client/**"], "The server never imports client code."];
const NO_EXPRESS = [["express"], "express stays in server/http (and app.ts): the layers below know nothing of HTTP."];
const NOT_MAIN = [["**/main.ts", "./main.ts"], "main.ts is the composition root: nothing imports it."];
const CLIENT = [["**/server/**", "**/data/**", "express", "oxigraph"], "The client reaches the server only over HTTP (client/api) and shares only contract/."];
const PURE_CLIENT = ["client/graph/**", "client/exports/**", "client/api/**"];

export default tseslint.config(
  { ignores: ["node_modules/**", "dist/**", "screenshots/**", "bench/results/**", "spec/sparql/**/*.js"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: "module" },
    rules: {
      // `_name` and rest siblings are how this code drops a field or an argument on purpose.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true }],
      // IRI, literal and XML validation match control characters on purpose.
      "no-control-regex": "off",
    },
  },
  {
    // Plain Node scripts (bin/, scripts/*.mjs): TypeScript files get their globals from tsc.
    files: ["**/*.mjs", "**/*.js"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", Buffer: "readonly", performance: "readonly", setTimeout: "readonly", clearTimeout: "readonly" } },
  },
  forbid(["contract/**"], [["^(?!\\./)", "contract/ imports nothing outside itself: it is the one folder every side imports."]]),
  forbid(["server/rdf/**"], [[["**/sparql/**", "**/graph/**", "**/http/**", "**/app.ts"], "server/rdf is the bottom layer: it imports only contract/ and itself."], NOT_MAIN, NOT_CLIENT, NO_EXPRESS]),
  forbid(["server/sparql/**"], [[["**/graph/**", "**/http/**", "**/app.ts"], "server/sparql imports only rdf/ and contract/ below it."], NOT_MAIN, NOT_CLIENT, NO_EXPRESS]),
  forbid(["server/graph/**"], [[["**/http/**", "**/app.ts"], "server/graph imports only sparql/, rdf/ and contract/ below it."], NOT_MAIN, NOT_CLIENT, NO_EXPRESS]),
  forbid(["server/http/**", "server/app.ts"], [NOT_MAIN, NOT_CLIENT]),
  forbid(["client/**"], [CLIENT], PURE_CLIENT),
  forbid(PURE_CLIENT, [CLIENT, [["**/views/**", "**/workbench/**", "../main.ts"], "Pure client code (graph, exports, api) never imports DOM panels."]]),
  forbid(["cli/**"], [[["**/client/views/**", "**/client/workbench/**"], "The CLI takes pure logic from client/graph or client/exports, never from a DOM panel."], NOT_MAIN]),
);
