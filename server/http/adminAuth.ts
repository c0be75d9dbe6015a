/**
 * Admin token
 * ===========
 * Who may change the data: uploads, deletions and SPARQL Update need the admin token, sent as
 * `Authorization: Bearer TOKEN`. No token configured (CASPIAN_ADMIN_TOKEN / --admin-token) means
 * the server is read-only: 403 for everyone. A missing or wrong token is 401.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { Request, RequestHandler } from "express";
import { HttpError } from "./errors.ts";

export class ReadOnlyError extends HttpError {
  constructor() {
    super(403, "READ_ONLY", "This server is read-only: start it with an admin token (CASPIAN_ADMIN_TOKEN or --admin-token) to allow changes.");
  }
}

export class UnauthorizedError extends HttpError {
  constructor(reason: string) {
    super(401, "UNAUTHORIZED", `${reason} Send the admin token as "Authorization: Bearer TOKEN".`, { "WWW-Authenticate": 'Bearer realm="caspian"' });
  }
}

/** Compares digests, not the strings: equal length always, so the time taken says nothing about the token. */
export function tokenMatches(sent: string, expected: string): boolean {
  const a = createHash("sha256").update(sent, "utf8").digest();
  const b = createHash("sha256").update(expected, "utf8").digest();
  return timingSafeEqual(a, b);
}

/** Throws ReadOnlyError / UnauthorizedError unless the request carries the configured token. */
export function checkAdmin(req: Pick<Request, "get">, token: string | undefined): void {
  if (!token) throw new ReadOnlyError();
  const header = req.get("authorization");
  if (!header) throw new UnauthorizedError("This needs the admin token.");
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!match || !tokenMatches(match[1]!, token)) throw new UnauthorizedError("The admin token is wrong.");
}

/** Middleware form of checkAdmin for routes that change data. */
export function requireAdmin(token: string | undefined): RequestHandler {
  return (req, _res, next) => {
    try {
      checkAdmin(req, token);
      next();
    } catch (error) {
      next(error);
    }
  };
}
