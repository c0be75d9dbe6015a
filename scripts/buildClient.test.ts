import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const SCRIPT = fileURLToPath(new URL("./buildClient.mjs", import.meta.url));
const out = mkdtempSync(join(tmpdir(), "caspian-build-"));
const run = (...args: string[]) => spawnSync(process.execPath, [SCRIPT, "--out", out, ...args], { encoding: "utf8" });

describe("npm start's build step", () => {
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("builds the page once, then skips the build while the sources are unchanged", () => {
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    expect(existsSync(join(out, "index.html"))).toBe(true);
    const stamp = readFileSync(join(out, ".sources-sha256"), "utf8").trim();
    expect(stamp).toMatch(/^[0-9a-f]{64}$/);

    const second = run();
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain("up to date");

    rmSync(join(out, ".sources-sha256"));
    const third = run();
    expect(third.stdout).not.toContain("up to date");
    expect(readFileSync(join(out, ".sources-sha256"), "utf8").trim()).toBe(stamp);
  }, 180_000);
});
