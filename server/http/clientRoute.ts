/**
 * The explorer's files
 * ====================
 * Serves the built client (vite build → dist/) at /, with index.html for any other page path so
 * the client's own routes load. Without a build, a plain page says how to make one.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import express from "express";

export function createClientRouter(distDir: string): express.Router {
  const router = express.Router();
  router.use(express.static(distDir, { index: "index.html", fallthrough: true }));
  router.use((req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
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
