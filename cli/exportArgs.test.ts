/** `caspian export` flags: what each turns into, and how a wrong one is refused. */
import { describe, expect, it } from "vitest";
import { parseExportArgs } from "./exportArgs.ts";

describe("parseExportArgs", () => {
  it("reads the view, the look and the output from the flags", () => {
    const r = parseExportArgs([
      "--format", "png", "--out", "fig.png", "--from", "1700", "--to=1900", "--class", "actor,treaty", "--relation", "war",
      "--lens", "iran-russia", "--style", "colorblind", "--preset", "single", "--dpi", "600", "--no-legend", "--periods", "Safavid,Qajar",
    ]);
    expect(r).toMatchObject({
      formats: ["png"], out: "fig.png", from: 1700, to: 1900, kinds: ["actor", "treaty"], relations: ["war"], lens: "iran-russia",
      style: "colorblind", widthMm: 89, dpi: 600, legend: false, periods: ["Safavid", "Qajar"], defaultData: true,
    });
  });

  it("takes a width in inches over the preset and defaults to double column", () => {
    expect(parseExportArgs(["--format", "svg", "--width", "7in"]).widthMm).toBeCloseTo(177.8);
    expect(parseExportArgs(["--format", "svg"]).widthMm).toBe(183);
  });

  it("takes a view profile, and leaves it to detection without one", () => {
    expect(parseExportArgs(["--format", "svg", "--profile", "wikidata"]).profile).toBe("wikidata");
    expect(parseExportArgs(["--format", "svg"]).profile).toBeUndefined();
  });

  it.each([
    [["--format", "tiff"], /--format/],
    [[], /--format is required/],
    [["--format", "svg", "--kind", "emperor"], /--kind: unknown value "emperor"/],
    [["--format", "svg", "--from", "1900", "--to", "1800"], /after --to/],
    [["--format", "svg", "--from", "early"], /not a year/],
    [["--format", "pdf"], /--out FILE/],
    [["--format", "svg", "--width", "wide"], /--width/],
    [["--format", "svg", "--dpi", "5"], /--dpi/],
    [["--format", "svg", "--profile", "dbpedia"], /--profile: unknown value "dbpedia"/],
    [["--format", "svg", "--lens", "iran"], /--lens/],
    [["--format", "svg", "--bogus"], /unknown option/],
  ])("refuses %j with a message naming the flag", (args, message) => {
    expect(() => parseExportArgs(args as string[])).toThrow(message);
    expect(() => parseExportArgs(args as string[])).toThrow(expect.objectContaining({ code: "BAD_ARGUMENT" }));
  });
});
