import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { copyFile, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TSX = fileURLToPath(new URL("../node_modules/tsx/dist/cli.mjs", import.meta.url));

let child: ChildProcess | undefined;
afterEach(async () => {
  if (child && child.exitCode === null) {
    child.kill("SIGTERM");
    await once(child, "exit");
  }
  child = undefined;
});

function start(args: string[], env: Record<string, string>) {
  child = spawn(process.execPath, [TSX, "server/main.ts", ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (data: Buffer) => (stdout += data));
  child.stderr!.on("data", (data: Buffer) => (stderr += data));
  const firstLine = new Promise<string>((resolve, reject) => {
    child!.stdout!.on("data", () => stdout.includes("\n") && resolve(stdout.split("\n")[0]!));
    child!.on("exit", (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
  });
  firstLine.catch(() => {}); // awaited only by tests that expect the server to start
  const exit = once(child, "exit").then(([code]) => ({ code: code as number | null, stdout, stderr }));
  return { firstLine, exit };
}

describe("main", () => {
  it("prints one listening line with the real port when PORT=0, serves, and stops on SIGTERM", async () => {
    const { firstLine, exit } = start([], { PORT: "0" });
    const line = await firstLine;
    expect(line).toMatch(/^Caspian listening on http:\/\/127\.0\.0\.1:\d+$/);
    const url = line.replace("Caspian listening on ", "");
    expect(url).not.toMatch(/:0$/);
    const health = await (await fetch(`${url}/api/v1/health`)).json();
    expect(health).toMatchObject({ status: "ok" });
    expect(health.triples).toBeGreaterThan(0);
    const ask = await fetch(`${url}/sparql?query=${encodeURIComponent("ASK { ?s ?p ?o }")}`);
    expect(await ask.json()).toMatchObject({ boolean: true });
    child!.kill("SIGTERM");
    const { code, stdout } = await exit;
    expect(code).toBe(0);
    // The listening line, then the request log: one JSON line per request, with its full path.
    const [first, ...logged] = stdout.trim().split("\n");
    expect(first).toBe(line);
    expect(logged.map((entry) => (JSON.parse(entry) as { msg: string }).msg)).toEqual([
      expect.stringMatching(/^GET \/api\/v1\/health 200 \d+ ms$/),
      expect.stringMatching(/^GET \/sparql\?query=\S+ 200 \d+ ms$/),
    ]);
  });

  it("prints nothing but the listening line with --quiet", async () => {
    const { firstLine, exit } = start(["--quiet"], { PORT: "0" });
    const line = await firstLine;
    await fetch(`${line.replace("Caspian listening on ", "")}/api/v1/health`);
    child!.kill("SIGTERM");
    const { stdout } = await exit;
    expect(stdout.trim().split("\n")).toEqual([line]);
  });

  it("exits with code 2 and says what is wrong for a bad setting", async () => {
    const { exit } = start(["--row-cap", "many"], { PORT: "0" });
    const { code, stderr } = await exit;
    expect(code).toBe(2);
    expect(stderr).toMatch(/row cap/);
  });

  it("honours --profile: wikidata reads the Wikidata fixture's years, an explicit default turns detection off", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "caspian-main-"));
    const treatiesOnTimeline = async (profile: string): Promise<string[]> => {
      const args = ["--no-default-data", "--data", "server/graph/fixtures/wikidata-treaties.ttl", "--data-dir", dataDir, "--workers", "1", "--profile", profile];
      const { firstLine, exit } = start(args, { PORT: "0" });
      const url = (await firstLine).replace("Caspian listening on ", "");
      const timeline = (await (await fetch(`${url}/api/v1/timeline`)).json()) as { events: { label: string }[] };
      child!.kill("SIGTERM");
      await exit;
      return timeline.events.map((event) => event.label).filter((label) => label.startsWith("Treaty of"));
    };
    try {
      expect(await treatiesOnTimeline("wikidata")).toContain("Treaty of Gulistan");
      // The same data has wdt:P31 statements, so auto would pick wikidata; default must not.
      expect(await treatiesOnTimeline("default")).toEqual([]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it("answers a restart over the same data from the view answers it kept, and not once the data file changed", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "caspian-main-"));
    const file = join(dataDir, "mini.ttl");
    await copyFile("server/graph/fixtures/mini.ttl", file);
    const entity = `/api/v1/entity?iri=${encodeURIComponent("https://w3id.org/caspian/data/Iran")}`;
    const served = async (): Promise<{ graph: string; entity: string }> => {
      const args = ["--no-default-data", "--data", file, "--data-dir", dataDir, "--workers", "1", "--keep-view-answers", "0", "--quiet"];
      const { firstLine, exit } = start(args, { PORT: "0" });
      const url = (await firstLine).replace("Caspian listening on ", "");
      const answers = { graph: await (await fetch(`${url}/api/v1/graph?view=actors`)).text(), entity: await (await fetch(`${url}${entity}`)).text() };
      // The answers are written after they are sent.
      await new Promise((resolve) => setTimeout(resolve, 300));
      child!.kill("SIGTERM");
      await exit;
      return answers;
    };
    const keptFiles = async () => {
      const versions = await readdir(join(dataDir, "view-answers"));
      return (await Promise.all(versions.map(async (version) => (await readdir(join(dataDir, "view-answers", version))).map((name) => join(dataDir, "view-answers", version, name))))).flat();
    };
    try {
      const first = await served();
      expect(JSON.parse(first.entity)).toMatchObject({ iri: "https://w3id.org/caspian/data/Iran" });
      const kept = await keptFiles();
      expect(kept).toHaveLength(2);
      // Marked, so an answer read back from disk shows it came from there.
      for (const path of kept) await writeFile(path, JSON.stringify({ keptFile: path }));
      const second = await served();
      expect([JSON.parse(second.graph).keptFile, JSON.parse(second.entity).keptFile].sort()).toEqual(kept.sort());

      await writeFile(file, "@prefix cd: <https://w3id.org/caspian/data/> .\ncd:Iran <http://www.w3.org/2000/01/rdf-schema#label> \"Iran\" .\n");
      const third = await served();
      expect(third.entity).not.toContain("keptFile");
      expect(JSON.parse(third.entity)).toMatchObject({ iri: "https://w3id.org/caspian/data/Iran" });
      expect(await readdir(join(dataDir, "view-answers"))).toHaveLength(2);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
