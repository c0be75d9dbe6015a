import { mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmbeddedEngine } from "../sparql/embeddedEngine.ts";
import { cd, MINI_FIXTURE, startTestEngine } from "../test/testEngine.ts";
import { forgetViews } from "./perEngine.ts";
import { ViewAnswerCache, viewFingerprint } from "./viewAnswerCache.ts";
import { inProcessViews } from "./viewRunner.ts";

const env = { sourceDir: tmpdir() };
let folder: string;
let engine: EmbeddedEngine;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "caspian-view-answers-"));
  engine = await startTestEngine();
});
afterAll(async () => {
  await engine.close();
  await rm(folder, { recursive: true, force: true });
});

/** A cache over the real views on `engine`, as main.ts makes one, and a count of the views it ran. */
function cacheOver(target: EmbeddedEngine, options: { fingerprint: string; minTriples?: number }) {
  const views = inProcessViews(target, env);
  const ran: string[] = [];
  const counting = { run: ((name, args) => (ran.push(name), views.run(name, args))) as typeof views.run, close: () => views.close() };
  const cache = new ViewAnswerCache(counting, { engine: target, folder, fingerprint: options.fingerprint, loaded: Promise.resolve(), minTriples: options.minTriples ?? 0 });
  return { cache, ran };
}

/** Waits until the cache has written `count` answers (it writes after answering). */
async function keptAtLeast(cache: ViewAnswerCache, count: number): Promise<void> {
  for (let i = 0; i < 200 && cache.counts.kept < count; i++) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe("view answers kept per data version", () => {
  it("answers a view seen before the restart from disk, the same text, without running it", async () => {
    const first = cacheOver(engine, { fingerprint: "same-data" });
    const graph = await first.cache.run("graph", { view: "actors" });
    const entity = await first.cache.run("entity", { iri: cd("Iran") });
    await keptAtLeast(first.cache, 2);

    // A new start over the same data: a fresh engine, nothing remembered in memory.
    const restarted = await startTestEngine();
    try {
      const second = cacheOver(restarted, { fingerprint: "same-data" });
      expect(await second.cache.run("graph", { view: "actors" })).toBe(graph);
      expect(await second.cache.run("entity", { iri: cd("Iran") })).toBe(entity);
      expect(second.ran).toEqual([]);
      expect(second.cache.counts.served).toBe(2);
      // Other arguments are another answer.
      expect(JSON.parse(await second.cache.run("entity", { iri: cd("Russia") }))).toMatchObject({ iri: cd("Russia") });
      expect(second.ran).toEqual(["entity"]);
    } finally {
      await restarted.close();
    }
  });

  it("serves nothing kept for another data version", async () => {
    const other = cacheOver(engine, { fingerprint: "other-data" });
    await other.cache.run("graph", { view: "actors" });
    expect(other.ran).toEqual(["graph"]);
  });

  it("goes to the views once the data changed after loading, and keeps nothing of it", async () => {
    const changing = await startTestEngine();
    try {
      const { cache, ran } = cacheOver(changing, { fingerprint: "changing-data" });
      await cache.run("entity", { iri: cd("Iran") });
      await keptAtLeast(cache, 1);
      await changing.addGraph("urn:test:more", [`<${cd("Iran")}> <http://www.w3.org/2000/01/rdf-schema#label> "Persia (added)" <urn:test:more> .\n`]);
      forgetViews(changing);
      const after = JSON.parse(await cache.run("entity", { iri: cd("Iran") })) as { labels?: unknown };
      expect(JSON.stringify(after)).toContain("Persia (added)");
      expect(ran).toEqual(["entity", "entity"]);
      expect(cache.counts).toEqual({ served: 0, kept: 1 });
    } finally {
      await changing.close();
    }
  });

  it("answers two visitors asking one view at once, and writes its answer once, without an error", async () => {
    const { cache } = cacheOver(engine, { fingerprint: "two-at-once" });
    const errors: unknown[] = [];
    const log = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      const [a, b] = await Promise.all([cache.run("entity", { iri: cd("Iran") }), cache.run("entity", { iri: cd("Iran") })]);
      expect(a).toBe(b);
      await keptAtLeast(cache, 1);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(errors).toEqual([]);
      expect(cache.counts.kept).toBe(1);
      expect((await readdir(join(folder, "two-at-once"))).filter((name) => name.endsWith(".json"))).toHaveLength(1);
    } finally {
      console.error = log;
    }
  });

  it("keeps nothing for a store under the size it is asked to keep from", async () => {
    const { cache, ran } = cacheOver(engine, { fingerprint: "small-store", minTriples: 1_000_000_000 });
    await cache.run("entity", { iri: cd("Iran") });
    await cache.run("entity", { iri: cd("Iran") });
    expect(ran).toEqual(["entity", "entity"]);
    expect(await readdir(folder)).not.toContain("small-store");
  });

  it("does not keep the article's text, which is read from files, not the store", async () => {
    const { cache, ran } = cacheOver(engine, { fingerprint: "source-text" });
    await cache.run("source", { quote: "nothing" }).catch(() => undefined);
    await cache.run("source", { quote: "nothing" }).catch(() => undefined);
    expect(ran).toEqual(["source", "source"]);
  });
});

describe("the fingerprint of a data version", () => {
  const settings = { profile: "auto", rowCap: 10_000 };

  it("changes when a data file changes, or a setting that changes answers", async () => {
    const file = join(folder, "data.ttl");
    await writeFile(file, `<urn:a> <urn:b> "one" .\n`);
    const before = await viewFingerprint({ files: [MINI_FIXTURE, file], settings });
    expect(await viewFingerprint({ files: [MINI_FIXTURE, file], settings })).toBe(before);
    expect(await viewFingerprint({ files: [MINI_FIXTURE, file], settings: { ...settings, profile: "wikidata" } })).not.toBe(before);
    expect(await viewFingerprint({ files: [MINI_FIXTURE], settings })).not.toBe(before);
    // Same size, edited later: make's rule sees the new modification time.
    await writeFile(file, `<urn:a> <urn:b> "two" .\n`);
    await utimes(file, new Date(), new Date(Date.now() + 5_000));
    expect(await viewFingerprint({ files: [MINI_FIXTURE, file], settings })).not.toBe(before);
  });
});
