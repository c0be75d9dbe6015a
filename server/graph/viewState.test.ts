import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmbeddedEngine } from "../sparql/embeddedEngine.ts";
import { search } from "./search.ts";
import { startTestEngine } from "../test/testEngine.ts";
import { PROFILES, PROFILE_NAMES, nameProperties, viewProfile } from "./viewProfile.ts";
import { attachViews, viewsOf } from "./viewState.ts";

let engine: EmbeddedEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(() => engine.close());

describe("view profiles and the engine's view state", () => {
  it("discovers every profile in profiles/, so --profile accepts each file's name", () => {
    const files = readdirSync(new URL("./profiles/", import.meta.url)).filter((f) => f.endsWith(".json")).map((f) => f.replace(/\.json$/, ""));
    expect(Object.keys(PROFILES).sort()).toEqual(files.sort());
    expect(PROFILE_NAMES).toEqual(["auto", ...Object.keys(PROFILES)]);
    expect(PROFILES.wikidata?.name).toBe("wikidata");
  });

  it("names a resource by its profile's label properties, not the alternative spellings", () => {
    expect(nameProperties(PROFILES.default!)).toContain("http://www.w3.org/2004/02/skos/core#prefLabel");
    expect(nameProperties(PROFILES.wikidata!)).toEqual(["http://schema.org/name"]);
  });

  it("carries the profile and the views' memos on the engine, set once by attachViews", async () => {
    attachViews(engine, { profile: "wikidata" });
    expect(viewsOf(engine).profile).toBe("wikidata");
    expect((await viewProfile(engine)).name).toBe("wikidata");
    await search(engine, "Iran");
    expect(viewsOf(engine).memos.size).toBeGreaterThan(0);
    attachViews(engine, { profile: "auto" });
    expect((await viewProfile(engine)).name).toBe("default");
  });
});
