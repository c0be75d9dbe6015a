/**
 * The explorer's files
 * ====================
 * Serves the built client (vite build → dist/) at /, with index.html for any other page path so
 * the client's own routes load. Without a build, a plain page says how to make one.
 */
// A path whose last segment has an extension asks for a file: when dist/ has none, that is a 404,
// not the page (a missing script answered with HTML fails in the browser with a confusing error).
const FILE_LIKE = /\.[A-Za-z0-9]{1,8}$/;

import { existsSync } from "node:fs";
import { join } from "node:path";
import express from "express";

export function createClientRouter(distDir: string): express.Router {
  const router = express.Router();
  router.use(express.static(distDir, { index: "index.html", fallthrough: true }));
  router.use((req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    if (FILE_LIKE.test(req.path)) return res.status(404).type("text/plain; charset=utf-8").send(`NOT_FOUND: no file ${req.path}`);
    const index = join(distDir, "index.html");
    if (existsSync(index)) return res.sendFile(index);
    res
      .status(503)
      .type("text/html; charset=utf-8")
      .send(
        `<!doctype html><meta charset="utf-8"><title>Caspian</title>` +
          `<p>The explorer is not built yet: run <code>npm run build</code> (or <code>npm start</code>, which builds first).</p>` +
          `<p>The SPARQL endpoint is at <a href="/sparql">/sparql</a>; the API at <a href="/api/v1/health">/api/v1/health</a>.</p>`,
      );
  });
  return router;
}
