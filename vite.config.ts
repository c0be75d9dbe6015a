/**
 * Vite config for the explorer: the app lives in client/, the build goes to dist/ at the repo
 * root, where server/app.ts serves it. The layout worker is bundled as an ES module.
 */
import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";

export default defineConfig({
  root: fileURLToPath(new URL("./client", import.meta.url)),
  base: "./",
  build: {
    outDir: fileURLToPath(new URL("./dist", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 1500,
  },
  worker: { format: "es" },
  // citation-js's node-fetch cannot be bundled for the browser (client/shims/nodeFetch.ts).
  resolve: { alias: { "node-fetch": fileURLToPath(new URL("./client/shims/nodeFetch.ts", import.meta.url)) } },
  server: {
    // "/api/v1", not "/api": the client's own modules live under /api/ (client/api/client.ts).
    proxy: { "/api/v1": "http://localhost:3000", "/sparql": "http://localhost:3000" },
  },
});
