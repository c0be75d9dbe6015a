#!/usr/bin/env node
/**
 * Ensure Chromium
 * ===============
 * Runs before `npm test`: the browser tests drive Debian's Chromium (/usr/bin/chromium, or
 * CHROMIUM_PATH). If it is missing and we are root on a machine with apt-get, install it with
 * apt-get; otherwise say how to install it and stop. It never downloads a browser any other way.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const HOW = `Install it with your package manager, e.g. on Debian/Ubuntu:
  sudo apt-get update && sudo apt-get install -y chromium fonts-dejavu-core
or point CHROMIUM_PATH at an existing Chromium binary.`;

if (existsSync(path)) process.exit(0);

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const hasApt = spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status === 0;

if (!process.env.CHROMIUM_PATH && isRoot && hasApt) {
  console.log("Chromium is missing: installing Debian's chromium with apt-get (browser tests need it).");
  const run = (args) => spawnSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } }).status === 0;
  if (run(["update"]) && run(["install", "-y", "--no-install-recommends", "chromium", "fonts-dejavu-core"]) && existsSync(path)) process.exit(0);
  console.error(`Installing chromium with apt-get failed.\n${HOW}`);
  process.exit(1);
}

console.error(`Chromium was not found at ${path}; the browser tests need it.\n${HOW}`);
process.exit(1);
