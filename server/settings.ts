/**
 * Settings registry
 * =================
 * Every server setting once: its flag, its environment variable, its zod schema (with the
 * default) and the sentence that explains it. config.ts reads flags and environment from this
 * table, the --help text is generated from it, and a test checks that README's configuration
 * table is the one `markdownTable()` generates (`npx tsx scripts/printSettings.ts` prints it).
 * Adding a setting is one entry here plus the code that uses it.
 */
import { z } from "zod";
import { PROFILE_NAMES } from "./graph/viewProfile.ts";

export interface Setting {
  /** Long flag without the dashes; absent for environment-only settings. */
  flag?: string;
  /** What follows the flag in the usage ("N", "URL"); absent for switches. */
  arg?: string;
  env?: string;
  /**
   * "value": one value, the flag wins over the environment; "list": repeatable flag, plus the
   * environment's comma-separated list; "switch": a flag without value that sets `true`.
   */
  kind: "value" | "list" | "switch";
  schema: z.ZodType;
  /** The default as README and --help show it, when it is not the schema's own default. */
  shownDefault?: string;
  /** One sentence for README and --help. */
  what: string;
}

const integer = (name: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} must be a number` })
    .int({ error: `${name} must be a whole number` })
    .min(min, { error: `${name} must be at least ${min}` })
    .max(max, { error: `${name} must be at most ${max}` });

const httpUrl = (name: string) => z.url({ protocol: /^https?$/, error: `${name} must be an http(s) URL` });

// "--allowed-hosts a,b" reads like the environment's list, so commas split flag values too.
const hostList = z.preprocess((values) => (Array.isArray(values) ? values.flatMap((value) => String(value).split(",")).map((value) => value.trim()).filter(Boolean) : values), z.array(
  z
    .string()
    .trim()
    .min(1)
    .regex(/^[A-Za-z0-9.:[\]-]+$/, { error: "allowed hosts (--allowed-hosts / CASPIAN_ALLOWED_HOSTS) must be host names or addresses, without port or scheme" }),
));

/** The registry. Keys are the Config fields; the order is the order of --help and README. */
export const SETTINGS = {
  port: { flag: "port", arg: "N", env: "PORT", kind: "value", schema: integer("port (--port / PORT)", 0, 65535).default(3000), what: "port; `0` picks a free one (the printed URL shows it)" },
  host: { flag: "host", arg: "HOST", env: "HOST", kind: "value", schema: z.string().trim().min(1, { error: "host (--host / HOST) must not be empty" }).default("127.0.0.1"), what: "interface to listen on" },
  allowedHosts: {
    flag: "allowed-hosts",
    arg: "NAMES",
    env: "CASPIAN_ALLOWED_HOSTS",
    kind: "list",
    schema: hostList.default([]),
    shownDefault: "the bound address, `localhost`, `127.0.0.1`, `[::1]`",
    what: "further names a request's `Host` header may carry (others answer 421, against DNS rebinding; IP addresses always pass); `*` allows any",
  },
  data: { flag: "data", arg: "PATH", env: "CASPIAN_DATA", kind: "list", schema: z.array(z.string().min(1)).default([]), shownDefault: "—", what: "extra RDF files or folders (`.ttl .trig .nt .nq .n3 .jsonld .rdf .owl`), loaded with the embedded data" },
  defaultData: { flag: "no-default-data", kind: "switch", schema: z.boolean().default(false).transform((off) => !off), shownDefault: "off", what: "skip the embedded `ontology/` and `data/` (then only `--data` files and uploads load)" },
  deadlineMs: { flag: "deadline", arg: "MS", env: "QUERY_DEADLINE_MS", kind: "value", schema: integer("deadline (--deadline / QUERY_DEADLINE_MS)", 1, 3_600_000).default(10_000), what: "a query running longer is stopped and answered 503" },
  rowCap: { flag: "row-cap", arg: "N", env: "ROW_CAP", kind: "value", schema: integer("row cap (--row-cap / ROW_CAP)", 1, 10_000_000).default(10_000), what: "most rows (or triples) in one answer" },
  workers: { flag: "workers", arg: "N", env: "WORKERS", kind: "value", schema: integer("workers (--workers / WORKERS)", 1, 64).default(2), what: "query worker threads, each with its own copy of the store (one more loads only while every worker is held by a long query)" },
  rateLimit: { flag: "rate-limit", arg: "N", env: "CASPIAN_RATE_LIMIT", kind: "value", schema: integer("rate limit (--rate-limit / CASPIAN_RATE_LIMIT)", 0, 1_000_000).default(600), what: "SPARQL requests per minute per client; `0` for none" },
  apiRateLimit: { flag: "api-rate-limit", arg: "N", env: "CASPIAN_API_RATE_LIMIT", kind: "value", schema: integer("API rate limit (--api-rate-limit / CASPIAN_API_RATE_LIMIT)", 0, 1_000_000).default(1200), what: "`/api/v1` requests per minute per client (a bucket apart from `/sparql`'s); `0` for none" },
  answerLimitMb: {
    flag: "answer-limit",
    arg: "MB",
    env: "CASPIAN_ANSWER_LIMIT_MB",
    kind: "value",
    schema: integer("answer limit (--answer-limit / CASPIAN_ANSWER_LIMIT_MB)", 1, 100_000).default(16),
    what: "largest SPARQL answer body; a longer one ends early on a whole row, well-formed, and says `Caspian-Truncated: bytes` (a header, or the trailer of a streamed answer)",
  },
  sendTimeoutMs: {
    flag: "send-timeout",
    arg: "MS",
    env: "CASPIAN_SEND_TIMEOUT_MS",
    kind: "value",
    schema: integer("send timeout (--send-timeout / CASPIAN_SEND_TIMEOUT_MS)", 100, 3_600_000).default(30_000),
    what: "a client that reads nothing of its answer for this long is disconnected",
  },
  queryMemoryMb: {
    flag: "query-memory",
    arg: "MB",
    env: "CASPIAN_QUERY_MEMORY_MB",
    kind: "value",
    schema: integer("query memory (--query-memory / CASPIAN_QUERY_MEMORY_MB)", 16, 1_000_000).default(1024),
    what: "running queries may grow the process this far above its idle size; past it the longest-running one is stopped (503 `MEMORY_CAP`)",
  },
  store: { flag: "store", arg: "NAME", env: "CASPIAN_STORE", kind: "value", schema: z.enum(["embedded", "virtuoso"], { error: "store (--store / CASPIAN_STORE) must be embedded or virtuoso" }).default("embedded"), what: "`virtuoso`: keep the data in a Virtuoso Open Source database in the data directory (started or attached to, bulk-loaded once) instead of the embedded store" },
  sparqlEndpoint: { flag: "sparql-endpoint", arg: "URL", env: "SPARQL_ENDPOINT", kind: "value", schema: httpUrl("SPARQL endpoint (--sparql-endpoint / SPARQL_ENDPOINT)").optional(), what: "answer everything (endpoint, API, explorer) from an external SPARQL 1.1 endpoint instead of the embedded store" },
  sparqlUpdateEndpoint: { flag: "sparql-update-endpoint", arg: "URL", env: "SPARQL_UPDATE_ENDPOINT", kind: "value", schema: httpUrl("SPARQL update endpoint (--sparql-update-endpoint / SPARQL_UPDATE_ENDPOINT)").optional(), what: "where uploads go with `--sparql-endpoint`" },
  sparqlUser: { env: "CASPIAN_SPARQL_USER", kind: "value", schema: z.string().optional(), what: "Basic-auth user for the external store" },
  sparqlPassword: { env: "CASPIAN_SPARQL_PASSWORD", kind: "value", schema: z.string().optional(), what: "Basic-auth password for the external store" },
  adminToken: { flag: "admin-token", arg: "TOKEN", env: "CASPIAN_ADMIN_TOKEN", kind: "value", schema: z.string().min(8, { error: "admin token (--admin-token / CASPIAN_ADMIN_TOKEN) must be at least 8 characters" }).optional(), shownDefault: "— (read-only)", what: "allows uploads and deletions with `Authorization: Bearer TOKEN`" },
  dataDir: { flag: "data-dir", arg: "DIR", env: "CASPIAN_DATA_DIR", kind: "value", schema: z.string().min(1).default(".caspian"), what: "where uploaded datasets are kept" },
  keepViewAnswers: {
    flag: "keep-view-answers",
    arg: "N",
    env: "CASPIAN_KEEP_VIEW_ANSWERS",
    kind: "value",
    schema: z
      .union([z.literal("off"), integer("keep view answers", 0, 1_000_000_000)], { error: "keep view answers (--keep-view-answers / CASPIAN_KEEP_VIEW_ANSWERS) must be a whole number of triples, or off" })
      .default(200_000),
    what: "on a store of at least N triples, each view answer is kept in the data directory (`view-answers/`) and read back on the next start over the same data, so the first screen after a restart does not wait for the graph model; `off` never",
  },
  uploadLimitMb: { flag: "upload-limit", arg: "MB", env: "CASPIAN_UPLOAD_LIMIT_MB", kind: "value", schema: integer("upload limit (--upload-limit / CASPIAN_UPLOAD_LIMIT_MB)", 1, 100_000).default(100), what: "largest upload, before and after XML entity expansion (stored as N-Quads it may grow to 8 times that)" },
  uploadTriples: {
    flag: "upload-triples",
    arg: "N",
    env: "CASPIAN_UPLOAD_TRIPLES",
    kind: "value",
    schema: integer("upload triples (--upload-triples / CASPIAN_UPLOAD_TRIPLES)", 1, 1_000_000_000).default(5_000_000),
    what: "most triples in one upload",
  },
  uploadTimeoutMs: {
    flag: "upload-timeout",
    arg: "MS",
    env: "CASPIAN_UPLOAD_TIMEOUT_MS",
    kind: "value",
    schema: integer("upload timeout (--upload-timeout / CASPIAN_UPLOAD_TIMEOUT_MS)", 100, 3_600_000).default(60_000),
    what: "an upload still parsing after this long is stopped and refused",
  },
  quiet: { flag: "quiet", kind: "switch", schema: z.boolean().default(false), shownDefault: "off", what: "no request log (otherwise one JSON line per request on stdout: method, path, status, time; never headers, so never the admin token)" },
  profile: { flag: "profile", arg: "NAME", env: "CASPIAN_PROFILE", kind: "value", schema: z.enum(PROFILE_NAMES, { error: `profile (--profile / CASPIAN_PROFILE) must be ${PROFILE_NAMES.slice(0, -1).join(", ")} or ${PROFILE_NAMES.at(-1)}` }).default("auto"), what: "view profile for foreign data: `default`, `wikidata` or `auto`" },
} as const satisfies Record<string, Setting>;

export type SettingKey = keyof typeof SETTINGS;

/** The settings' values after validation, before config.ts resolves paths and units. */
export type SettingValues = { [K in SettingKey]: z.output<(typeof SETTINGS)[K]["schema"]> };

export const settingsSchema = z.object(Object.fromEntries(Object.entries(SETTINGS).map(([key, setting]) => [key, setting.schema])) as { [K in SettingKey]: (typeof SETTINGS)[K]["schema"] });

const entries = (): [SettingKey, Setting][] => Object.entries(SETTINGS) as [SettingKey, Setting][];

/** The default as a person reads it: the entry's own words, or the schema's default value. */
export function shownDefault(setting: Setting): string {
  if (setting.shownDefault) return setting.shownDefault;
  const parsed = setting.schema.safeParse(undefined);
  return parsed.success && parsed.data !== undefined ? `\`${String(parsed.data)}\`` : "—";
}

function flagCell(setting: Setting): string {
  if (!setting.flag) return "—";
  const flag = `\`--${setting.flag}${setting.arg ? ` ${setting.arg}` : ""}\``;
  return setting.kind === "list" ? `${flag} (repeatable)` : flag;
}

function envCell(setting: Setting): string {
  if (!setting.env) return "—";
  return setting.kind === "list" ? `\`${setting.env}\` (comma list)` : `\`${setting.env}\``;
}

/** README's configuration table. */
export function markdownTable(): string {
  const rows = entries().map(([, s]) => `| ${flagCell(s)} | ${envCell(s)} | ${shownDefault(s)} | ${s.what} |`);
  return ["| flag | environment | default | what |", "|---|---|---|---|", ...rows].join("\n");
}

/** The --help text. */
export function usageText(): string {
  const lines = ["Usage: npm start -- [options]   (or: tsx server/main.ts [options])", "", "Options (environment variable in brackets):"];
  for (const [, s] of entries()) {
    const head = s.flag ? `--${s.flag}${s.arg ? ` ${s.arg}` : ""}` : `(env) ${s.env}`;
    const plain = (text: string) => text.replaceAll("`", "");
    const shown = plain(shownDefault(s)).replace(/^— ?/, "none ").trim();
    const tail = [s.flag && s.env ? `[${s.env}${s.kind === "list" ? ", comma-separated" : ""}]` : "", shown === "none" ? "" : `(default ${shown})`].filter(Boolean).join(" ");
    lines.push(...wrap(head, `${plain(s.what)} ${tail}`));
  }
  lines.push(...wrap("--help", "print this and exit"));
  return lines.join("\n");
}

function wrap(head: string, text: string, width = 100, indent = 24): string[] {
  const lines: string[] = [];
  let line = `  ${head}`.padEnd(indent - 1);
  if (line.length > indent - 1) {
    lines.push(line.trimEnd());
    line = " ".repeat(indent);
  }
  for (const word of text.split(" ")) {
    if (line.trim() && line.length + word.length + 1 > width) {
      lines.push(line.trimEnd());
      line = " ".repeat(indent);
    }
    line += (line.trim() ? " " : "") + word;
  }
  lines.push(line.trimEnd());
  return lines;
}

/** node:util parseArgs options for every flag. */
export function flagOptions(): Record<string, { type: "string" | "boolean"; multiple?: boolean; short?: string }> {
  const options: Record<string, { type: "string" | "boolean"; multiple?: boolean; short?: string }> = {};
  for (const [, s] of entries()) {
    if (!s.flag) continue;
    options[s.flag] = s.kind === "switch" ? { type: "boolean" } : s.kind === "list" ? { type: "string", multiple: true } : { type: "string" };
  }
  options.help = { type: "boolean", short: "h" };
  return options;
}

/** The raw (unvalidated) value of every setting: flag over environment; lists join both. */
export function rawValues(flags: Record<string, unknown>, env: Record<string, string | undefined>): Record<SettingKey, unknown> {
  const blank = (value: string | undefined) => (value === undefined || value.trim() === "" ? undefined : value);
  const raw = {} as Record<SettingKey, unknown>;
  for (const [key, s] of entries()) {
    const flag = s.flag ? flags[s.flag] : undefined;
    const fromEnv = s.env ? blank(env[s.env]) : undefined;
    if (s.kind === "list") {
      const envList = fromEnv?.split(",").map((part) => part.trim()).filter(Boolean) ?? [];
      raw[key] = [...envList, ...((flag as string[] | undefined) ?? [])];
    } else if (s.kind === "switch") raw[key] = flag === true;
    else raw[key] = flag ?? fromEnv;
  }
  return raw;
}
