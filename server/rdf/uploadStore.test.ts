import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UploadStore } from "./uploadStore.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "caspian-store-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const NQ = '<http://example.org/a> <http://example.org/p> "1" <urn:caspian:upload:one> .\n';

describe("UploadStore", () => {
  it("keeps a dataset durably: no temporary file left, listed again after reopening", async () => {
    const { store } = await UploadStore.open(dir);
    await store.put("one", NQ, 1, "text/turtle");
    expect((await readdir(join(dir, "datasets"))).filter((f) => f.startsWith(".tmp-"))).toEqual([]);
    const again = await UploadStore.open(dir);
    expect(again.store.list()).toEqual([expect.objectContaining({ name: "one", graph: "urn:caspian:upload:one", triples: 1 })]);
    expect(again.loaded[0]!.quads).toHaveLength(1);
  });

  it("refuses a name that could leave the data directory", async () => {
    const { store } = await UploadStore.open(dir);
    await expect(store.put("../evil", NQ, 1, "text/turtle")).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("sets an unreadable index aside and lists the datasets again from their files", async () => {
    const { store } = await UploadStore.open(dir);
    await store.put("one", NQ, 1, "text/turtle");
    await writeFile(join(dir, "index.json"), "{ not json");
    const again = await UploadStore.open(dir);
    expect(again.store.list().map((d) => [d.name, d.triples])).toEqual([["one", 1]]);
    expect(again.store.quarantined).toEqual([{ file: "index.json", reason: expect.stringMatching(/not a readable index/) }]);
    expect(JSON.parse(await readFile(join(dir, "index.json"), "utf8")).datasets).toHaveLength(1);
  });
});
