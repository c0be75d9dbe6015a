/**
 * The map figure, exported by the real CLI: `caspian export --format map-svg,map-pdf,map-png`
 * draws the places of a year window on the Natural Earth base map; the SVG parses and carries
 * its labels, scale bar and data hash as text, two runs of the bin give the same bytes, the PDF
 * embeds its font and the PNG has the asked width.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pngInfo } from "../client/exports/pngDpi.ts";

const bin = fileURLToPath(new URL("../bin/caspian.mjs", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "caspian-map-"));
const WINDOW = ["--from", "1800", "--to", "1830"];
const run = (args: string[]) => execFileSync(process.execPath, [bin, "export", ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

let first: string;
beforeAll(() => {
  run(["--format", "map-svg,map-pdf,map-png", ...WINDOW, "--preset", "single", "--dpi", "150", "--out", join(dir, "a")]);
  run(["--format", "map-svg", ...WINDOW, "--preset", "single", "--out", join(dir, "b.svg")]);
  first = readFileSync(join(dir, "a", "map.svg"), "utf8");
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);

describe("caspian export --format map-svg, map-pdf, map-png", () => {
  it("writes a well-formed SVG of 89 mm whose labels, changes, scale bar and caption are <text>", () => {
    expect(XMLValidator.validate(first)).toBe(true);
    expect(first).toMatch(/<svg [^>]*width="89mm"/);
    const labels = texts(first);
    expect(labels).toEqual(expect.arrayContaining(["Caucasus ceded 1813", "Caucasus ceded 1828", "1800–1830"]));
    expect(labels.some((t) => /^\d+ km$/.test(t))).toBe(true);
    expect(first).toContain('class="land"');
    expect(first).toMatch(/<dc:source>sha256:[0-9a-f]{64}<\/dc:source>/);
    // The caption names what is not on the map and the data's hash.
    expect(first).toContain("Not on the map (no single point): Africa");
    expect(first).toMatch(/Data sha256: [0-9a-f]{12}/);
  });

  it("gives byte-identical SVG in two runs of the CLI", () => {
    expect(readFileSync(join(dir, "b.svg"), "utf8")).toBe(first);
  });

  it("embeds the font in the PDF and keeps the labels as text", () => {
    const pdf = join(dir, "a", "map.pdf");
    expect(execFileSync("pdffonts", [pdf], { encoding: "utf8" })).toMatch(/DejaVuSans.*yes\s+yes/);
    expect(execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" })).toContain("Caucasus ceded 1813");
  });

  it("writes the PNG at the preset's width for the asked DPI", () => {
    const info = pngInfo(new Uint8Array(readFileSync(join(dir, "a", "map.png"))));
    expect(info.width).toBe(Math.round((89 / 25.4) * 150));
  });
});
