/**
 * Configuration
 * =============
 * Turns command-line flags and environment variables into a validated Config. Flags win over
 * the environment. Pure: main.ts passes process.argv and process.env in, so tests can too.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";

export interface Config {
  port: number;
  host: string;
  /** Extra RDF files or folders, absolute. */
  data: string[];
  /** Load ontology/ and data/ (the embedded dataset); --no-default-data turns it off. */
  defaultData: boolean;
  deadlineMs: number;
  rowCap: number;
  workers: number;
  /** Query this SPARQL 1.1 endpoint instead of loading the embedded store. */
  sparqlEndpoint?: string;
}

export class ConfigError extends Error {
  readonly code = "CONFIG";
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

export const USAGE = `Usage: npm start -- [options]   (or: tsx server/main.ts [options])

Options (environment variable in brackets):
  --port N            port to listen on; 0 picks a free one [PORT] (default 3000)
  --host HOST         interface to listen on [HOST] (default 127.0.0.1)
  --data PATH         extra RDF file or folder, repeatable [CASPIAN_DATA, comma-separated]
  --no-default-data   do not load the embedded ontology/ and data/
  --deadline MS       stop a query after MS milliseconds [QUERY_DEADLINE_MS] (default 10000)
  --row-cap N         most result rows per query [ROW_CAP] (default 10000)
  --workers N         query worker threads [WORKERS] (default 2)
  --sparql-endpoint URL
                      answer from this external SPARQL 1.1 endpoint instead of the
                      embedded store [SPARQL_ENDPOINT]
  --help              print this and exit`;

const integer = (name: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} must be a number` })
    .int({ error: `${name} must be a whole number` })
    .min(min, { error: `${name} must be at least ${min}` })
    .max(max, { error: `${name} must be at most ${max}` });

const schema = z.object({
  port: integer("port (--port / PORT)", 0, 65535).default(3000),
  host: z.string().trim().min(1, { error: "host (--host / HOST) must not be empty" }).default("127.0.0.1"),
  data: z.array(z.string().min(1)).default([]),
  defaultData: z.boolean().default(true),
  deadlineMs: integer("deadline (--deadline / QUERY_DEADLINE_MS)", 1, 3_600_000).default(10_000),
  rowCap: integer("row cap (--row-cap / ROW_CAP)", 1, 10_000_000).default(10_000),
  workers: integer("workers (--workers / WORKERS)", 1, 64).default(2),
  sparqlEndpoint: z
    .url({ protocol: /^https?$/, error: "SPARQL endpoint (--sparql-endpoint / SPARQL_ENDPOINT) must be an http(s) URL" })
    .optional(),
});

/** Returns the Config, `"help"` when --help was asked, or throws ConfigError saying what is wrong. */
export function parseConfig(argv: readonly string[], env: NodeJS.ProcessEnv | Record<string, string | undefined>, cwd = process.cwd()): Config | "help" {
  let flags: ReturnType<typeof parseFlags>;
  try {
    flags = parseFlags(argv);
  } catch (error) {
    throw new ConfigError(`${(error as Error).message}\n\n${USAGE}`);
  }
  if (flags.help) return "help";
  const envData = env.CASPIAN_DATA?.split(",").map((part) => part.trim()).filter(Boolean) ?? [];
  const raw = {
    port: flags.port ?? blankToUndefined(env.PORT),
    host: flags.host ?? blankToUndefined(env.HOST),
    data: [...envData, ...(flags.data ?? [])],
    defaultData: !flags["no-default-data"],
    deadlineMs: flags.deadline ?? blankToUndefined(env.QUERY_DEADLINE_MS),
    rowCap: flags["row-cap"] ?? blankToUndefined(env.ROW_CAP),
    workers: flags.workers ?? blankToUndefined(env.WORKERS),
    sparqlEndpoint: flags["sparql-endpoint"] ?? blankToUndefined(env.SPARQL_ENDPOINT),
  };
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `Invalid configuration: ${issue.message} (got ${JSON.stringify(pick(raw, issue.path))}).`).join("\n"));
  }
  const config = parsed.data;
  if (config.sparqlEndpoint) {
    if (config.data.length > 0) throw new ConfigError("--data loads files into the embedded store; with --sparql-endpoint the data lives in that endpoint's store.");
    const { sparqlEndpoint, ...rest } = config;
    return { ...rest, data: [], defaultData: false, sparqlEndpoint };
  }
  if (!config.defaultData && config.data.length === 0) {
    throw new ConfigError("Nothing to load: --no-default-data needs at least one --data FILE_OR_DIR.");
  }
  const { sparqlEndpoint: _none, ...embedded } = config;
  return { ...embedded, data: config.data.map((path) => resolve(cwd, path)) };
}

function parseFlags(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      data: { type: "string", multiple: true },
      "no-default-data": { type: "boolean" },
      deadline: { type: "string" },
      "row-cap": { type: "string" },
      workers: { type: "string" },
      "sparql-endpoint": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  }).values;
}

function blankToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}

function pick(raw: Record<string, unknown>, path: readonly PropertyKey[]): unknown {
  return raw[String(path[0])];
}
