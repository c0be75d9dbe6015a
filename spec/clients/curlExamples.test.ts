/**
 * The README's curl examples, run for real
 * ========================================
 * Every `curl` command in the README's SPARQL endpoint section is run (through bash, as a reader
 * would paste it) against Caspian started on port 0 with the curated data, and its answer checked.
 * Skipped with the reason printed when curl is not installed.
 */
import { execFile, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SOURCES } from "../../server/rdf/loadDatasets.ts";
import { startTestServer, type TestServer } from "../../server/test/testServer.ts";

const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const HOST = "http://127.0.0.1:3000";
const hasCurl = spawnSync("curl", ["--version"], { stdio: "ignore" }).status === 0;
if (!hasCurl) console.warn("Skipping the README curl examples: curl is not installed.");

/** The curl commands of the README's SPARQL section, one string each (continuations joined). */
function curlCommands(readme: string): string[] {
  const start = readme.indexOf("## The SPARQL endpoint");
  const end = readme.indexOf("\n## ", start + 1);
  const section = readme.slice(start, end === -1 ? undefined : end);
  const commands: string[] = [];
  for (const [, block] of section.matchAll(/```sh\n([\s\S]*?)```/g)) {
    let current = "";
    for (const line of block!.split("\n")) {
      if (current === "" && !line.startsWith("curl ")) continue;
      current += `${current ? "\n" : ""}${line}`;
      const quotesOpen = (current.match(/'/g)?.length ?? 0) % 2 === 1;
      if (!quotesOpen && !line.endsWith("\\")) {
        commands.push(current);
        current = "";
      }
    }
  }
  return commands;
}

const COMMANDS = curlCommands(README);

/** What each example must answer, told by what it asks. */
function expectAnswer(command: string, output: string): void {
  if (/cas:State/.test(command)) {
    expect(output.split(/\r?\n/)[0]).toBe("state,label");
    expect(output).toMatch(/,Iran\r?\n/);
    expect(output).toMatch(/,Russia\r?\n/);
  } else if (/DESCRIBE <https:\/\/w3id.org\/caspian\/data\/TreatyOfTurkmenchay>/.test(command)) {
    expect(output).toContain("Treaty of Turkmenchay");
    expect(output).toMatch(/cas:startYear 1828/);
    expect(output).toMatch(/cas:party (cd:Iran, cd:Russia|cd:Russia, cd:Iran)/);
  } else if (/format=xml&query=ASK/.test(command)) {
    expect(output).toContain("<boolean>true</boolean>");
  } else if (/\.well-known\/void/.test(command)) {
    expect(output).toMatch(/<http:\/\/rdfs.org\/ns\/void#triples> "\d+"\^\^<http:\/\/www.w3.org\/2001\/XMLSchema#integer> \./);
  } else if (/\/sparql$/.test(command)) {
    expect(output).toContain("sd:endpoint");
    expect(output).toContain("void:classPartition");
  } else {
    throw new Error(`No expectation for the README example: ${command}`);
  }
}

let server: TestServer;
beforeAll(async () => {
  if (hasCurl) server = await startTestServer({ sources: DEFAULT_SOURCES, rateLimit: { sparqlPerMinute: 0 } });
});
afterAll(() => server?.close());

describe.skipIf(!hasCurl)("the README's curl examples", () => {
  it("are found in the SPARQL endpoint section", () => {
    expect(COMMANDS.length).toBeGreaterThanOrEqual(5);
  });

  it.each(COMMANDS.map((command) => [command.split("\n")[0]!, command]))("answer as the README says: %s", async (_first, command) => {
    // --fail so an HTTP error fails the test; the rest of the line is the README's own.
    const runnable = command.replaceAll(HOST, server.url).replace(/^curl /, "curl --fail --silent --show-error ");
    const { stdout } = await promisify(execFile)("bash", ["-c", runnable]);
    expectAnswer(command, stdout);
  });
});
