/**
 * Payloads: compression and data-version ETags
 * ============================================
 * Two things every large answer gets:
 * - gzip or brotli (whichever the client prefers) for bodies over 1 KB; brotli at quality 4,
 *   which compresses JSON about as well as gzip -9 at a fraction of brotli's default cost.
 * - On the explorer's GET views (/api/v1/*, except health, whose body changes as the store
 *   loads): an ETag made of the server's start and the store's data version. Every view is a
 *   function of the data and the request, so a client sending the tag back gets a 304 before any
 *   view work runs, until an upload or a deletion changes the data. `Cache-Control: no-cache`
 *   makes browsers ask each time (a cheap 304) instead of showing a stale view.
 */
import { createHash, randomUUID } from "node:crypto";
import compression from "compression";
import type { RequestHandler } from "express";
import type { QueryEngine } from "../sparql/engine.ts";

/** Views whose answer does not follow from the data alone. */
const UNVERSIONED = [/^\/api\/v1\/health(\/|$)/];

export function compressPayloads(): RequestHandler {
  return compression({ threshold: 1024 });
}

export function dataVersionEtags(engine: QueryEngine): RequestHandler {
  // A restart may load other files: tags from before it never match.
  const boot = randomUUID().slice(0, 8);
  return async (req, res, next) => {
    if ((req.method !== "GET" && req.method !== "HEAD") || !req.originalUrl.startsWith("/api/v1/") || UNVERSIONED.some((pattern) => pattern.test(req.originalUrl))) return next();
    try {
      const version = engine.dataVersion ? engine.dataVersion() : await engine.tripleCount();
      // The URL and Accept name the representation; the version, the data it was made from.
      const tag = `W/"${boot}.${version}.${createHash("sha1").update(`${req.originalUrl}\n${req.get("accept") ?? ""}`).digest("base64url").slice(0, 16)}"`;
      res.setHeader("ETag", tag);
      res.setHeader("Cache-Control", "no-cache");
      const asked = req.get("if-none-match");
      if (asked && asked.split(",").some((candidate) => candidate.trim() === tag)) {
        res.status(304).end();
        return;
      }
      // Express would otherwise replace the tag with a hash of the body it computes.
      const send = res.send.bind(res);
      res.send = (body?: unknown) => {
        if (res.statusCode >= 300) res.removeHeader("ETag");
        else res.setHeader("ETag", tag);
        return send(body);
      };
      next();
    } catch (error) {
      next(error);
    }
  };
}
