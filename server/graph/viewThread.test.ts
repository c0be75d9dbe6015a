import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphPayload } from "../../contract/api.ts";
import { generateTriples } from "../../scripts/generateGraph.ts";
import { startTestServer, type TestServer } from "../test/testServer.ts";
import { ViewThread } from "./viewRunner.ts";

// The explorer's views run in their own thread (viewThread.ts) over the main thread's engine:
// they answer as before, and when the thread dies (here: under a heap bound far too small for the
// views) only the views fail, with a 503 that says so, while the endpoint and health go on and a
// later request starts a new thread.
const ONTOLOGY = fileURLToPath(new URL("../../ontology/", import.meta.url));
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ sources: [ONTOLOGY], documents: { "generated.nt": [...generateTriples({ triples: 30_000 })].join("") }, workers: 1, deadlineMs: 30_000 });
});
afterAll(() => server.close());

describe("the view thread", () => {
  it("answers the views over the main thread's engine, and a thread that runs out of memory costs only the views", async () => {
    const graph = (await (await fetch(`${server.url}/api/v1/graph?maxNodes=50`)).json()) as GraphPayload;
    expect(graph.nodes).toHaveLength(50);
    expect(graph.attributes.totalNodes).toBeGreaterThan(1000);

    const starved = new ViewThread(server.engine, { sourceDir: "." }, { heapMb: 8 });
    try {
      const failed = await starved.run("graph", { maxNodes: 50 }).then(
        () => undefined,
        (error: { code?: string; message?: string }) => error,
      );
      expect(failed?.code).toBe("VIEWS_RESTARTED");
      expect(failed?.message).toMatch(/^The explorer's views stopped \(.+\) and start again; ask again\.$/);
      // The engine and the server's own view thread go on.
      const ask = await fetch(`${server.url}/sparql?query=${encodeURIComponent("ASK { ?s ?p ?o }")}`, { headers: { accept: "application/sparql-results+json" } });
      expect(((await ask.json()) as { boolean: boolean }).boolean).toBe(true);
      expect((await fetch(`${server.url}/api/v1/search?q=Gen`)).status).toBe(200);
      // The starved runner starts a new thread for the next request (which fails the same way).
      await expect(starved.run("graph", { maxNodes: 50 })).rejects.toMatchObject({ code: "VIEWS_RESTARTED" });
    } finally {
      await starved.close();
    }
  });
});
