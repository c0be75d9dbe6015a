import { get } from "node:http";
import { connect } from "node:net";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readResults } from "../sparql/readResults.ts";
import { MEDIA } from "../sparql/mediaTypes.ts";
import { generatedTriples, startTestServer, type TestServer } from "../test/testServer.ts";

const LIMIT = 256 * 1024;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  trailers: Record<string, string | undefined>;
  body: string;
  /** How many pieces the body arrived in. */
  pieces: number;
}

/** A GET through node:http, which (unlike fetch) hands over the trailers. */
function getAnswer(url: string, accept: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { Accept: accept, "Accept-Encoding": "identity" } }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (part: Buffer) => parts.push(part));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, trailers: res.trailers, body: Buffer.concat(parts).toString("utf8"), pieces: parts.length }));
      res.on("error", reject);
    }).on("error", reject);
  });
}

const sparql = (server: TestServer, query: string) => `${server.url}/sparql?query=${encodeURIComponent(query)}`;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ documents: { "big.nt": generatedTriples(7000) }, workers: 1, rowCap: 200_000, config: { answerLimit: LIMIT, sendTimeoutMs: 1000 }, rateLimit: { sparqlPerMinute: 0 } });
});
afterAll(() => server.close());

describe("answers stream under the byte cap", () => {
  const solutionTypes = [MEDIA.resultsJson, MEDIA.resultsXml, MEDIA.csv, MEDIA.tsv];
  it.each(solutionTypes)("ends a cut %s SELECT answer well-formed, with whole rows, under the cap, and says so in the trailer", async (mediaType) => {
    const answer = await getAnswer(sparql(server, "SELECT ?s ?p ?o { ?s ?p ?o }"), mediaType);
    expect(answer.status).toBe(200);
    expect(answer.headers["transfer-encoding"]).toBe("chunked");
    expect(answer.headers.trailer).toBe("Caspian-Truncated");
    expect(answer.trailers["caspian-truncated"]).toBe(`bytes; limit=${LIMIT}`);
    expect(Buffer.byteLength(answer.body)).toBeLessThanOrEqual(LIMIT);
    expect(answer.pieces).toBeGreaterThan(1);
    const read = readResults(mediaType, answer.body);
    if (read.kind !== "solutions") throw new Error("expected solutions");
    expect(read.vars).toEqual(["s", "p", "o"]);
    expect(read.rows.length).toBeGreaterThan(100);
    expect(read.rows.length).toBeLessThan(7000);
    // Every row whole: each has all three values, the last one included.
    expect(read.rows.every((row) => row.s && row.p && /^v\d+$/.test(row.o ?? ""))).toBe(true);
  });

  it("says the cut inside the JSON and XML answers too, for clients that cannot read trailers", async () => {
    const json = JSON.parse((await getAnswer(sparql(server, "SELECT * { ?s ?p ?o }"), MEDIA.resultsJson)).body) as Record<string, unknown>;
    expect(json["Caspian-Truncated"]).toBe(`bytes; limit=${LIMIT}`);
    expect((await getAnswer(sparql(server, "SELECT * { ?s ?p ?o }"), MEDIA.resultsXml)).body).toMatch(/<\/sparql><!-- Caspian-Truncated: bytes; limit=262144 -->$/);
  });

  const graphTypes = [MEDIA.nTriples, MEDIA.turtle, MEDIA.jsonLd, MEDIA.rdfXml];
  it.each(graphTypes)("ends a cut %s CONSTRUCT answer well-formed under the cap", async (mediaType) => {
    const answer = await getAnswer(sparql(server, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"), mediaType);
    expect(answer.status).toBe(200);
    expect(Buffer.byteLength(answer.body)).toBeLessThanOrEqual(LIMIT);
    const truncated = answer.trailers["caspian-truncated"] ?? answer.headers["caspian-truncated"];
    expect(truncated).toBe(`bytes; limit=${LIMIT}`);
    const read = readResults(mediaType, answer.body);
    if (read.kind !== "graph") throw new Error("expected a graph");
    expect(read.triples).toBeGreaterThan(100);
    expect(read.triples).toBeLessThan(7000);
  });

  it("sends an answer that fits whole, with Content-Length and no truncation", async () => {
    const answer = await getAnswer(sparql(server, "SELECT * { ?s <http://example.org/p1> ?o } LIMIT 20"), MEDIA.csv);
    expect(answer.headers["content-length"]).toBe(String(Buffer.byteLength(answer.body)));
    expect(answer.headers["caspian-truncated"]).toBeUndefined();
    expect(answer.body.split("\r\n").filter(Boolean)).toHaveLength(21);
  });

  it("says a cut by the row cap in the header of a streamed answer, before its first byte, and in the trailer", async () => {
    const capped = await startTestServer({ documents: { "big.nt": generatedTriples(7000) }, workers: 1, rowCap: 5000, config: { answerLimit: 64 * 2 ** 20 }, rateLimit: { sparqlPerMinute: 0 } });
    try {
      const answer = await getAnswer(sparql(capped, "SELECT ?s ?p ?o { ?s ?p ?o }"), MEDIA.resultsJson);
      expect(answer.headers["transfer-encoding"]).toBe("chunked");
      expect(answer.headers["caspian-truncated"]).toBe("true; limit=5000");
      expect(answer.trailers["caspian-truncated"]).toBe("true; limit=5000");
      expect((JSON.parse(answer.body) as { results: { bindings: unknown[] } }).results.bindings).toHaveLength(5000);
    } finally {
      await capped.close();
    }
  });

  it("says false in the trailer of a streamed answer that was not cut", async () => {
    const roomy = await startTestServer({ documents: { "big.nt": generatedTriples(7000) }, workers: 1, rowCap: 200_000, config: { answerLimit: 64 * 2 ** 20 }, rateLimit: { sparqlPerMinute: 0 } });
    try {
      const answer = await getAnswer(sparql(roomy, "SELECT * { ?s ?p ?o }"), MEDIA.tsv);
      expect(answer.headers["transfer-encoding"]).toBe("chunked");
      expect(answer.trailers["caspian-truncated"]).toBe("false");
      expect(answer.body.split("\n").filter(Boolean)).toHaveLength(7001);
    } finally {
      await roomy.close();
    }
  });
});

describe("a large streamed answer", () => {
  // 1000 rows of 27,000 characters: a 27 MB answer, under a 64 MB cap.
  const pad = `REPLACE(REPLACE(REPLACE("x", "x", "${"x".repeat(30)}"), "x", "${"x".repeat(30)}"), "x", "${"x".repeat(30)}")`;
  const query = `SELECT ?a ?pad { ?a <http://example.org/p1> ?x BIND(${pad} AS ?pad) }`;
  let roomy: TestServer;
  beforeAll(async () => {
    roomy = await startTestServer({ documents: { "big.nt": generatedTriples(7000) }, workers: 1, rowCap: 500_000, deadlineMs: 30_000, config: { sendTimeoutMs: 1000, answerLimit: 64 * 2 ** 20 }, rateLimit: { sparqlPerMinute: 0 } });
  });
  afterAll(() => roomy.close());

  it("never sits whole in the server's main thread: its heap grows by a small part of the answer while a client reads it", async () => {
    // The server runs in this process; the client below reads and discards, so what the main
    // isolate holds live (heap and buffers, after a collection) is the server's. The worker's
    // isolate is not counted.
    v8.setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const held = () => {
      gc();
      const usage = process.memoryUsage();
      return usage.heapUsed + usage.arrayBuffers;
    };
    const idle = held();
    let peak = idle;
    let samples = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, held());
      samples++;
    }, 20);
    const url = new URL(sparql(roomy, query));
    let framing: { encoding?: string; trailer?: string } = {};
    const bytes = await new Promise<number>((resolve, reject) => {
      get(url, { headers: { Accept: MEDIA.csv, "Accept-Encoding": "identity" } }, (res) => {
        let count = 0;
        res.on("data", (part: Buffer) => (count += part.length));
        res.on("end", () => {
          framing = { encoding: res.headers["transfer-encoding"], trailer: res.trailers["caspian-truncated"] };
          resolve(count);
        });
        res.on("error", reject);
      }).on("error", reject);
    });
    clearInterval(sampler);
    console.log(`main-thread live peak above idle: ${((peak - idle) / 2 ** 20).toFixed(1)} MB over ${samples} samples, answer ${(bytes / 2 ** 20).toFixed(1)} MB`);
    expect(samples).toBeGreaterThan(3);
    expect(framing).toEqual({ encoding: "chunked", trailer: "false" });
    expect(bytes).toBeGreaterThan(27_000_000);
    // The whole answer as a string and as the Buffer sent would be 54 MB and more.
    expect(peak - idle).toBeLessThan(bytes / 4);
  }, 60_000);

  it("drops a client that stops reading once the send timeout passes, before the answer's end", async () => {
    const url = new URL(roomy.url);
    const socket = connect({ host: url.hostname, port: Number(url.port) });
    socket.write(`GET /sparql?query=${encodeURIComponent(query)} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/csv\r\nAccept-Encoding: identity\r\n\r\n`);
    socket.pause();
    // Not reading for well past the timeout (and past the time the answer takes to compute)...
    await new Promise((resolve) => setTimeout(resolve, 8_000));
    // ...then reading what is left: the answer was cut off without its last chunk and trailer.
    let received = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => (received += chunk));
    socket.resume();
    await new Promise<void>((resolve) => {
      socket.once("close", () => resolve());
      socket.once("error", () => resolve());
    });
    expect(received.length).toBeLessThan(27_000_000);
    expect(received.toLowerCase()).not.toContain("\r\ncaspian-truncated: false\r\n");
    // The server still answers: the dropped stream released its worker.
    const after = await getAnswer(sparql(roomy, "ASK { ?s ?p ?o }"), MEDIA.resultsJson);
    expect(JSON.parse(after.body)).toMatchObject({ boolean: true });
  }, 60_000);
});
