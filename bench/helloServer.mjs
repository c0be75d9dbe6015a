// The floor every server figure is divided by: a bare node:http hello-world.
import { createServer } from "node:http";

const server = createServer((_req, res) => {
  res.writeHead(200, { "Content-Type": "text/plain" });
  res.end("hello");
});
server.listen(0, "127.0.0.1", () => console.log(`hello listening on http://127.0.0.1:${server.address().port}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
