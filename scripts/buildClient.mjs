#!/usr/bin/env node
/**
 * Build the explorer when its sources changed
 * ===========================================
 * `npm start` runs this first. A Vite build takes 10–15 s on a small machine, so it runs only when
 * the page's inputs differ from the ones dist/ was built from: the hash of client/, contract/,
 * vite.config.ts and package-lock.json is kept in dist/.sources-sha256. `npm run build` always
 * builds.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
// --out DIR builds elsewhere (the test does); the server serves dist/.
const outAt = process.argv.indexOf("--out");
const DIST = outAt > 0 ? process.argv[outAt + 1] : join(ROOT, "dist");
const STAMP = join(DIST, ".sources-sha256");
const INPUTS = ["client", "contract", "vite.config.ts", "package-lock.json"];

function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((name) => (name === "node_modules" ? [] : files(join(path, name))));
}

// Test files do not reach the page, but hashing them too keeps the rule simple and safe.
export function sourcesHash() {
  const hash = createHash("sha256");
  for (const file of INPUTS.flatMap((input) => files(join(ROOT, input)))) {
    hash.update(relative(ROOT, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

const force = process.argv.includes("--force");
const wanted = sourcesHash();
const built = existsSync(STAMP) && existsSync(join(DIST, "index.html")) ? readFileSync(STAMP, "utf8").trim() : "";
if (!force && built === wanted) {
  console.log("The explorer is up to date (dist/ was built from these sources); skipping the build.");
  process.exit(0);
}
const vite = spawnSync(process.execPath, [join(ROOT, "node_modules/vite/bin/vite.js"), "build", "--outDir", DIST, "--emptyOutDir"], { cwd: ROOT, stdio: "inherit" });
if (vite.status !== 0) process.exit(vite.status ?? 1);
writeFileSync(STAMP, `${wanted}\n`);
