/**
 * Competency questions, asked of the data
 * =======================================
 * Each question of competencyQuestions.ts, asked in SPARQL of the whole curated graph
 * (ontology/*.ttl + data/*.ttl in one Oxigraph store), must give the answer the article supports.
 * Answers are asserted exactly, as sorted rows, so a lost fact or a stray one fails the question
 * that depends on it. Each row is the selected values joined with " | " (IRIs by local name).
 */
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import oxigraph from "oxigraph";
import { beforeAll, describe, expect, it } from "vitest";
import { NS, SPARQL_PREFIXES } from "../server/rdf/namespaces.ts";
import { parseRdfFile } from "../server/rdf/parseRdf.ts";
import { COMPETENCY_QUESTIONS } from "./competencyQuestions.ts";

const DATA_DIR = fileURLToPath(new URL(".", import.meta.url));
const ONTOLOGY_DIR = fileURLToPath(new URL("../ontology/", import.meta.url));

async function turtleFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((n) => n.endsWith(".ttl")).sort().map((n) => join(dir, n));
}

let store: oxigraph.Store;

beforeAll(async () => {
  store = new oxigraph.Store();
  for (const file of [...(await turtleFiles(ONTOLOGY_DIR)), ...(await turtleFiles(DATA_DIR))]) {
    for (const quad of await parseRdfFile(file)) store.add(oxigraph.fromQuad(quad));
  }
});

/** Local names keep the expected answers readable; every IRI the questions return is cd: or cas:. */
function show(term: oxigraph.Term | undefined): string {
  if (!term) return "-";
  if (term.termType === "NamedNode") {
    for (const prefix of [NS.cd, NS.cas]) if (term.value.startsWith(prefix)) return term.value.slice(prefix.length);
  }
  return term.value;
}

function rows(query: string): string[] {
  const result = store.query(`${SPARQL_PREFIXES}\n${query}`, { use_default_graph_as_union: true });
  if (!Array.isArray(result)) throw new Error("expected a SELECT query");
  const vars = [...query.matchAll(/SELECT\s+(?:DISTINCT\s+)?((?:\?\w+\s*)+)/gi)][0]?.[1]?.trim().split(/\s+/) ?? [];
  return (result as Map<string, oxigraph.Term>[])
    .map((row) => vars.map((v) => show(row.get(v.slice(1)))).join(" | "))
    .sort();
}



describe("competency questions over the curated graph", () => {
  it.each(COMPETENCY_QUESTIONS.map((q) => [q.question, q] as const))("%s", (_name, q) => {
    expect(rows(q.query)).toEqual([...q.answer].sort());
  });
});

