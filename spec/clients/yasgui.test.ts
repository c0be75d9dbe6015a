/**
 * YASGUI against the real endpoint, in a real browser
 * ===================================================
 * Serves a page with YASGUI (@triply/yasgui's own build, from node_modules) on one loopback port
 * and Caspian on another, so every query crosses origins as it does for a YASGUI hosted elsewhere;
 * Debian's Chromium runs a SELECT and a CONSTRUCT, and the tests read YASR's result table.
 */
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, type TestBrowser } from "../../client/test/browser.ts";
import { screenshot } from "../../client/test/pageHelpers.ts";
import { DEFAULT_SOURCES } from "../../server/rdf/loadDatasets.ts";
import { startTestServer, type TestServer } from "../../server/test/testServer.ts";

const BUILD = fileURLToPath(new URL("../../node_modules/@triply/yasgui/build/", import.meta.url));
const PREFIXES = `PREFIX cas: <https://w3id.org/caspian/ontology#>
PREFIX cd: <https://w3id.org/caspian/data/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
`;
const SELECT = `${PREFIXES}SELECT ?treaty ?year ?party WHERE {
  cd:TreatyOfTurkmenchay rdfs:label ?treaty ; cas:startYear ?year ; cas:party ?p .
  ?p rdfs:label ?party .
} ORDER BY ?party`;
const CONSTRUCT = `${PREFIXES}CONSTRUCT { cd:TreatyOfTurkmenchay cas:party ?p } WHERE { cd:TreatyOfTurkmenchay cas:party ?p }`;

/** The page another site would host: YASGUI pointed at Caspian's /sparql, nothing persisted. */
function page(endpoint: string): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>YASGUI on Caspian</title>
<link rel="stylesheet" href="/yasgui.min.css"></head>
<body><div id="yasgui"></div>
<script src="/yasgui.min.js"></script>
<script>
  window.yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: ${JSON.stringify(endpoint)}, method: "POST" },
    copyEndpointOnNewTab: false,
    persistenceId: null,
    yasqe: { resizeable: false },
  });
</script></body></html>`;
}

let caspian: TestServer;
let site: Server;
let siteUrl: string;
let browser: TestBrowser;

beforeAll(async () => {
  caspian = await startTestServer({ sources: DEFAULT_SOURCES, rateLimit: { sparqlPerMinute: 0 } });
  const files: Record<string, [string, string]> = {
    "/yasgui.min.js": ["yasgui.min.js", "text/javascript"],
    "/yasgui.min.css": ["yasgui.min.css", "text/css"],
  };
  site = createServer((req, res) => {
    const file = files[req.url ?? ""];
    if (req.url === "/") {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(page(`${caspian.url}/sparql`));
    } else if (file) {
      readFile(`${BUILD}${file[0]}`).then((body) => res.writeHead(200, { "Content-Type": file[1] }).end(body));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => site.listen(0, "localhost", resolve));
  // "localhost" here and 127.0.0.1 for Caspian: another host and another port, so another origin.
  siteUrl = `http://localhost:${(site.address() as AddressInfo).port}/`;
  browser = await launchBrowser({ width: 1300, height: 900 });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => site?.close(resolve));
  await caspian?.close();
});

/** Opens YASGUI, runs a query through its own query button path, and waits for YASR to draw. */
async function runInYasgui(query: string): Promise<{ page: Page; requests: { method: string; url: string; status: number }[] }> {
  const page = await browser.newPage();
  const requests: { method: string; url: string; status: number }[] = [];
  page.on("response", (response) => {
    if (response.url().startsWith(caspian.url)) requests.push({ method: response.request().method(), url: response.url(), status: response.status() });
  });
  await page.goto(siteUrl);
  await page.waitForFunction(() => Boolean((window as unknown as { yasgui?: unknown }).yasgui));
  await page.evaluate(async (text) => {
    const tab = (window as unknown as { yasgui: { getTab(): { setQuery(q: string): void; getYasqe(): { query(): Promise<unknown> } } } }).yasgui.getTab();
    tab.setQuery(text);
    await tab.getYasqe().query();
  }, query);
  return { page, requests };
}

describe("YASGUI on another origin querying /sparql", () => {
  it("shows the Treaty of Turkmenchay's year and both parties in its results table", async () => {
    const { page, requests } = await runInYasgui(SELECT);
    await page.waitForSelector(".yasr table.dataTable tbody tr td", { timeout: 30_000 });
    const rows = await page.$$eval(".yasr table.dataTable tbody tr", (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent?.trim() ?? "")));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual(expect.arrayContaining([expect.stringContaining("Treaty of Turkmenchay"), expect.stringContaining("1828"), expect.stringContaining("Iran")]));
    expect(rows[1]).toEqual(expect.arrayContaining([expect.stringContaining("1828"), expect.stringContaining("Russia")]));
    // The query crossed origins and was answered, not blocked.
    expect(requests.filter((request) => request.method === "POST" && request.status === 200)).toHaveLength(1);
    await screenshot(page, "yasgui-turkmenchay");
    await page.close();
  });

  it("shows a CONSTRUCT's triples, the treaty's two parties, as a table", async () => {
    const { page } = await runInYasgui(CONSTRUCT);
    await page.waitForSelector(".yasr table.dataTable tbody tr td", { timeout: 30_000 });
    const text = await page.$eval(".yasr table.dataTable tbody", (tbody) => tbody.textContent ?? "");
    expect(text).toMatch(/TreatyOfTurkmenchay/);
    expect(text).toMatch(/Iran/);
    expect(text).toMatch(/Russia/);
    await screenshot(page, "yasgui-construct");
    await page.close();
  });

  it("lets a page elsewhere POST application/sparql-query, which the browser preflights, and read the VoID", async () => {
    const page = await browser.newPage();
    await page.goto(siteUrl);
    const answer = await page.evaluate(
      async ({ endpoint, query }) => {
        const response = await fetch(endpoint, { method: "POST", headers: { "Content-Type": "application/sparql-query", Accept: "text/csv" }, body: query });
        const voidResponse = await fetch(endpoint.replace(/\/sparql$/, "/.well-known/void"), { headers: { Accept: "application/n-triples" } });
        return { status: response.status, csv: await response.text(), voidStatus: voidResponse.status, void: await voidResponse.text() };
      },
      { endpoint: `${caspian.url}/sparql`, query: SELECT },
    );
    expect(answer.status).toBe(200);
    expect(answer.csv.trim().split(/\r?\n/)).toEqual(["treaty,year,party", "Treaty of Turkmenchay,1828,Iran", "Treaty of Turkmenchay,1828,Russia"]);
    expect(answer.voidStatus).toBe(200);
    expect(answer.void).toContain("<http://rdfs.org/ns/void#triples>");
    await page.close();
  });
});
