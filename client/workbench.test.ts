/**
 * The SPARQL workbench in a real browser
 * ======================================
 * Debian's Chromium drives the built explorer against the real server over the curated data: an
 * example question answers with the knowledge suite's rows, a CONSTRUCT is drawn as a network, a
 * syntax error is underlined where the parser says, the guided builder's query gives the rows of
 * the hand-written one, a shared URL reloads its query, and a download is the endpoint's CSV.
 * Each test leaves a screenshot in screenshots/.
 */
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../server/test/testServer.ts";
import { launchBrowser, type TestBrowser } from "./test/browser.ts";
import { startExplorer } from "./test/explorerServer.ts";
import { distinctColours, screenshot, waitForExplorer } from "./test/pageHelpers.ts";
import { withPrefixes } from "./workbench/prefixes.ts";

const CD = "https://w3id.org/caspian/data/";
const CAS = "https://w3id.org/caspian/ontology#";

// A label that would run script if the workbench parsed it as HTML, in a table and in a network.
const HOSTILE_TTL = `
@prefix cas: <https://w3id.org/caspian/ontology#> .
@prefix cd: <https://w3id.org/caspian/data/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
cd:test-HostileState a cas:State ; rdfs:label "Zzq <img src=x onerror=\\"window.__pwned=1\\"> Zzq" .
`;
const HOSTILE_LABEL = 'Zzq <img src=x onerror="window.__pwned=1"> Zzq';

let server: TestServer;
let browser: TestBrowser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startExplorer({ documents: { "hostile-workbench.ttl": HOSTILE_TTL } }), launchBrowser()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openWorkbench(search = "?tab=query"): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${server.url}/${search}`);
  await waitForExplorer(page);
  await page.waitForSelector("#panel-query .cm-editor", { timeout: 30_000 });
  return { page, errors };
}

/** The table's rows as the knowledge suite writes them: values joined with " | ", IRIs by local name. */
function tableRows(page: Page, vars?: string[]): Promise<string[]> {
  return page.evaluate(
    ([cd, cas, wanted]) => {
      const table = document.querySelector("#panel-query .wb-table")!;
      const columns = (wanted as string[] | null) ?? [...table.querySelectorAll("thead th")].map((th) => th.getAttribute("data-var")!);
      return [...table.querySelectorAll("tbody tr")]
        .map((tr) =>
          columns
            .map((v) => {
              const td = tr.querySelector(`td[data-var="${v}"]`)!;
              const iri = td.querySelector("a")?.getAttribute("data-iri");
              if (iri) return iri.startsWith(cd as string) ? iri.slice((cd as string).length) : iri.startsWith(cas as string) ? iri.slice((cas as string).length) : iri;
              return td.textContent === "" ? "-" : td.textContent;
            })
            .join(" | "),
        )
        .sort();
    },
    [CD, CAS, vars ?? null] as const,
  );
}

async function runText(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => window.caspianWorkbench!.setText(t), text);
  await page.click("#panel-query .wb-run");
  await page.waitForFunction(() => document.querySelector("#panel-query")?.getAttribute("data-run") !== "running");
}

/** A screenshot with the workbench's results (or what is named) scrolled into the side panel's view. */
async function shot(page: Page, name: string, selector = "#panel-query .wb-status"): Promise<void> {
  await page.locator(selector).evaluate((element) => element.scrollIntoView({ block: "start" }));
  await screenshot(page, name);
}

async function openSection(page: Page, title: string): Promise<void> {
  await page.locator("#panel-query summary", { hasText: title }).click();
}

describe("the SPARQL workbench", () => {
  it("runs an example question in one click and shows the knowledge suite's rows, labels linked to the explorer", async () => {
    const { page, errors } = await openWorkbench();
    await openSection(page, "Example questions");
    await page.click('[data-example="parties-treaty-turkmenchay-concluded"]');
    await page.waitForSelector('#panel-query[data-run="done"] .wb-table');
    expect(await tableRows(page)).toEqual([
      "Iran | 1828 | Concluded | Treaty of Turkmachay, Turkmachay, Turkmanchay",
      "Russia | 1828 | Concluded | Treaty of Turkmachay, Turkmachay, Turkmanchay",
    ]);
    expect(await page.textContent("#panel-query .wb-status")).toMatch(/^2 rows in \d+ ms/);
    // IRIs show labels, and the query went into the URL for sharing.
    expect(await page.textContent(`#panel-query td[data-var="party"] a[data-iri="${CD}Russia"]`)).toBe("Russia");
    expect(new URL(page.url()).searchParams.get("q")).toContain("cd:TreatyOfTurkmenchay cas:party ?party");
    await shot(page, "workbench-example-table");
    // Clicking an entity selects it in the explorer.
    await page.click(`#panel-query td[data-var="party"] a[data-iri="${CD}Russia"]`);
    await page.waitForFunction(() => new URL(location.href).searchParams.get("node") === "cd:Russia");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("draws a CONSTRUCT as a network with the explorer's view and shows its node count", async () => {
    const { page, errors } = await openWorkbench();
    await openSection(page, "Example questions");
    await page.click('[data-example="treaty-network"]');
    await page.waitForSelector('#panel-query .wb-graph[data-state="ready"]', { timeout: 60_000 });
    const nodes = Number(await page.getAttribute("#panel-query .wb-graph", "data-nodes"));
    expect(nodes).toBeGreaterThan(5);
    expect(await page.textContent("#panel-query .wb-graph-count")).toContain(`${nodes} nodes`);
    const png = await page.locator("#panel-query .wb-graph").screenshot();
    expect(await distinctColours(page, png)).toBeGreaterThan(3);
    await shot(page, "workbench-construct-graph");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("underlines a syntax error at the line and column the parser reports, run with Ctrl+Enter", async () => {
    const { page } = await openWorkbench();
    const bad = withPrefixes("SELECT ?treaty WHERE {\n  ?treaty a cas:Treaty .\n  FILTER (?treaty = )\n}");
    const refused = await fetch(`${server.url}/sparql`, { method: "POST", headers: { "content-type": "application/sparql-query" }, body: bad });
    expect(refused.status).toBe(400);
    const [, line, column] = /Line (\d+), column (\d+)/.exec(await refused.text())!;
    await page.evaluate((t) => window.caspianWorkbench!.setText(t), bad);
    await page.click("#panel-query .cm-content");
    await page.keyboard.press("Control+Enter");
    await page.waitForSelector('#panel-query[data-run="error"]');
    expect(await page.textContent("#panel-query .wb-error")).toContain(`Line ${line}, column ${column}`);
    await page.waitForSelector("#panel-query .cm-lintRange-error");
    // The underline sits on the reported line.
    const underlined = await page.evaluate(() => {
      const mark = document.querySelector("#panel-query .cm-lintRange-error")!;
      const lines = [...document.querySelectorAll("#panel-query .cm-line")];
      return lines.findIndex((l) => l.contains(mark)) + 1;
    });
    expect(underlined).toBe(Number(line));
    await shot(page, "workbench-syntax-error", "#panel-query .wb-editor");
    await page.close();
  });

  it("writes with the guided builder a query that returns the rows of the hand-written one", async () => {
    const { page } = await openWorkbench();
    await openSection(page, "Build a query");
    await page.waitForSelector('#panel-query form.wb-builder[data-ready="true"]');
    await page.selectOption('#panel-query select[name="subject"]', `${CAS}Treaty`);
    await page.selectOption('#panel-query select[name="relation"]', `${CAS}party`);
    await page.selectOption('#panel-query select[name="object"]', "__any");
    await page.click("#panel-query form.wb-builder button[type=submit]");
    await page.waitForSelector('#panel-query[data-run="done"] .wb-table');
    expect(await page.evaluate(() => window.caspianWorkbench!.getText())).toContain("?treaty cas:party ?object .");
    const built = await tableRows(page, ["treaty", "object"]);
    await shot(page, "workbench-builder", "#panel-query form.wb-builder");
    // Two IRI columns of the answer can be drawn as a network: one node per treaty and party.
    await page.selectOption('#panel-query select[aria-label="to column"]', "object");
    await page.locator("#panel-query .wb-graph-controls button", { hasText: "Show as a network" }).click();
    await page.waitForSelector('#panel-query .wb-graph[data-state="ready"]', { timeout: 60_000 });
    const ends = new Set(built.flatMap((row) => row.split(" | ")));
    expect(Number(await page.getAttribute("#panel-query .wb-graph", "data-nodes"))).toBe(ends.size);
    await shot(page, "workbench-builder-network");
    await runText(page, withPrefixes("SELECT DISTINCT ?treaty ?party WHERE { ?treaty a cas:Treaty ; cas:party ?party }"));
    const handWritten = await tableRows(page, ["treaty", "party"]);
    expect(built.length).toBeGreaterThan(3);
    expect(built).toEqual(handWritten);
    await page.close();
  });

  it("reloads a shared query from the URL into the editor and runs it, beside the rest of the view state", async () => {
    const body = "SELECT ?party WHERE { cd:TreatyOfGulistan cas:party ?party }";
    const { page } = await openWorkbench(`?tab=query&theme=dark&q=${encodeURIComponent(body)}`);
    await page.waitForSelector('#panel-query[data-run="done"] .wb-table');
    expect(await page.evaluate(() => window.caspianWorkbench!.getText())).toBe(withPrefixes(body));
    expect(await tableRows(page)).toEqual(["Iran", "Russia"]);
    expect(await page.getAttribute("html", "data-theme")).toBe("dark");
    await shot(page, "workbench-shared-url", "#panel-query .wb-editor");
    await page.close();
  });

  it("completes an entity's label typed in the editor into its cd: name", async () => {
    const { page } = await openWorkbench();
    await page.evaluate((t) => window.caspianWorkbench!.setText(t), withPrefixes("SELECT ?party WHERE {\n  "));
    await page.click("#panel-query .cm-content");
    await page.keyboard.press("Control+End");
    await page.keyboard.type("Turkmen", { delay: 30 });
    // The hit's detail names its IRI, so the treaty is told from other hits that mention it.
    const option = page.locator(".cm-tooltip-autocomplete li", { hasText: /· cd:TreatyOfTurkmenchay$/ });
    await option.waitFor();
    await shot(page, "workbench-autocomplete", "#panel-query .wb-editor");
    await option.click();
    expect(await page.evaluate(() => window.caspianWorkbench!.getText())).toMatch(/\n {2}cd:TreatyOfTurkmenchay$/);
    await page.close();
  });

  it("shows labels from the data as text in the table and the network, never as HTML", async () => {
    const { page, errors } = await openWorkbench();
    await runText(page, withPrefixes(`SELECT ?state ?label WHERE { ?state rdfs:label ?label FILTER (STRSTARTS(?label, "Zzq")) }`));
    expect(await page.textContent(`#panel-query td[data-var="state"] a[data-iri="${CD}test-HostileState"]`)).toBe(HOSTILE_LABEL);
    expect(await page.textContent('#panel-query td[data-var="label"]')).toBe(HOSTILE_LABEL);
    await runText(page, withPrefixes(`CONSTRUCT { ?s rdfs:label ?l ; cas:ally cd:Iran } WHERE { ?s rdfs:label ?l FILTER (STRSTARTS(?l, "Zzq")) }`));
    await page.waitForSelector('#panel-query .wb-graph[data-state="ready"]', { timeout: 60_000 });
    expect(await page.locator("#panel-query img").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });

  it("downloads a SELECT's results as CSV with the header row", async () => {
    const { page } = await openWorkbench();
    await runText(page, withPrefixes("SELECT ?treaty ?year WHERE { ?treaty a cas:Treaty ; cas:startYear ?year } ORDER BY ?year"));
    const [saved] = await Promise.all([page.waitForEvent("download"), page.click('#panel-query .wb-downloads [data-format="csv"]')]);
    expect(saved.suggestedFilename()).toMatch(/^caspian-query-.*\.csv$/);
    const csv = await readFile((await saved.path())!, "utf8");
    const [header, first] = csv.split(/\r?\n/);
    expect(header).toBe("treaty,year");
    expect(first).toMatch(/^https:\/\/w3id\.org\/caspian\/data\/\w+,-?\d+$/);
    await shot(page, "workbench-download");
    await page.close();
  });
});
