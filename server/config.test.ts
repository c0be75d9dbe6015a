import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config.ts";

const CWD = "/srv/caspian";

describe("parseConfig", () => {
  it("uses the documented defaults when nothing is given", () => {
    expect(parseConfig([], {}, CWD)).toEqual({ port: 3000, host: "127.0.0.1", data: [], defaultData: true, deadlineMs: 10_000, rowCap: 10_000, workers: 2, rateLimit: 600, apiRateLimit: 1200, allowedHosts: [], dataDir: "/srv/caspian/.caspian", uploadLimit: 100 * 1024 * 1024, uploadTriples: 5_000_000, uploadTimeoutMs: 60_000, answerLimit: 16 * 1024 * 1024, sendTimeoutMs: 30_000, queryMemoryMb: 1024, quiet: false, profile: "auto", store: "embedded", keepViewAnswers: 200_000 });
  });

  it("reads the environment", () => {
    const config = parseConfig([], { PORT: "0", HOST: "0.0.0.0", QUERY_DEADLINE_MS: "2500", ROW_CAP: "50", WORKERS: "3", CASPIAN_DATA: "a.ttl, b.ttl" }, CWD);
    expect(config).toEqual({ port: 0, host: "0.0.0.0", data: ["/srv/caspian/a.ttl", "/srv/caspian/b.ttl"], defaultData: true, deadlineMs: 2500, rowCap: 50, workers: 3, rateLimit: 600, apiRateLimit: 1200, allowedHosts: [], dataDir: "/srv/caspian/.caspian", uploadLimit: 100 * 1024 * 1024, uploadTriples: 5_000_000, uploadTimeoutMs: 60_000, answerLimit: 16 * 1024 * 1024, sendTimeoutMs: 30_000, queryMemoryMb: 1024, quiet: false, profile: "auto", store: "embedded", keepViewAnswers: 200_000 });
  });

  it("lets flags win over the environment and repeats --data", () => {
    const config = parseConfig(["--port", "8080", "--deadline", "1000", "--row-cap", "7", "--workers", "1", "--data", "x.ttl", "--data=more/"], { PORT: "9000", ROW_CAP: "5" }, CWD);
    expect(config).toMatchObject({ port: 8080, deadlineMs: 1000, rowCap: 7, workers: 1, data: ["/srv/caspian/x.ttl", "/srv/caspian/more"] });
  });

  it("turns off the embedded data with --no-default-data when other data is given", () => {
    expect(parseConfig(["--no-default-data", "--data", "/tmp/a.ttl"], {}, CWD)).toMatchObject({ defaultData: false, data: ["/tmp/a.ttl"] });
  });

  it("reads the admin token, data directory, upload limit and profile", () => {
    const config = parseConfig(["--data-dir", "store", "--upload-limit", "5", "--profile", "wikidata"], { CASPIAN_ADMIN_TOKEN: "a-long-secret" }, CWD);
    expect(config).toMatchObject({ adminToken: "a-long-secret", dataDir: "/srv/caspian/store", uploadLimit: 5 * 1024 * 1024, profile: "wikidata" });
  });

  it("keeps view answers from a store size, or never with off", () => {
    expect(parseConfig(["--keep-view-answers", "0"], {}, CWD)).toMatchObject({ keepViewAnswers: 0 });
    expect(parseConfig([], { CASPIAN_KEEP_VIEW_ANSWERS: "off" }, CWD)).toMatchObject({ keepViewAnswers: "off" });
  });

  it("starts with only the uploaded datasets when --no-default-data comes without --data", () => {
    expect(parseConfig(["--no-default-data"], {}, CWD)).toMatchObject({ defaultData: false, data: [] });
  });

  it("takes the external store's update endpoint and credentials from the environment", () => {
    const config = parseConfig(["--sparql-endpoint", "http://localhost:8890/sparql", "--sparql-update-endpoint", "http://localhost:8890/sparql-auth"], { CASPIAN_SPARQL_USER: "dba", CASPIAN_SPARQL_PASSWORD: "dba" }, CWD);
    expect(config).toMatchObject({ sparqlUpdateEndpoint: "http://localhost:8890/sparql-auth", sparqlUser: "dba", sparqlPassword: "dba" });
  });

  it("answers from an external SPARQL endpoint instead of the embedded store when given one", () => {
    expect(parseConfig(["--sparql-endpoint", "http://localhost:7878/query"], {}, CWD)).toMatchObject({ sparqlEndpoint: "http://localhost:7878/query", defaultData: false, data: [] });
    expect(parseConfig([], { SPARQL_ENDPOINT: "https://example.org/sparql" }, CWD)).toMatchObject({ sparqlEndpoint: "https://example.org/sparql" });
  });

  it("treats an empty environment variable as unset", () => {
    expect(parseConfig([], { PORT: "", ROW_CAP: " " }, CWD)).toMatchObject({ port: 3000, rowCap: 10_000 });
  });

  it("answers --help with the usage instead of a config", () => {
    expect(parseConfig(["--help"], {}, CWD)).toBe("help");
  });

  it.each([
    { argv: ["--port", "70000"], env: {}, says: /port.*at most 65535/ },
    { argv: [], env: { PORT: "abc" }, says: /port.*number/ },
    { argv: ["--deadline", "0"], env: {}, says: /deadline.*at least 1/ },
    { argv: [], env: { ROW_CAP: "1.5" }, says: /row cap.*whole number/ },
    { argv: ["--workers", "-1"], env: {}, says: /workers/ },
    { argv: ["--colour"], env: {}, says: /Unknown option '--colour'/ },
    { argv: ["--profile", "dbpedia"], env: {}, says: /auto, default or wikidata/ },
    { argv: ["--admin-token", "short"], env: {}, says: /at least 8/ },
    { argv: ["--keep-view-answers", "some"], env: {}, says: /keep view answers/ },
    { argv: ["--sparql-update-endpoint", "http://example.org/update"], env: {}, says: /needs --sparql-endpoint/ },
    { argv: ["--sparql-endpoint", "ftp://example.org/"], env: {}, says: /http\(s\) URL/ },
    { argv: ["--sparql-endpoint", "http://example.org/sparql", "--data", "a.ttl"], env: {}, says: /lives in that endpoint/ },
  ])("refuses $argv $env with a ConfigError saying what is wrong", ({ argv, env, says }) => {
    let error: unknown;
    try {
      parseConfig(argv, env, CWD);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).code).toBe("CONFIG");
    expect((error as Error).message).toMatch(says);
  });
});
