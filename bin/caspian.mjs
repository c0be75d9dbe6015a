#!/usr/bin/env node
// The `caspian` bin: runs the TypeScript entry (cli/caspian.ts) with tsx, passing arguments,
// standard streams and the exit code through.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const entry = fileURLToPath(new URL("../cli/caspian.ts", import.meta.url));
// tsx resolved from this package, not from the caller's working directory.
const tsx = import.meta.resolve("tsx");
const result = spawnSync(process.execPath, ["--import", tsx, entry, ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(result.status ?? 1);
