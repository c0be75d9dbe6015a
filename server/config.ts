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
  /** Requests per minute per client on /sparql; 0 turns the limit off. */
  rateLimit: number;
  /** Query this SPARQL 1.1 endpoint instead of loading the embedded store. */
  sparqlEndpoint?: string;
  /** Send SPARQL Update to this endpoint (with --sparql-endpoint); defaults to none. */
  sparqlUpdateEndpoint?: string;
  /** Basic-auth credentials for the external endpoint (CASPIAN_SPARQL_USER / _PASSWORD). */
  sparqlUser?: string;
  sparqlPassword?: string;
  /** Token that allows uploads, deletions and updates; none = read-only. */
  adminToken?: string;
  /** Where uploaded datasets are kept (absolute); default .caspian/ under the working directory. */
  dataDir: string;
  /** Largest upload in bytes. */
  uploadLimit: number;
  /** View profile name ("default", "wikidata") or "auto" to detect it from the data. */
  profile: string;
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
  --rate-limit N      SPARQL requests per minute per client, 0 for none
                      [CASPIAN_RATE_LIMIT] (default 600)
  --sparql-endpoint URL
                      answer from this external SPARQL 1.1 endpoint instead of the
                      embedded store [SPARQL_ENDPOINT]; credentials from
                      CASPIAN_SPARQL_USER and CASPIAN_SPARQL_PASSWORD (Basic auth)
  --sparql-update-endpoint URL
                      where SPARQL Update goes for that store [SPARQL_UPDATE_ENDPOINT]
  --admin-token TOKEN allow uploads/deletions with "Authorization: Bearer TOKEN"
                      [CASPIAN_ADMIN_TOKEN] (default: none, read-only)
  --data-dir DIR      where uploaded datasets are stored [CASPIAN_DATA_DIR] (default .caspian)
  --upload-limit MB   largest upload in megabytes [CASPIAN_UPLOAD_LIMIT_MB] (default 100)
  --profile NAME      view profile: default, wikidata or auto [CASPIAN_PROFILE] (default auto)
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
  rateLimit: integer("rate limit (--rate-limit / CASPIAN_RATE_LIMIT)", 0, 1_000_000).default(600),
  sparqlEndpoint: z
    .url({ protocol: /^https?$/, error: "SPARQL endpoint (--sparql-endpoint / SPARQL_ENDPOINT) must be an http(s) URL" })
    .optional(),
  sparqlUpdateEndpoint: z
    .url({ protocol: /^https?$/, error: "SPARQL update endpoint (--sparql-update-endpoint / SPARQL_UPDATE_ENDPOINT) must be an http(s) URL" })
    .optional(),
  sparqlUser: z.string().optional(),
  sparqlPassword: z.string().optional(),
  adminToken: z.string().min(8, { error: "admin token (--admin-token / CASPIAN_ADMIN_TOKEN) must be at least 8 characters" }).optional(),
  dataDir: z.string().min(1).default(".caspian"),
  uploadLimitMb: integer("upload limit (--upload-limit / CASPIAN_UPLOAD_LIMIT_MB)", 1, 100_000).default(100),
  profile: z.enum(["auto", "default", "wikidata"], { error: "profile (--profile / CASPIAN_PROFILE) must be auto, default or wikidata" }).default("auto"),
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
    rateLimit: flags["rate-limit"] ?? blankToUndefined(env.CASPIAN_RATE_LIMIT),
    sparqlEndpoint: flags["sparql-endpoint"] ?? blankToUndefined(env.SPARQL_ENDPOINT),
    sparqlUpdateEndpoint: flags["sparql-update-endpoint"] ?? blankToUndefined(env.SPARQL_UPDATE_ENDPOINT),
    sparqlUser: blankToUndefined(env.CASPIAN_SPARQL_USER),
    sparqlPassword: env.CASPIAN_SPARQL_PASSWORD,
    adminToken: flags["admin-token"] ?? blankToUndefined(env.CASPIAN_ADMIN_TOKEN),
    dataDir: flags["data-dir"] ?? blankToUndefined(env.CASPIAN_DATA_DIR),
    uploadLimitMb: flags["upload-limit"] ?? blankToUndefined(env.CASPIAN_UPLOAD_LIMIT_MB),
    profile: flags.profile ?? blankToUndefined(env.CASPIAN_PROFILE),
  };
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `Invalid configuration: ${issue.message} (got ${JSON.stringify(pick(raw, issue.path))}).`).join("\n"));
  }
  const { uploadLimitMb, ...config } = parsed.data;
  const common = { dataDir: resolve(cwd, config.dataDir), uploadLimit: uploadLimitMb * 1024 * 1024 };
  const optional = dropUndefined({ adminToken: config.adminToken, sparqlUser: config.sparqlUser, sparqlPassword: config.sparqlPassword });
  if (config.sparqlEndpoint) {
    if (config.data.length > 0) throw new ConfigError("--data loads files into the embedded store; with --sparql-endpoint the data lives in that endpoint's store.");
    return { ...config, ...common, ...optional, ...dropUndefined({ sparqlUpdateEndpoint: config.sparqlUpdateEndpoint }), data: [], defaultData: false, sparqlEndpoint: config.sparqlEndpoint };
  }
  if (config.sparqlUpdateEndpoint) throw new ConfigError("--sparql-update-endpoint needs --sparql-endpoint.");
  // Uploads kept in the data directory count as data too, so --no-default-data alone is allowed
  // (the server may start empty and be filled by upload).
  const { sparqlEndpoint: _none, sparqlUpdateEndpoint: _update, adminToken: _t, sparqlUser: _u, sparqlPassword: _p, ...embedded } = config;
  return { ...embedded, ...common, ...optional, data: config.data.map((path) => resolve(cwd, path)) };
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
      "rate-limit": { type: "string" },
      "sparql-endpoint": { type: "string" },
      "sparql-update-endpoint": { type: "string" },
      "admin-token": { type: "string" },
      "data-dir": { type: "string" },
      "upload-limit": { type: "string" },
      profile: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  }).values;
}

function blankToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}

function dropUndefined<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function pick(raw: Record<string, unknown>, path: readonly PropertyKey[]): unknown {
  return raw[String(path[0])];
}
