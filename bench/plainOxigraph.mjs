// Plain Oxigraph, the baseline of the scale benchmark: a bare node process that loads one
// N-Triples file with Store.load and reports the time and its memory. The file is read whole (as
// a plain user would) when it fits in one string; above that (V8 strings stop near 512 MB) it is
// loaded in line-aligned 8 MB batches, and the report says so.
import { openSync, readFileSync, readSync, statSync } from "node:fs";
import oxigraph from "oxigraph";

const file = process.argv[2];
const whole = statSync(file).size < 400 * 1024 * 1024;
const started = performance.now();
const store = new oxigraph.Store();
if (whole) store.load(readFileSync(file, "utf8"), { format: "application/n-triples" });
else {
  const fd = openSync(file, "r");
  const buffer = Buffer.alloc(8 << 20);
  let rest = Buffer.alloc(0);
  for (let read; (read = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) {
    const data = Buffer.concat([rest, buffer.subarray(0, read)]);
    const cut = data.lastIndexOf(10) + 1;
    rest = Buffer.from(data.subarray(cut));
    store.load(data.toString("utf8", 0, cut), { format: "application/n-triples" });
  }
}
const loadMs = performance.now() - started;
const triples = store.size;
const status = readFileSync("/proc/self/status", "utf8");
const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
console.log(JSON.stringify({ loadMs, triples, rssBytes: kb("VmRSS"), peakBytes: kb("VmHWM"), whole }));
