/**
 * Configuration
 * =============
 * Turns command-line flags and environment variables into a validated Config. Flags win over
 * the environment. Each setting is one entry of settings.ts; this file only adds the rules
 * between settings. Pure: main.ts passes process.argv and process.env in, so tests can too.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { flagOptions, rawValues, settingsSchema, usageText, type SettingValues } from "./settings.ts";
import { CaspianError } from "../contract/errors.ts";

/**
 * The validated settings (settings.ts), with paths made absolute and sizes in bytes. Embedded
 * configs drop the external store's fields; external ones drop --data.
 */
export type Config = Omit<SettingValues, "uploadLimitMb" | "answerLimitMb" | "sparqlEndpoint" | "sparqlUpdateEndpoint" | "sparqlUser" | "sparqlPassword" | "adminToken"> & {
  /** Largest upload in bytes. */
  uploadLimit: number;
  /** Largest SPARQL answer body in bytes. */
  answerLimit: number;
  sparqlEndpoint?: string;
  sparqlUpdateEndpoint?: string;
  sparqlUser?: string;
  sparqlPassword?: string;
  adminToken?: string;
};

export class ConfigError extends CaspianError {
  readonly code = "CONFIG";
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

export const USAGE = usageText();

/** Returns the Config, `"help"` when --help was asked, or throws ConfigError saying what is wrong. */
export function parseConfig(argv: readonly string[], env: NodeJS.ProcessEnv | Record<string, string | undefined>, cwd = process.cwd()): Config | "help" {
  let flags: ReturnType<typeof parseFlags>;
  try {
    flags = parseFlags(argv);
  } catch (error) {
    throw new ConfigError(`${(error as Error).message}\n\n${USAGE}`);
  }
  if (flags.help) return "help";
  const raw = rawValues(flags, env);
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `Invalid configuration: ${issue.message} (got ${JSON.stringify(pick(raw, issue.path))}).`).join("\n"));
  }
  const { uploadLimitMb, answerLimitMb, ...config } = parsed.data;
  const common = { dataDir: resolve(cwd, config.dataDir), uploadLimit: uploadLimitMb * MB, answerLimit: answerLimitMb * MB };
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

const MB = 1024 * 1024;

function parseFlags(argv: readonly string[]) {
  return parseArgs({ args: [...argv], strict: true, allowPositionals: false, options: flagOptions() }).values;
}

function dropUndefined<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function pick(raw: Record<string, unknown>, path: readonly PropertyKey[]): unknown {
  return raw[String(path[0])];
}
