/**
 * Patched SPARQL 1.0 test tree
 * ============================
 * Two SPARQL 1.0 manifests (construct, bnode-coreference) name their manifest with a blank node
 * (`[] rdf:type mf:Manifest`), which rdf-test-suite cannot find. This copies the sparql10 tree
 * into the build folder and names those manifests `<>`, leaving ../shared untouched.
 */
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const BLANK_MANIFEST = /^\[\](\s+(?:a|rdf:type)\s+mf:Manifest)/m;

/** Copies `from`/sparql10 to `to`/sparql10 and returns the manifests it patched (relative paths). */
export function patchSparql10(from: string, to: string): string[] {
  rmSync(join(to, "sparql10"), { recursive: true, force: true });
  cpSync(join(from, "sparql10"), join(to, "sparql10"), { recursive: true });
  const patched: string[] = [];
  for (const folder of readdirSync(join(to, "sparql10"), { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    const path = join(to, "sparql10", folder.name, "manifest.ttl");
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch {
      continue;
    }
    if (!BLANK_MANIFEST.test(text)) continue;
    writeFileSync(path, text.replace(BLANK_MANIFEST, "<>$1"));
    patched.push(`sparql10/${folder.name}/manifest.ttl`);
  }
  return patched;
}
