/**
 * Hostile requests
 * ================
 * A seeded generator of bad requests to /sparql and the JSON API: mutated valid queries,
 * unbalanced braces, deep nesting, 1 MB literals, invalid UTF-8 and percent-encoding, unknown
 * prefixes, absurd LIMIT/OFFSET, wrong content types, empty and oversized bodies; bad IRIs, huge
 * q, absurd years, unknown kinds and repeated parameters for the API. The same seed gives the
 * same requests, so a failure found once is found again.
 */

export interface HostileRequest {
  category: string;
  method: string;
  /** Path and query string, sent as is (it may hold invalid percent-encoding). */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** True when the request may be valid after all (a mutation that still parses): 200 is fine. */
  mayBeValid: boolean;
}

/** mulberry32: small, fast and good enough to pick cases reproducibly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CD = "https://w3id.org/caspian/data/";
const PREFIXES = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\nPREFIX cd: <https://w3id.org/caspian/data/>\nPREFIX cas: <https://w3id.org/caspian/ontology#>\n";

/** Valid queries the mutations start from. */
export const SEED_QUERIES = [
  `${PREFIXES}SELECT ?s ?label WHERE { ?s rdfs:label ?label } LIMIT 10`,
  `${PREFIXES}ASK { cd:Iran ?p ?o }`,
  `${PREFIXES}SELECT ?class (COUNT(?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY DESC(?n) LIMIT 5`,
  `${PREFIXES}CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s rdfs:label ?l FILTER(CONTAINS(LCASE(STR(?l)), "treaty")) } LIMIT 20`,
  `${PREFIXES}SELECT * WHERE { { cd:Iran ?p ?o } UNION { ?o ?p cd:Russia } OPTIONAL { ?o rdfs:label ?l } } LIMIT 50`,
  `${PREFIXES}DESCRIBE cd:Iran`,
  `${PREFIXES}SELECT ?x WHERE { VALUES ?x { 1 2 3 } FILTER(?x > 1 && (?x * 2) < 10) }`,
];

const JUNK = ["{", "}", "(", ")", "<", ">", '"', "'", "\\", "?", "$", ":", ".", ";", ",", "#", "\n", "\u0000", "\uFFFD", "é", "😀", "SELECT", "WHERE", "FILTER", "UNION", "*", "^^", "@en", "<<", ">>"];

type Make = (random: () => number) => Omit<HostileRequest, "category">;

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const int = (random: () => number, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const text = (value: string) => Buffer.from(value, "utf8");

/** encodeURIComponent, after replacing a surrogate half that a mutation cut off. */
function encode(value: string): string {
  return encodeURIComponent(value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD"));
}

function getQuery(query: string, mayBeValid = false): Omit<HostileRequest, "category"> {
  return { method: "GET", path: `/sparql?query=${encode(query)}`, headers: {}, mayBeValid };
}

function postQuery(query: string | Buffer, mayBeValid = false, type = "application/sparql-query"): Omit<HostileRequest, "category"> {
  return { method: "POST", path: "/sparql", headers: { "Content-Type": type }, body: typeof query === "string" ? text(query) : query, mayBeValid };
}

/** Either transport, picked at random: the protocol allows both. */
function sendQuery(random: () => number, query: string, mayBeValid = false): Omit<HostileRequest, "category"> {
  const way = random();
  if (way < 0.4 && query.length < 6000) return getQuery(query, mayBeValid);
  if (way < 0.7) return postQuery(`query=${encode(query)}`, mayBeValid, "application/x-www-form-urlencoded");
  return postQuery(query, mayBeValid);
}

function mutate(random: () => number, query: string): string {
  let result = query;
  for (let n = int(random, 1, 4); n > 0; n--) {
    const at = int(random, 0, result.length);
    const kind = random();
    if (kind < 0.3) result = result.slice(0, at) + result.slice(at + int(random, 1, 8));
    else if (kind < 0.6) result = result.slice(0, at) + pick(random, JUNK) + result.slice(at);
    else if (kind < 0.8) result = result.slice(0, at) + result.slice(int(random, 0, result.length)).slice(0, 30) + result.slice(at);
    else result = result.slice(0, at);
  }
  return result;
}

const CATEGORIES: Record<string, Make> = {
  "mutated query": (random) => sendQuery(random, mutate(random, pick(random, SEED_QUERIES)), true),

  "unbalanced braces": (random) => {
    const open = pick(random, ["{", "(", "[", "<<"]);
    // At least two closers: one would close the group and make the query valid.
    const n = int(random, 2, 50);
    const query = random() < 0.5 ? `SELECT * WHERE ${open.repeat(n)} ?s ?p ?o` : `SELECT * WHERE { ?s ?p ?o ${"}".repeat(n)}`;
    return sendQuery(random, query);
  },

  "deep nesting": (random) => {
    const depth = pick(random, [300, 1000, 10_000, 50_000]);
    const kind = random();
    const query =
      kind < 0.33
        ? `SELECT * WHERE ${"{".repeat(depth)} ?s ?p ?o ${"}".repeat(depth)}`
        : kind < 0.66
          ? `ASK { FILTER(${"(".repeat(depth)}1${")".repeat(depth)}) }`
          : `SELECT * WHERE { ?s ?p ?o FILTER(${"!".repeat(depth)}BOUND(?s)) } # ${"[".repeat(depth)}`;
    // A few hundred `!` is still a valid (if silly) query.
    return postQuery(query, kind >= 0.66 && depth <= 300);
  },

  "1 MB literal": (random) => {
    const size = pick(random, [900_000, 1_000_000, 1_048_000, 1_100_000]);
    const query = `ASK { ?s ?p "${"a".repeat(size)}" }`;
    return random() < 0.5 ? postQuery(query, true) : postQuery(`query=${"a".repeat(size)}`, true, "application/x-www-form-urlencoded");
  },

  "invalid UTF-8": (random) => {
    const bad = pick(random, [[0xff], [0xc3, 0x28], [0xe2, 0x28, 0xa1], [0xf0, 0x28, 0x8c, 0x28], [0xc0, 0xaf], [0xed, 0xa0, 0x80]]);
    const head = text(`SELECT * WHERE { ?s ?p "`);
    const tail = text(`" }`);
    return random() < 0.5
      ? postQuery(Buffer.concat([head, Buffer.from(bad), tail]), true)
      : { method: "GET", path: `/sparql?query=SELECT%20*%20WHERE%20%7B%20?s%20?p%20%22${bad.map((b) => `%${b.toString(16).toUpperCase()}`).join("")}%22%20%7D`, headers: {}, mayBeValid: true };
  },

  "bad percent-encoding": (random) => {
    const bad = pick(random, ["%", "%Z", "%ZZ", "%E0%A4", "%%%", "%u0041", "%C0%80", "%00"]);
    const where = random();
    const path =
      where < 0.4
        ? `/sparql?query=ASK${bad}%7B%7D`
        : where < 0.7
          ? `/api/v1/search?q=ir${bad}an`
          : `/api/v1/entity?iri=https://w3id.org/caspian/data/${bad}`;
    return { method: "GET", path, headers: {}, mayBeValid: true };
  },

  "unknown prefix": (random) => sendQuery(random, `SELECT * WHERE { ${pick(random, ["foo", "ex", "x", "cd2", "rdf"])}:thing ?p ?o }`),

  "absurd LIMIT/OFFSET": (random) => {
    const limit = pick(random, ["99999999999999999999999", "-1", "1e9", "0x10", "18446744073709551616", "9223372036854775807", "0"]);
    const offset = pick(random, ["99999999999999999999999", "-5", "9223372036854775807", "1.5", "0"]);
    return sendQuery(random, `SELECT * WHERE { ?s ?p ?o } LIMIT ${limit} OFFSET ${offset}`, true);
  },

  "wrong content type": (random) => {
    const type = pick(random, ["text/plain", "application/json", "multipart/form-data; boundary=x", "application/xml", "application/sparql-results+json", "", "application/sparql-query; charset=latin1"]);
    const body = text(pick(random, ["ASK {}", '{"query":"ASK {}"}', "query=ASK%20%7B%7D", "<q>ASK {}</q>"]));
    const headers: Record<string, string> = type ? { "Content-Type": type } : {};
    return { method: "POST", path: "/sparql", headers, body, mayBeValid: type.startsWith("application/sparql-query") };
  },

  "empty body": (random) =>
    postQuery(Buffer.alloc(0), false, pick(random, ["application/sparql-query", "application/x-www-form-urlencoded", "application/sparql-update"])),

  "oversized body": (random) => {
    const size = pick(random, [1_200_000, 2_000_000, 5_000_000]);
    return random() < 0.5
      ? postQuery(Buffer.alloc(size, "a"), false)
      : { method: "POST", path: pick(random, ["/sparql", "/api/v1/search?q=x", "/api/v1/graph"]), headers: { "Content-Type": "application/sparql-query" }, body: Buffer.alloc(size, "{"), mayBeValid: false };
  },

  "API bad IRI": (random) => {
    const iri = pick(random, ["not an iri", "javascript:alert(1)", "<script>", "http://", "", "x".repeat(5000), "urn:" + "%".repeat(20), "https://w3id.org/caspian/data/Iran>", "ftp://a b"]);
    const route = pick(random, ["entity?iri=", `paths?from=${encode(`${CD}Iran`)}&to=`, "timeline?a=", "third-parties?b=", "source?evidence="]);
    return { method: "GET", path: `/api/v1/${route}${encode(iri)}`, headers: {}, mayBeValid: iri.startsWith("javascript:") || iri === "http://" };
  },

  // Up to ~14 KB of URL: past Node's 16 KB header limit the answer is Node's bare 431, not the app's.
  "API huge q": (random) => ({
    method: "GET",
    path: `/api/v1/${pick(random, ["search?q=", "source?quote="])}${encode(pick(random, ["x", "é", "<b>", "%"]).repeat(int(random, 201, 1500)))}`,
    headers: {},
    mayBeValid: false,
  }),

  "API absurd years": (random) => {
    const year = pick(random, ["-99999", "99999", "1e3", "NaN", "", "-0", "12.5", "9007199254740993", "0x7d0"]);
    return { method: "GET", path: `/api/v1/graph?${pick(random, ["from", "to"])}=${encode(year)}`, headers: {}, mayBeValid: year === "-0" };
  },

  "API unknown kinds": (random) => {
    const kinds = pick(random, ["dragon", "actor,dragon", "<img>", ",,,", "__proto__", "constructor"]);
    // An empty list (",,,") names no kind at all: the unfiltered graph is a fair answer.
    return { method: "GET", path: `/api/v1/graph?${pick(random, ["kinds", "relations"])}=${encode(kinds)}`, headers: {}, mayBeValid: kinds === ",,," };
  },

  "API arrays for scalars": (random) => {
    const param = pick(random, ["q=a&q=b", `iri=${encode(`${CD}Iran`)}&iri=x`, "maxNodes=5&maxNodes=6", "limit=1&limit=2&q=iran", "from=1900&from=1901", "q[]=a", "q[a]=b", "__proto__=1&q=iran"]);
    const route = pick(random, ["search", "entity", "graph"]);
    return { method: "GET", path: `/api/v1/${route}?${param}`, headers: {}, mayBeValid: true };
  },

  "API wrong method": (random) => ({
    method: pick(random, ["POST", "PUT", "DELETE", "PATCH"]),
    path: pick(random, ["/api/v1/graph", "/api/v1/search?q=x", "/api/v1/health", "/sparql", "/api/v1/nothing"]),
    headers: { "Content-Type": "application/json" },
    body: text('{"q":"x"}'),
    mayBeValid: false,
  }),
};

export const CATEGORY_NAMES = Object.keys(CATEGORIES);

/** `count` requests from `seed`, cycling through the categories so each is well represented. */
export function* hostileRequests(seed: number, count: number): Generator<HostileRequest> {
  const random = seededRandom(seed);
  for (let i = 0; i < count; i++) {
    const category = CATEGORY_NAMES[i % CATEGORY_NAMES.length]!;
    yield { category, ...CATEGORIES[category]!(random) };
  }
}
