/**
 * Security middleware
 * ===================
 * What app.ts mounts in front of every route: helmet's headers with a Content Security Policy
 * that lets the page run only Caspian's own scripts, a cap on declared request bodies, and the
 * per-client rate limits on /sparql, /api/v1 and uploads (the admin counted apart from everyone
 * else), and the Host allow-list against DNS rebinding. CORS stays where the endpoint is: /sparql
 * answers any origin for queries (sparqlRoute.ts), and nothing else answers other origins.
 */
import { isIP } from "node:net";
import type { Request, RequestHandler } from "express";
import { ipKeyGenerator, rateLimit } from "express-rate-limit";
import helmet from "helmet";
import { checkAdmin } from "./adminAuth.ts";
import { HttpError } from "./errors.ts";

/**
 * The page's policy. Scripts, workers and fetches come from Caspian only; the layout runs in a
 * worker bundled beside the page, and graphology's ForceAtlas2 worker is made from a Blob URL,
 * hence `blob:` for workers. Styles allow 'unsafe-inline': CodeMirror (the SPARQL workbench)
 * injects <style> elements, and a style cannot run code. Images allow data:/blob: for the
 * figures the exports draw.
 */
export const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "script-src-attr": ["'none'"],
  "worker-src": ["'self'", "blob:"],
  "style-src": ["'self'", "'unsafe-inline'"],
  "img-src": ["'self'", "data:", "blob:"],
  "font-src": ["'self'", "data:"],
  "connect-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
};

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      // Caspian serves plain http on loopback by default: upgrading would break every fetch.
      directives: CONTENT_SECURITY_POLICY,
    },
    // HSTS belongs to the TLS proxy in front (SECURITY.md), not to a server that speaks http.
    strictTransportSecurity: false,
  });
}

/** The largest body any route reads, except uploads (which set their own). */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Refuses a request whose declared body exceeds `maxBytes` before a byte of it is read. The body
 * parsers of each route still enforce their limit on bodies sent without Content-Length. Paths
 * under `except` (uploads) set their own, larger limit.
 */
export function bodyLimit(options: { maxBytes?: number; except?: string[] } = {}): RequestHandler {
  const maxBytes = options.maxBytes ?? MAX_BODY_BYTES;
  const except = options.except ?? [];
  return (req, _res, next) => {
    const declared = Number(req.get("Content-Length") ?? 0);
    if (Number.isFinite(declared) && declared > maxBytes && !except.some((prefix) => req.path === prefix || req.path.startsWith(`${prefix}/`))) {
      return next(new HttpError(413, "PAYLOAD_TOO_LARGE", `The request body (${declared} bytes) is larger than the ${maxBytes} bytes this route accepts.`));
    }
    next();
  };
}

export interface RateLimitOptions {
  /** Requests a client may send per window; 0 turns the limit off. */
  limit: number;
  windowMs?: number;
  /** Names what is limited in the 429 message ("SPARQL queries", "uploads"). */
  what: string;
  /**
   * With the admin token, requests that carry it count in a bucket of their own, so failed
   * anonymous attempts from the same address never lock the admin out.
   */
  adminToken?: string;
}

/** Default requests per minute per client on /sparql: a person at the workbench never sees it. */
export const DEFAULT_SPARQL_PER_MINUTE = 600;
/** Default uploads (and other writes) per minute per client. */
export const DEFAULT_UPLOADS_PER_MINUTE = 20;
/** Default /api/v1 requests per minute per client: the explorer asks a handful per gesture. */
export const DEFAULT_API_PER_MINUTE = 1200;

/**
 * A per-client (per IP address; IPv6 per /56) fixed-window limit. Over it, a 429 through the
 * error middleware ({code: "RATE_LIMITED", message}) with Retry-After, and the standard
 * RateLimit headers on every answer.
 */
export function clientRateLimit(options: RateLimitOptions): RequestHandler {
  if (options.limit <= 0) return (_req, _res, next) => next();
  const windowMs = options.windowMs ?? 60_000;
  return rateLimit({
    windowMs,
    limit: options.limit,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    // Behind a proxy every client shares its address: SECURITY.md says to limit at the proxy.
    validate: { xForwardedForHeader: false },
    keyGenerator: (req) => `${isAdmin(req, options.adminToken) ? "admin" : "client"}:${ipKeyGenerator(req.ip ?? "", 56)}`,
    handler: (_req, _res, next) => {
      const seconds = Math.ceil(windowMs / 1000);
      next(
        new HttpError(429, "RATE_LIMITED", `Too many ${options.what} from this client: at most ${options.limit} per ${seconds} s. Wait and retry.`, {
          "Retry-After": String(seconds),
        }),
      );
    },
  });
}

/** Applies `handler` only to requests that may change something (not GET, HEAD or OPTIONS). */
export function writesOnly(handler: RequestHandler): RequestHandler {
  return (req, res, next) => (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS" ? next() : handler(req, res, next));
}

function isAdmin(req: Request, token: string | undefined): boolean {
  if (!token || !req.get("authorization")) return false;
  try {
    checkAdmin(req, token);
    return true;
  } catch {
    return false;
  }
}

export interface HostAllowList {
  /** The address the server listens on (--host). */
  bound: string;
  /** Further names (--allowed-hosts); `*` allows any. */
  extra?: readonly string[];
}

/**
 * Refuses a request whose Host header names a host this server does not answer for (421). A
 * DNS-rebinding page reaches a loopback server under its own domain name, so names must be
 * listed: localhost, the bound address, --allowed-hosts. An IP literal cannot be rebound and
 * is always allowed, as is a request without Host (no browser sends one).
 */
export function hostAllowList(options: HostAllowList): RequestHandler {
  const extra = (options.extra ?? []).map((host) => host.toLowerCase().replace(/^\[|\]$/g, ""));
  if (extra.includes("*")) return (_req, _res, next) => next();
  const allowed = new Set(["localhost", options.bound.toLowerCase().replace(/^\[|\]$/g, ""), ...extra]);
  return (req, _res, next) => {
    const header = req.headers.host;
    if (header === undefined) return next();
    const name = hostName(header);
    if (allowed.has(name) || isIP(name) !== 0) return next();
    next(new HttpError(421, "HOST_NOT_ALLOWED", `This server does not answer for the host "${header.slice(0, 100)}". Start it with --allowed-hosts ${name.slice(0, 100)} to allow that name.`));
  };
}

/** "Example.org:3000" → "example.org"; "[::1]:3000" → "::1". */
function hostName(header: string): string {
  const lower = header.trim().toLowerCase();
  if (lower.startsWith("[")) return lower.slice(1, lower.indexOf("]") > 0 ? lower.indexOf("]") : undefined);
  return lower.replace(/:\d*$/, "").replace(/\.$/, "");
}

/** Default --send-timeout. */
export const DEFAULT_SEND_TIMEOUT_MS = 30_000;

/**
 * Drops a client that stops reading its answer: once a response starts, a socket with no
 * progress for `ms` is destroyed, so a held connection cannot pin a large answer in memory (30
 * such clients once held 1.1 GB). Between requests the socket's own idle handling applies again.
 */
export function sendTimeout(ms: number): RequestHandler {
  return (_req, res, next) => {
    const socket = res.socket;
    if (!socket) return next();
    const drop = () => socket.destroy();
    // From the first byte of the answer: a query still being computed sends nothing, legitimately.
    const writeHead = res.writeHead;
    res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
      socket.setTimeout(ms, drop);
      return writeHead.apply(this, args);
    } as typeof writeHead;
    // Only the listener goes: once the answer is out, Node sets the keep-alive timeout itself.
    res.once("close", () => socket.off("timeout", drop));
    next();
  };
}
