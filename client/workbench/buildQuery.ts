/**
 * Guided builder: the query it writes
 * ===================================
 * Turns the builder's choices (subject, relation, object, optional period or years) into readable
 * SPARQL with a comment on each line, so a user who does not write SPARQL learns it by watching.
 * Pure text, tested in node; the form around it is builderView.ts.
 */
import { localName } from "./results.ts";
import { shortIri } from "./prefixes.ts";

export type Choice = { type: "any" } | { type: "class"; iri: string; label?: string } | { type: "entity"; iri: string; label?: string };

export interface BuilderSpec {
  subject: Choice;
  /** A property IRI. */
  relation: string;
  relationLabel?: string;
  object: Choice;
  /** Keep subjects whose years overlap this range (a period's, or typed years). */
  years?: { from?: number; to?: number; period?: string };
}

const RDFS_LABEL = "rdfs:label";

/** ?treaty for cas:Treaty, ?subject for anything else; never the same name twice. */
function variableFor(choice: Choice, fallback: string, taken?: string): string {
  let name = choice.type === "class" ? localName(choice.iri).replace(/[^A-Za-z0-9_]/g, "") : fallback;
  name = name ? name[0]!.toLowerCase() + name.slice(1) : fallback;
  if (!/^[A-Za-z_]/.test(name)) name = fallback;
  return name === taken ? `${name}2` : name;
}

function describe(choice: Choice): string {
  if (choice.type === "any") return "anything";
  const name = choice.label ?? localName(choice.iri);
  return choice.type === "class" ? `any ${name}` : name;
}

function constrain(variable: string, choice: Choice): string[] {
  if (choice.type === "class") return [`  ?${variable} a/rdfs:subClassOf* ${shortIri(choice.iri)} .   # ${describe(choice)} (or a kind of it)`];
  if (choice.type === "entity") return [`  VALUES ?${variable} { ${shortIri(choice.iri)} }   # exactly ${describe(choice)}`];
  return [];
}

export function buildQuery(spec: BuilderSpec): string {
  const s = variableFor(spec.subject, "subject");
  const o = variableFor(spec.object, "object", s);
  const relation = shortIri(spec.relation);
  const lines: string[] = [
    `# ${describe(spec.subject)} —${spec.relationLabel ?? localName(spec.relation)}→ ${describe(spec.object)}`,
    `SELECT DISTINCT ?${s} ?${s}Label ?${o} ?${o}Label WHERE {`,
    ...constrain(s, spec.subject),
    `  ?${s} ${relation} ?${o} .   # the relation`,
    ...constrain(o, spec.object),
  ];
  const { from, to, period } = spec.years ?? {};
  if (from !== undefined || to !== undefined) {
    const when = period ? `during ${period}` : `between ${from ?? "the beginning"} and ${to ?? "today"}`;
    lines.push(
      `  # ${when}: the ${s}'s years overlap the range (a single year counts as its own end)`,
      `  ?${s} cas:startYear ?start .`,
      `  OPTIONAL { ?${s} cas:endYear ?endYear }`,
      `  BIND (COALESCE(?endYear, ?start) AS ?end)`,
    );
    const tests = [to !== undefined ? `?start <= ${to}` : "", from !== undefined ? `?end >= ${from}` : ""].filter(Boolean);
    lines.push(`  FILTER (${tests.join(" && ")})`);
  }
  lines.push(
    `  OPTIONAL { ?${s} ${RDFS_LABEL} ?${s}Label }   # names to read, when the data has them`,
    `  OPTIONAL { ?${o} ${RDFS_LABEL} ?${o}Label }`,
    `}`,
    `ORDER BY ?${s}Label ?${o}Label`,
  );
  return lines.join("\n");
}
