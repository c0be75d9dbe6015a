import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseConfig, USAGE } from "./config.ts";
import { markdownTable, SETTINGS } from "./settings.ts";

const README = readFileSync(new URL("../README.md", import.meta.url), "utf8");

describe("the settings registry", () => {
  it("is what README's configuration table says (regenerate with `npx tsx scripts/printSettings.ts`)", () => {
    expect(README).toContain(markdownTable());
  });

  it("puts every flag and environment variable into --help", () => {
    for (const setting of Object.values(SETTINGS) as { flag?: string; env?: string }[]) {
      if (setting.flag) expect(USAGE).toContain(`--${setting.flag}`);
      if (setting.env) expect(USAGE).toContain(setting.env);
    }
  });

  it("documents --rate-limit, which README once left out", () => {
    expect(README).toMatch(/\| `--rate-limit N` \| `CASPIAN_RATE_LIMIT` \| `600` \|/);
    expect(parseConfig(["--rate-limit", "5"], {}, "/srv")).toMatchObject({ rateLimit: 5 });
    expect(parseConfig([], { CASPIAN_RATE_LIMIT: "7" }, "/srv")).toMatchObject({ rateLimit: 7 });
  });

  it("accepts every flag it lists and reads every environment variable it names", () => {
    for (const [key, setting] of Object.entries(SETTINGS) as [string, { flag?: string; env?: string; kind: string }][]) {
      if (setting.kind === "switch" || key.startsWith("sparql")) continue;
      const fallback = (setting as unknown as { schema: { safeParse: (v: unknown) => { data?: unknown } } }).schema.safeParse(undefined).data;
      const sample = key === "profile" ? "default" : key === "store" ? "virtuoso" : key === "adminToken" ? "a-long-secret" : key === "host" ? "::1" : typeof fallback === "number" ? String(fallback + 1) : "7";
      const expected = parseConfig(setting.env ? [] : [`--${setting.flag}`, sample], setting.env ? { [setting.env]: sample } : {}, "/srv") as unknown as Record<string, unknown>;
      if (setting.flag) expect(parseConfig([`--${setting.flag}`, sample], {}, "/srv")).toEqual(expected);
    }
  });
});
