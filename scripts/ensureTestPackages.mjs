#!/usr/bin/env node
/**
 * Ensure test packages
 * ====================
 * Runs before `npm test` and from .ci/run: the one list of Debian packages the test suite drives
 * for real (Chromium for the browser tests, poppler and xmllint to read exported figures back,
 * Virtuoso as an external SPARQL store, Python's SPARQL clients, bibtex with plain.bst). When
 * some are missing and we are root on a machine with apt-get, they are installed; otherwise the
 * script says how and stops. It never downloads a browser or a binary any other way.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const has = (command) => spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
const installed = (pkg) => spawnSync("dpkg", ["-s", pkg], { stdio: "ignore" }).status === 0;

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const PACKAGES = [
  { name: "chromium", present: () => existsSync(chromium), why: "browser tests (client/*.test.ts)" },
  { name: "fonts-dejavu-core", present: () => installed("fonts-dejavu-core"), why: "the font embedded in figures" },
  { name: "poppler-utils", present: () => has("pdftotext") && has("pdftoppm"), why: "reading exported PDFs back" },
  { name: "libxml2-utils", present: () => has("xmllint"), why: "checking exported XML" },
  { name: "virtuoso-opensource", present: () => has("virtuoso-t"), why: "the external-store tests (spec/virtuoso)" },
  { name: "python3-sparqlwrapper", present: () => installed("python3-sparqlwrapper"), why: "SPARQLWrapper against /sparql" },
  { name: "python3-rdflib", present: () => installed("python3-rdflib"), why: "rdflib against /sparql" },
  { name: "texlive-binaries", present: () => has("bibtex"), why: "bibtex reading the exported .bib (client/exports/bibtex.test.ts)" },
  { name: "texlive-base", present: () => installed("texlive-base"), why: "plain.bst for bibtex" },
  { name: "python3-networkx", present: () => installed("python3-networkx"), why: "networkx reading exported GEXF back (cli/exportFigures.test.ts)" },
];

const missing = PACKAGES.filter((p) => !p.present());
if (missing.length === 0) process.exit(0);

const names = missing.map((p) => p.name);
const HOW = `Install them with your package manager, e.g. on Debian/Ubuntu:
  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${names.join(" ")}
(or point CHROMIUM_PATH at an existing Chromium binary).`;
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

if (isRoot && has("apt-get")) {
  console.log(`Installing Debian packages the tests need: ${missing.map((p) => `${p.name} (${p.why})`).join(", ")}.`);
  const apt = (args) => spawnSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } }).status === 0;
  if (apt(["update"]) && apt(["install", "-y", "--no-install-recommends", ...names]) && missing.every((p) => p.present())) process.exit(0);
  console.error(`Installing with apt-get failed.\n${HOW}`);
  process.exit(1);
}

console.error(`The tests need these Debian packages, which are missing: ${missing.map((p) => `${p.name} (${p.why})`).join(", ")}.\n${HOW}`);
process.exit(1);
