/**
 * Broken RDF files
 * ================
 * A seeded generator of RDF documents that must not load: truncated files, the wrong syntax for
 * their extension, bad IRIs, huge lines and binary junk, in Turtle, TriG, N-Triples, N-Quads,
 * JSON-LD and RDF/XML. Each starts from a valid document and breaks it in one known way, so the
 * loader's error can be checked for where it points.
 */
import { seededRandom } from "./hostileRequests.ts";

export interface BrokenFile {
  /** File name with the extension that picks the parser. */
  name: string;
  kind: string;
  content: Buffer;
}

const EX = "http://example.org/broken/";

/** Valid documents per extension: three triples about one subject. */
export const VALID: Record<string, string> = {
  ".ttl": `@prefix ex: <${EX}> .\nex:a ex:name "Alpha" ;\n  ex:next ex:b .\nex:b ex:name "Beta"@en .\n`,
  ".trig": `@prefix ex: <${EX}> .\nex:g {\n  ex:a ex:name "Alpha" ; ex:next ex:b .\n  ex:b ex:name "Beta"@en .\n}\n`,
  ".nt": `<${EX}a> <${EX}name> "Alpha" .\n<${EX}a> <${EX}next> <${EX}b> .\n<${EX}b> <${EX}name> "Beta"@en .\n`,
  ".nq": `<${EX}a> <${EX}name> "Alpha" <${EX}g> .\n<${EX}a> <${EX}next> <${EX}b> <${EX}g> .\n<${EX}b> <${EX}name> "Beta"@en <${EX}g> .\n`,
  ".jsonld": JSON.stringify({ "@context": { ex: EX }, "@id": "ex:a", "ex:name": "Alpha", "ex:next": { "@id": "ex:b", "ex:name": { "@value": "Beta", "@language": "en" } } }, null, 1),
  ".rdf": `<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="${EX}">\n  <rdf:Description rdf:about="${EX}a">\n    <ex:name>Alpha</ex:name>\n    <ex:next rdf:resource="${EX}b"/>\n  </rdf:Description>\n</rdf:RDF>\n`,
};

const EXTENSIONS = Object.keys(VALID);
const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

type Breaker = (random: () => number, extension: string) => string | Buffer;

const BREAKERS: Record<string, Breaker> = {
  // Cut inside the last statement: a file copied or uploaded half-way.
  truncated: (random, extension) => {
    const text = VALID[extension]!;
    const cuts: Record<string, number> = { ".ttl": text.lastIndexOf('"Beta') + 3, ".trig": text.lastIndexOf("}") - 5, ".nt": text.lastIndexOf("<") + 10, ".nq": text.lastIndexOf("<") + 5, ".jsonld": Math.floor(text.length * (0.3 + random() * 0.6)), ".rdf": text.indexOf("</rdf:Description>") + 5 };
    return text.slice(0, cuts[extension]);
  },
  // Another format's text under this extension.
  "wrong syntax": (random, extension) => {
    const others: Record<string, string[]> = {
      ".ttl": [".jsonld", ".rdf"],
      ".trig": [".jsonld", ".rdf"],
      ".nt": [".ttl", ".jsonld", ".rdf"],
      ".nq": [".ttl", ".trig", ".rdf"],
      ".jsonld": [".ttl", ".nt", ".rdf"],
      ".rdf": [".ttl", ".nt", ".jsonld"],
    };
    return VALID[pick(random, others[extension]!)]!;
  },
  "bad IRI": (random, extension) => {
    const bad = pick(random, ["http://example.org/a b", "http://exa<mple.org/", 'http://example.org/"q"', "http://example.org/{x}", "http://example.org/a\\u0020b|c", "http://example.org/^"]);
    if (extension === ".jsonld") return JSON.stringify({ "@id": "http://example.org/s", "http://example.org/p": { "@id": bad.replace("\\u0020", " ") }, "@context": 5 });
    if (extension === ".rdf") return VALID[".rdf"]!.replace(`rdf:about="${EX}a"`, `rdf:about="${bad.replace(/"/g, "&quot;").replace("<", "&lt;")}" rdf:about="x"`);
    return VALID[extension]!.replace(`<${EX}>`, `<${bad}>`).replace(`<${EX}a>`, `<${bad}>`);
  },
  // A line of megabytes (an unterminated literal or a giant token) ending in a syntax error.
  "huge line": (random, extension) => {
    const size = pick(random, [100_000, 300_000, 1_000_000]);
    if (extension === ".jsonld") return `{"@id": "${EX}a", "${EX}name": "${"x".repeat(size)}`;
    if (extension === ".rdf") return VALID[".rdf"]!.replace("<ex:name>Alpha</ex:name>", `<ex:name>${"x".repeat(size)}</ex:nam>`);
    const head = VALID[extension]!;
    return `${head}<${EX}c> <${EX}name> "${"x".repeat(size)}\n`;
  },
  // Bytes no text format has: control characters, NULs, invalid UTF-8.
  "binary junk": (random, extension) => {
    const junk = Buffer.alloc(Math.floor(64 + random() * 4000));
    for (let i = 0; i < junk.length; i++) junk[i] = Math.floor(random() * 256);
    // Start with a control byte so the file can never pass for a comment or blank text.
    junk[0] = 1 + Math.floor(random() * 7);
    return random() < 0.5 ? junk : Buffer.concat([Buffer.from(VALID[extension]!.slice(0, 40)), junk]);
  },
};

export const BROKEN_KINDS = Object.keys(BREAKERS);

/** `count` broken files from `seed`, every kind in every format in turn. */
export function* brokenRdfFiles(seed: number, count: number): Generator<BrokenFile> {
  const random = seededRandom(seed);
  for (let i = 0; i < count; i++) {
    const kind = BROKEN_KINDS[i % BROKEN_KINDS.length]!;
    const extension = EXTENSIONS[Math.floor(i / BROKEN_KINDS.length) % EXTENSIONS.length]!;
    const content = BREAKERS[kind]!(random, extension);
    yield { name: `broken-${String(i).padStart(4, "0")}-${kind.replace(/ /g, "-")}${extension}`, kind, content: typeof content === "string" ? Buffer.from(content) : content };
  }
}
