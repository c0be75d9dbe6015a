/**
 * API parameters
 * ==============
 * zod schemas of every /api/v1 route's query string, and `parseParams`, which turns a failed
 * parse into a 400 `BAD_REQUEST` naming the parameter, what was wrong and what is accepted.
 */
import { z } from "zod";
import { NODE_KINDS, RELATION_KINDS } from "../../contract/kinds.ts";
import { GRAPH_VIEWS } from "../../contract/api.ts";
import { HttpError } from "./errors.ts";
import { DEFAULT_DYAD } from "../../contract/dyad.ts";


export const MIN_YEAR = -3000;
export const MAX_YEAR = 3000;

// A repeated parameter (?kinds=a&kinds=b) arrives as an array; treat it as one comma list.
const text = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v.join(",") : v));

const iri = text.pipe(
  z
    .string()
    .max(2000, "is longer than 2000 characters")
    // RFC 3987: a scheme, then no spaces, controls or <>"{}|^`\, and "%" only as %XX.
    .regex(
      /^[A-Za-z][A-Za-z0-9+.-]*:(?:[^\u0000-\u0020<>"{}|^`\\%]|%[0-9A-Fa-f]{2})+$/,
      "must be an absolute IRI such as https://w3id.org/caspian/data/Iran",
    ),
);

const year = text.pipe(
  z
    .string()
    .regex(/^-?\d{1,4}$/, `must be an integer year between ${MIN_YEAR} and ${MAX_YEAR} (BC years negative)`)
    .transform(Number)
    .pipe(z.number().int().min(MIN_YEAR, `must be ${MIN_YEAR} or later`).max(MAX_YEAR, `must be ${MAX_YEAR} or earlier`)),
);

const count = (min: number, max: number) =>
  text.pipe(
    z
      .string()
      .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
      .transform(Number)
      .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`)),
  );

const list = <T extends string>(known: readonly T[]) =>
  text.transform((value, ctx) => {
    const items = value.split(",").map((s) => s.trim()).filter(Boolean);
    const unknown = items.filter((item) => !known.includes(item as T));
    if (unknown.length > 0) {
      ctx.addIssue({ code: "custom", message: `unknown ${unknown.map((u) => JSON.stringify(u)).join(", ")}; use a comma list of ${known.join(", ")}` });
      return z.NEVER;
    }
    return items as T[];
  });

const oneOf = <T extends string>(values: readonly [T, ...T[]]) =>
  text.pipe(z.enum(values, { error: () => `must be one of ${values.join(", ")}` }));

const windowed = <T extends { from?: number; to?: number }>(p: T) => p.from === undefined || p.to === undefined || p.from <= p.to;

/** The time window and what to do with undated resources, shared by the views that take one. */
const windowFields = {
  from: year.optional(),
  to: year.optional(),
  undated: oneOf(["include", "exclude"]).optional(),
};

const graphFields = {
  ...windowFields,
  view: oneOf(GRAPH_VIEWS).optional(),
  editorial: oneOf(["include", "exclude"]).optional(),
  kinds: list(NODE_KINDS).optional(),
  relations: list(RELATION_KINDS).optional(),
  maxNodes: count(1, 100_000).optional(),
};

export const graphParams = z.object(graphFields).refine(windowed, { message: "from must not be after to", path: ["from"] });

/** GET /edge: an actors-view edge by (source, target, relation), or a full-view edge by key. */
export const edgeParams = z
  .object({
    source: iri.optional(),
    target: iri.optional(),
    relation: oneOf(RELATION_KINDS).optional(),
    key: text.pipe(z.string().min(1, "must not be empty").max(6000, "must be at most 6000 characters")).optional(),
    ...windowFields,
    editorial: oneOf(["include", "exclude"]).optional(),
  })
  .refine(windowed, { message: "from must not be after to", path: ["from"] })
  .refine((p) => (p.key !== undefined) !== (p.source !== undefined || p.target !== undefined || p.relation !== undefined), {
    message: "give either key (a full-view edge key) or source, target and relation (an actors-view edge)",
    path: ["key"],
  })
  .refine((p) => p.key !== undefined || (p.source !== undefined && p.target !== undefined && p.relation !== undefined), {
    message: "an actors-view edge needs all of source, target and relation",
    path: ["relation"],
  });

export const neighbourWindowFields = windowFields;

export const entityParams = z.object({ iri });

export const searchParams = z
  .object({
    q: text.pipe(z.string().trim().min(1, "is required (1 to 200 characters)").max(200, "must be at most 200 characters")),
    limit: count(1, 50).optional(),
    from: year.optional(),
    to: year.optional(),
  })
  .refine(windowed, { message: "from must not be after to", path: ["from"] });

/** from/to are the two entities here, so the window is start/end. */
export const pathsParams = z
  .object({ from: iri, to: iri, max: count(1, 20).optional(), order: oneOf(["any", "time"]).optional(), start: year.optional(), end: year.optional() })
  .refine((p) => p.start === undefined || p.end === undefined || p.start <= p.end, { message: "start must not be after end", path: ["start"] });

export const timelineParams = z
  .object({ a: iri.optional(), b: iri.optional(), from: year.optional(), to: year.optional(), maxEvents: count(1, 100_000).optional() })
  .refine((p) => (p.a ?? DEFAULT_DYAD[0]) !== (p.b ?? DEFAULT_DYAD[1]), { message: "a and b must be two different actors", path: ["b"] })
  .refine(windowed, { message: "from must not be after to", path: ["from"] });

export const thirdPartyParams = z
  .object({ a: iri.optional(), b: iri.optional(), ...windowFields })
  .refine((p) => (p.a ?? DEFAULT_DYAD[0]) !== (p.b ?? DEFAULT_DYAD[1]), { message: "a and b must be two different actors", path: ["b"] })
  .refine(windowed, { message: "from must not be after to", path: ["from"] });

export const sourceParams = z
  .object({
    evidence: iri.optional(),
    quote: text.pipe(z.string().trim().min(1, "must not be empty").max(5000, "must be at most 5000 characters")).optional(),
  })
  .refine((p) => (p.evidence === undefined) !== (p.quote === undefined), {
    message: "give exactly one of evidence (an evidence IRI) or quote (text of the article)",
    path: ["evidence"],
  });

/** The parsed query, or a 400 saying which parameter is wrong and how. */
export function parseParams<S extends z.ZodType>(schema: S, query: unknown): z.output<S> {
  const result = schema.safeParse(query ?? {});
  if (result.success) return result.data;
  const message = result.error.issues
    .map((issue) => {
      const where = issue.path.join(".") || "query";
      // zod's own wording for a missing value is "Invalid input" or "expected string, received undefined".
      const missing = issue.path.length === 1 && (query as Record<PropertyKey, unknown> | undefined)?.[issue.path[0]!] === undefined;
      const what = missing && (issue.code === "invalid_type" || issue.code === "invalid_union") ? "is required" : issue.message;
      return `${where}: ${what}`;
    })
    .join("; ");
  throw new HttpError(400, "BAD_REQUEST", message);
}

/** GET /api/v1/neighbours: the node, how many neighbours at most, and the window. */
export const neighbourParams = entityParams
  .extend({ maxNodes: z.coerce.number().int().min(1).max(50_000).optional(), ...neighbourWindowFields })
  .refine((p) => p.from === undefined || p.to === undefined || p.from <= p.to, { message: "from must not be after to", path: ["from"] });
