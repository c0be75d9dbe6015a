/**
 * Faults: nothing lost
 * ====================
 * The real server (node + tsx, its own process, a temporary --data-dir) is killed with SIGKILL
 * during an upload and inside the write of the stored files, then started again on the same
 * directory; a stored file is garbled between runs; the data directory is made read-only and full
 * with real tmpfs mounts. Each time the uploads are exactly as before or exactly as after, earlier
 * uploads answer the same SPARQL counts, and the server keeps serving.
 *
 * The kill inside the write lands deterministically through the store's fault-injection hooks
 * (CASPIAN_TEST_PAUSE_BEFORE_RENAME / _BEFORE_INDEX, see server/rdf/uploadStore.ts); a query
 * worker refusing an upload's data or stopped in the middle of it through the worker's
 * (CASPIAN_TEST_REJECT_CHANGE_WITH / _PAUSE_IN_CHANGE, see server/sparql/oxigraphWorker.ts). The mount
 * tests need root (or passwordless sudo) with mount permission; without it they are skipped with
 * the reason printed, except in CI, where they fail instead.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { request } from "node:http";
import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from "node:fs/promises";
import { mkdtempSync, rmdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { UploadStore, uploadGraphIri } from "./rdf/uploadStore.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TOKEN = "fault-test-admin-token";

const children: ChildProcess[] = [];
const temporaryDirs: string[] = [];
const mounts: string[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGKILL");
      await once(child, "exit");
    }
  }
});

afterAll(async () => {
  for (const dir of mounts.splice(0)) unmount(dir);
  for (const dir of temporaryDirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

interface Server {
  url: string;
  child: ChildProcess;
  stderr: () => string;
  /** Resolves when stderr contains the text. */
  waitForStderr: (text: string) => Promise<void>;
}

async function newDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "caspian-faults-"));
  temporaryDirs.push(dir);
  return dir;
}

/** Starts the real server on the data directory, with one tiny data file so it starts fast. */
async function startServer(dataDir: string, env: Record<string, string> = {}, args: string[] = []): Promise<Server> {
  const tiny = join(await newDir(), "tiny.nt");
  await writeFile(tiny, '<http://example.org/tiny> <http://example.org/p> "1" .\n');
  // node --import tsx, not the tsx CLI: the CLI runs the server in a child process, and a SIGKILL
  // must reach the server itself.
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "server/main.ts", "--no-default-data", "--data", tiny, "--data-dir", dataDir, "--admin-token", TOKEN, "--workers", "1", ...args],
    { cwd: ROOT, env: { ...process.env, PORT: "0", ...env }, stdio: ["ignore", "pipe", "pipe"] },
  );
  children.push(child);
  let stdout = "";
  let stderr = "";
  const waiters: { text: string; resolve: () => void }[] = [];
  child.stderr!.on("data", (data: Buffer) => {
    stderr += data;
    for (const waiter of waiters) if (stderr.includes(waiter.text)) waiter.resolve();
  });
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (data: Buffer) => {
      stdout += data;
      if (stdout.includes("\n")) resolve(stdout.split("\n")[0]!);
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
  expect(line).toMatch(/^Caspian listening on http:\/\/127\.0\.0\.1:\d+$/);
  return {
    url: line.replace("Caspian listening on ", ""),
    child,
    stderr: () => stderr,
    waitForStderr: (text) =>
      new Promise((resolve, reject) => {
        if (stderr.includes(text)) return resolve();
        waiters.push({ text, resolve });
        child.on("exit", () => reject(new Error(`server exited before printing "${text}": ${stderr}`)));
      }),
  };
}

async function kill9(server: Server): Promise<void> {
  const exited = once(server.child, "exit");
  server.child.kill("SIGKILL");
  await exited;
}

/** N-Triples of `count` triples, subjects numbered from `from`. */
function ntriples(count: number, from = 0): string {
  let text = "";
  for (let i = from; i < from + count; i++) text += `<http://example.org/s${i}> <http://example.org/p> "value ${i}" .\n`;
  return text;
}

/** Stores a dataset through the real store before the server starts (earlier uploads). */
async function seed(dataDir: string, name: string, count: number): Promise<void> {
  const nquads = ntriples(count).replaceAll(" .\n", ` <${uploadGraphIri(name)}> .\n`);
  const { store } = await UploadStore.open(dataDir);
  await store.put(name, nquads, count, "application/n-triples");
}

async function upload(url: string, name: string, body: string): Promise<Response> {
  return await fetch(`${url}/api/v1/datasets?name=${name}.nt`, {
    method: "POST",
    headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/n-triples" },
    body,
  });
}

async function listing(url: string): Promise<{ uploads: { name: string; triples: number }[]; quarantined: { file: string; reason: string }[] }> {
  const response = await fetch(`${url}/api/v1/datasets`);
  expect(response.status).toBe(200);
  return await response.json();
}

/** The triples in the dataset's named graph, counted by SPARQL. */
async function sparqlCount(url: string, name: string): Promise<number> {
  const query = `SELECT (COUNT(*) AS ?n) WHERE { GRAPH <${uploadGraphIri(name)}> { ?s ?p ?o } }`;
  const response = await fetch(`${url}/sparql?query=${encodeURIComponent(query)}`, { headers: { Accept: "application/sparql-results+json" } });
  expect(response.status).toBe(200);
  const results = await response.json();
  return Number(results.results.bindings[0].n.value);
}

async function temporaryFiles(dataDir: string): Promise<string[]> {
  return (await readdir(join(dataDir, "datasets"))).filter((file) => file.startsWith(".tmp-"));
}

/** Expects the server healthy, answering SPARQL, with `early` still holding its triples. */
async function expectServing(url: string, earlyTriples: number): Promise<void> {
  expect((await fetch(`${url}/api/v1/health`)).status).toBe(200);
  expect(await sparqlCount(url, "early")).toBe(earlyTriples);
}

describe("a SIGKILL loses nothing", () => {
  it("leaves the dataset absent when the server is killed in the middle of an upload's body, and earlier uploads intact", async () => {
    const dataDir = await newDir();
    await seed(dataDir, "early", 1000);
    const first = await startServer(dataDir);
    expect(await sparqlCount(first.url, "early")).toBe(1000);

    const body = Buffer.from(ntriples(40_000)); // about 2.5 MB
    const { port } = new URL(first.url);
    const req = request({
      host: "127.0.0.1",
      port,
      method: "POST",
      path: "/api/v1/datasets?name=big.nt",
      headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/n-triples", "Content-Length": body.length },
    });
    req.on("error", () => {}); // the connection dies with the server
    // Half the body, in chunks, then the kill: the server holds a partial request.
    const chunk = 64 * 1024;
    for (let offset = 0; offset < body.length / 2; offset += chunk) {
      await new Promise<void>((resolve) => req.write(body.subarray(offset, offset + chunk), () => resolve()));
    }
    await kill9(first);
    req.destroy();

    const second = await startServer(dataDir);
    const { uploads, quarantined } = await listing(second.url);
    expect(uploads.map((d) => [d.name, d.triples])).toEqual([["early", 1000]]);
    expect(quarantined).toEqual([]);
    expect(await sparqlCount(second.url, "big")).toBe(0);
    await expectServing(second.url, 1000);
  });

  it.each([
    { point: "after the temporary file is written, before the rename", hook: "CASPIAN_TEST_PAUSE_BEFORE_RENAME", says: "the rename" },
    { point: "after the rename, before index.json is updated", hook: "CASPIAN_TEST_PAUSE_BEFORE_INDEX", says: "the index update" },
  ])("keeps an upload whole or absent when the server is killed $point, loads no temporary file, and keeps earlier uploads", async ({ hook, says }) => {
    const dataDir = await newDir();
    await seed(dataDir, "early", 1000);
    const first = await startServer(dataDir, { [hook]: "60000" });
    const answer = upload(first.url, "late", ntriples(2000, 5000)).catch(() => undefined);
    await first.waitForStderr(`fault hook: pausing before ${says}`);
    await kill9(first);
    expect(await answer).toBeUndefined(); // no answer: the client was never told it was stored
    // The kill landed inside the window: a whole temporary file, or the renamed file not yet indexed.
    const left = await readdir(join(dataDir, "datasets"));
    if (hook === "CASPIAN_TEST_PAUSE_BEFORE_RENAME") expect(left.filter((f) => f.startsWith(".tmp-"))).toHaveLength(1);
    else expect(left).toContain("late.nq");

    const second = await startServer(dataDir);
    const { uploads, quarantined } = await listing(second.url);
    const late = uploads.find((d) => d.name === "late");
    // Never half: either all 2000 triples, or not listed and not queryable.
    if (late) {
      expect(late.triples).toBe(2000);
      expect(await sparqlCount(second.url, "late")).toBe(2000);
    } else {
      expect(await sparqlCount(second.url, "late")).toBe(0);
    }
    // A renamed file the index never listed is set aside with its reason, not loaded and not lost.
    if (hook === "CASPIAN_TEST_PAUSE_BEFORE_INDEX" && !late) expect(quarantined).toEqual([{ file: "datasets/late.nq", reason: "is not listed in index.json" }]);
    expect(uploads.find((d) => d.name === "early")?.triples).toBe(1000);
    expect(await temporaryFiles(dataDir)).toEqual([]);
    await expectServing(second.url, 1000);
  });
});

describe("a corrupted stored file", () => {
  it("is reported on start with its name and reason, moved to quarantine/, listed, and the rest loads", async () => {
    const dataDir = await newDir();
    await seed(dataDir, "early", 1000);
    await seed(dataDir, "broken", 500);
    await seed(dataDir, "garbled", 10);
    const file = join(dataDir, "datasets", "broken.nq");
    // Cut in the middle of a line, as a torn write would.
    await truncate(file, Math.floor((await readFile(file)).length / 2) + 7);
    await writeFile(join(dataDir, "datasets", "garbled.nq"), "<<< this is not N-Quads >>>\n");

    const server = await startServer(dataDir);
    expect(server.stderr()).toMatch(/Moved datasets\/broken\.nq .*quarantine\/: it does not parse as N-Quads/);
    expect(server.stderr()).toMatch(/Moved datasets\/garbled\.nq .*quarantine\/: it does not parse as N-Quads/);
    const { uploads, quarantined } = await listing(server.url);
    expect(uploads.map((d) => d.name)).toEqual(["early"]);
    expect(quarantined.map((q) => q.file).sort()).toEqual(["datasets/broken.nq", "datasets/garbled.nq"]);
    expect(quarantined[0]!.reason).toMatch(/does not parse as N-Quads/);
    const aside = await readdir(join(dataDir, "quarantine"));
    expect(aside.filter((f) => f.endsWith("datasets_broken.nq"))).toHaveLength(1);
    expect(aside.filter((f) => f.endsWith("datasets_broken.nq.reason.txt"))).toHaveLength(1);
    expect(await readdir(join(dataDir, "datasets"))).toEqual(["early.nq"]);
    await expectServing(server.url, 1000);
  });
});

describe("an upload the query engine cannot apply", () => {
  it("is answered 503 GRAPH_CHANGE with the file and index put back as they were, and the server serving", async () => {
    const dataDir = await newDir();
    await seed(dataDir, "early", 1000);
    const server = await startServer(dataDir, { CASPIAN_TEST_REJECT_CHANGE_WITH: "poison" });
    expect((await upload(server.url, "kept", ntriples(10))).status).toBe(201);
    const keptFile = await readFile(join(dataDir, "datasets", "kept.nq"), "utf8");

    // A new version of a stored dataset, then a new dataset: both refused by the worker.
    for (const name of ["kept", "fresh"]) {
      const refused = await upload(server.url, name, `${ntriples(20, 100)}<http://example.org/x> <http://example.org/p> "poison" .\n`);
      expect(refused.status).toBe(503);
      expect(await refused.json()).toMatchObject({ code: "GRAPH_CHANGE", message: expect.stringMatching(/nothing changed: .*refuses graph changes holding "poison"/) });
    }
    const { uploads } = await listing(server.url);
    expect(uploads.map((d) => [d.name, d.triples])).toEqual([["early", 1000], ["kept", 10]]);
    expect(await readFile(join(dataDir, "datasets", "kept.nq"), "utf8")).toBe(keptFile);
    expect((await readdir(join(dataDir, "datasets"))).sort()).toEqual(["early.nq", "kept.nq"]);
    expect(await sparqlCount(server.url, "kept")).toBe(10);
    expect(await sparqlCount(server.url, "fresh")).toBe(0);
    expect(await upload(server.url, "after", ntriples(5)).then((response) => response.status)).toBe(201);
    await expectServing(server.url, 1000);

    // Disk and engine agreed: a restart on the same directory serves the same.
    await kill9(server);
    const again = await startServer(dataDir);
    expect((await listing(again.url)).uploads.map((d) => [d.name, d.triples])).toEqual([["after", 5], ["early", 1000], ["kept", 10]]);
    expect(await sparqlCount(again.url, "kept")).toBe(10);
  });

  it("is answered 201 when its worker is stopped at a query's deadline in the middle of it: the replacement applies it", async () => {
    const dataDir = await newDir();
    await seed(dataDir, "early", 1000);
    const server = await startServer(dataDir, { CASPIAN_TEST_PAUSE_IN_CHANGE: "1500" }, ["--deadline", "400"]);
    const answer = upload(server.url, "late", ntriples(2000, 5000));
    await server.waitForStderr("fault hook: pausing inside a graph change");
    // Queued behind the change on the one worker: its deadline passes there, and the worker is stopped.
    const stopped = await fetch(`${server.url}/sparql?query=${encodeURIComponent("ASK { ?s ?p ?o }")}`);
    expect(stopped.status).toBe(503);
    expect((await answer).status).toBe(201);
    expect(server.stderr().match(/fault hook: pausing inside a graph change/g)).toHaveLength(2);
    expect(await sparqlCount(server.url, "late")).toBe(2000);
    await expectServing(server.url, 1000);
  });
});

/** mount/umount as root: directly when the tests run as root, else through passwordless sudo. */
function asRoot(command: string, args: string[]): void {
  if (process.getuid?.() === 0) execFileSync(command, args, { stdio: "ignore" });
  else execFileSync("sudo", ["-n", command, ...args], { stdio: "ignore" });
}

/** Why this process cannot mount a tmpfs, or undefined when it can. */
function cannotMount(): string | undefined {
  const probe = mkdtempSync(join(tmpdir(), "caspian-mount-probe-"));
  try {
    asRoot("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe]);
    asRoot("umount", [probe]);
    return undefined;
  } catch {
    return "cannot mount a tmpfs here (needs root or passwordless sudo, with mount permission)";
  } finally {
    rmdirSync(probe);
  }
}

function unmount(dir: string): void {
  try {
    asRoot("umount", [dir]);
  } catch {
    asRoot("umount", ["-l", dir]);
  }
}

/** A fresh tmpfs (mode 1777, as /tmp: writable whoever runs the server). */
async function mountTmpfs(size: string): Promise<string> {
  const dir = await newDir();
  asRoot("mount", ["-t", "tmpfs", "-o", `size=${size},mode=1777`, "tmpfs", dir]);
  mounts.push(dir);
  return dir;
}

const noMount = cannotMount();
if (noMount && !process.env.CI) console.warn(`Skipping the read-only and full-disk tests: ${noMount}.`);

describe.skipIf(Boolean(noMount) && !process.env.CI)("a data directory that cannot take the write", () => {
  it("answers 507 STORAGE_READ_ONLY when the data directory turns read-only, stores nothing, and keeps serving", async () => {
    const dataDir = await mountTmpfs("1m");
    const server = await startServer(dataDir);
    expect((await upload(server.url, "early", ntriples(1000))).status).toBe(201);
    // The disk turns read-only under the running server (as a failing disk is remounted).
    asRoot("mount", ["-o", "remount,ro", dataDir]);

    const refused = await upload(server.url, "late", ntriples(100));
    expect(refused.status).toBe(507);
    const error = await refused.json();
    expect(error.code).toBe("STORAGE_READ_ONLY");
    expect(error.message).toMatch(/data directory.*not writable.*nothing was stored/);
    expect((await listing(server.url)).uploads.map((d) => d.name)).toEqual(["early"]);
    await expectServing(server.url, 1000);
  });

  it("starts on a data directory that is read-only from the start, serves its uploads, and refuses new ones with 507", async () => {
    const dataDir = await mountTmpfs("1m");
    await seed(dataDir, "early", 1000);
    asRoot("mount", ["-o", "remount,ro", dataDir]);
    const server = await startServer(dataDir);
    expect((await listing(server.url)).uploads.map((d) => [d.name, d.triples])).toEqual([["early", 1000]]);
    const refused = await upload(server.url, "late", ntriples(100));
    expect(refused.status).toBe(507);
    expect((await refused.json()).code).toBe("STORAGE_READ_ONLY");
    await expectServing(server.url, 1000);
  });

  it("takes a new dataset's file back when index.json cannot be written, answers 507, and keeps serving", async () => {
    // The data directory read-only, its datasets/ folder a writable mount of its own: the
    // dataset file is written, the index beside it is not.
    const dataDir = await mountTmpfs("1m");
    const server = await startServer(dataDir);
    expect((await upload(server.url, "early", ntriples(1000))).status).toBe(201);
    asRoot("mount", ["-t", "tmpfs", "-o", "size=1m,mode=1777", "tmpfs", join(dataDir, "datasets")]);
    mounts.unshift(join(dataDir, "datasets")); // unmounted before its parent
    asRoot("mount", ["-o", "remount,ro", dataDir]);

    const refused = await upload(server.url, "late", ntriples(100));
    expect(refused.status).toBe(507);
    expect((await refused.json()).code).toBe("STORAGE_READ_ONLY");
    expect(await readdir(join(dataDir, "datasets"))).not.toContain("late.nq");
    expect((await listing(server.url)).uploads.map((d) => d.name)).toEqual(["early"]);
    await expectServing(server.url, 1000);
  });

  it("answers 507 STORAGE_FULL for an upload bigger than the free space, leaves no partial file, and keeps serving", async () => {
    const dataDir = await mountTmpfs("64k");
    const server = await startServer(dataDir);
    expect((await upload(server.url, "early", ntriples(100))).status).toBe(201);

    const refused = await upload(server.url, "huge", ntriples(5000)); // about 400 KB stored
    expect(refused.status).toBe(507);
    const error = await refused.json();
    expect(error.code).toBe("STORAGE_FULL");
    expect(error.message).toMatch(/data directory.*full.*nothing was stored/);
    expect(await readdir(join(dataDir, "datasets"))).toEqual(["early.nq"]);
    expect((await listing(server.url)).uploads.map((d) => d.name)).toEqual(["early"]);
    await expectServing(server.url, 100);

    // Space given back: the next upload that fits is stored.
    expect((await upload(server.url, "small", ntriples(10))).status).toBe(201);
    await kill9(server);
    const again = await startServer(dataDir);
    expect((await listing(again.url)).uploads.map((d) => [d.name, d.triples])).toEqual([["early", 100], ["small", 10]]);
  });
});
