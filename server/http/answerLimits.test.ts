import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatedTriples, startTestServer, type TestServer } from "../test/testServer.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ documents: { "big.nt": generatedTriples(7000) }, workers: 1, rowCap: 200_000, config: { answerLimit: 256 * 1024, sendTimeoutMs: 1000 }, rateLimit: { sparqlPerMinute: 0 } });
});
afterAll(() => server.close());

describe("answers the server must bound", () => {
  it("cuts a SELECT answer past the byte limit to fewer whole rows and says Caspian-Truncated: bytes", async () => {
    const response = await fetch(`${server.url}/sparql?query=${encodeURIComponent("SELECT * { ?s ?p ?o }")}`, { headers: { Accept: "application/sparql-results+json" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("caspian-truncated")).toBe(`bytes; limit=${256 * 1024}`);
    const text = await response.text();
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(256 * 1024);
    const rows = (JSON.parse(text) as { results: { bindings: unknown[] } }).results.bindings.length;
    expect(rows).toBeGreaterThan(100);
    expect(rows).toBeLessThan(7000);
  });

  it("drops a client that does not read a large answer once the send timeout passes", async () => {
    const roomy = await startTestServer({ documents: { "big.nt": generatedTriples(7000) }, workers: 1, rowCap: 500_000, deadlineMs: 30_000, config: { sendTimeoutMs: 1000, answerLimit: 64 * 2 ** 20 }, rateLimit: { sparqlPerMinute: 0 } });
    const url = new URL(roomy.url);
    // 27 MB (1000 rows of 27,000 characters), far more than the socket buffers hold, and a reader that never reads.
    const pad = `REPLACE(REPLACE(REPLACE("x", "x", "${"x".repeat(30)}"), "x", "${"x".repeat(30)}"), "x", "${"x".repeat(30)}")`;
    const query = encodeURIComponent(`SELECT ?a ?pad { ?a <http://example.org/p1> ?x BIND(${pad} AS ?pad) }`);
    const socket = connect({ host: url.hostname, port: Number(url.port) });
    socket.write(`GET /sparql?query=${query} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/csv\r\n\r\n`);
    socket.pause();
    // Not reading for well past the timeout (and past the time the answer takes to compute)...
    await new Promise((resolve) => setTimeout(resolve, 8_000));
    // ...then reading what is left: a dropped connection ends short of its Content-Length.
    let received = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => (received += chunk));
    socket.resume();
    await new Promise<void>((resolve) => {
      socket.once("close", () => resolve());
      socket.once("error", () => resolve());
    });
    // The same answer, computed for longer than the timeout, reaches a client that reads it whole.
    const whole = await fetch(`${roomy.url}/sparql?query=${query}`, { headers: { Accept: "text/csv" } });
    expect(whole.status).toBe(200);
    expect((await whole.text()).length).toBeGreaterThan(27_000_000);
    await roomy.close();
    // Dropped: nothing left to read (the reset discards what the kernel held) or less than declared.
    const declared = Number(/content-length: (\d+)/i.exec(received)?.[1] ?? Number.NaN);
    const body = received.length - received.indexOf("\r\n\r\n") - 4;
    expect(received.length === 0 || body < declared).toBe(true);
  }, 60_000);

  it("says degraded in health when the engine cannot answer", async () => {
    const broken = await startTestServer({ documents: { "a.nt": generatedTriples(5) }, workers: 1 });
    try {
      expect(((await (await fetch(`${broken.url}/api/v1/health`)).json()) as { status: string }).status).toBe("ok");
      await broken.engine.close();
      const health = (await (await fetch(`${broken.url}/api/v1/health`)).json()) as { status: string; problem: string };
      expect(health).toMatchObject({ status: "degraded", problem: expect.stringMatching(/^ENGINE_CLOSED/) });
    } finally {
      await broken.close();
    }
  });
});
