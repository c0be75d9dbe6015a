import oxigraph from "oxigraph";
import { describe, expect, it } from "vitest";
import { hasTripleTerms, readTsvResults, tsvCut } from "./tsvResults.ts";

// Terms a view may read: every literal form Oxigraph abbreviates or escapes in TSV.
const DATA = `
<http://ex/a> <http://ex/p> "5"^^<http://www.w3.org/2001/XMLSchema#integer> .
<http://ex/a> <http://ex/p> "-12"^^<http://www.w3.org/2001/XMLSchema#integer> .
<http://ex/a> <http://ex/p> "1.5"^^<http://www.w3.org/2001/XMLSchema#decimal> .
<http://ex/a> <http://ex/p> "1e3"^^<http://www.w3.org/2001/XMLSchema#double> .
<http://ex/a> <http://ex/p> "true"^^<http://www.w3.org/2001/XMLSchema#boolean> .
<http://ex/a> <http://ex/p> "1820"^^<http://www.w3.org/2001/XMLSchema#gYear> .
<http://ex/a> <http://ex/p> "tab\\there\\nnew line \\"quoted\\" back\\\\slash \\u0001 \u00e9 \u{1F30D}"@en .
<http://ex/a> <http://ex/p> "Turkmenchay" .
<http://ex/a> <http://ex/p> "<<not a triple>>" .
<http://ex/a> <http://ex/p> "قرارداد ترکمانچای"@fa .
<http://ex/a> <http://ex/p> _:b1 .
<http://ex/a> <http://ex/p> <http://ex/%C3%A9/x?y=1#z> .
`;

function store(): oxigraph.Store {
  const s = new oxigraph.Store();
  s.load(DATA, { format: "application/n-triples" });
  return s;
}

describe("SELECT rows read from TSV", () => {
  it("are the same rows Oxigraph writes as SPARQL JSON, for every kind of term", () => {
    const s = store();
    const query = "SELECT ?s ?o ?none WHERE { ?s ?p ?o OPTIONAL { ?o ?q ?none } } ORDER BY STR(?o)";
    const json = JSON.parse(s.query(query, { results_format: "application/sparql-results+json" }) as string);
    const rows = readTsvResults(s.query(query, { results_format: "text/tab-separated-values" }) as string);
    const withoutBlankLabels = (r: Record<string, { type: string; value: string }>[]) => r.map((row) => Object.fromEntries(Object.entries(row).map(([k, t]) => [k, t.type === "bnode" ? { type: "bnode" } : t])));
    expect(rows.vars).toEqual(json.head.vars);
    expect(withoutBlankLabels(rows.rows as never)).toEqual(withoutBlankLabels(json.results.bindings));
    expect(rows.rows).toHaveLength(12);
  });

  it("are cut after the row cap, and say so", () => {
    const s = store();
    const tsv = s.query("SELECT ?o WHERE { ?s ?p ?o }", { results_format: "text/tab-separated-values" }) as string;
    const cut = tsvCut(tsv, 3);
    expect(cut.truncated).toBe(true);
    expect(readTsvResults(cut.text, cut.truncated).rows).toHaveLength(3);
    expect(tsvCut(tsv, 12)).toEqual({ text: tsv, truncated: false });
    expect(readTsvResults(tsvCut(tsv, 0).text).rows).toHaveLength(0);
  });

  it("read an empty answer and an answer without variables", () => {
    const s = store();
    expect(readTsvResults(s.query("SELECT ?x WHERE { ?x <http://ex/none> ?y }", { results_format: "text/tab-separated-values" }) as string)).toEqual({ vars: ["x"], rows: [], truncated: false });
    const noVars = readTsvResults(s.query("SELECT * WHERE { <http://ex/a> <http://ex/p> \"Turkmenchay\" }", { results_format: "text/tab-separated-values" }) as string);
    expect(noVars.rows).toHaveLength(1);
  });

  it("notice triple terms, which only JSON rows carry, but not a literal that looks like one", () => {
    const s = store();
    expect(hasTripleTerms(s.query("SELECT ?o WHERE { ?s ?p ?o }", { results_format: "text/tab-separated-values" }) as string)).toBe(false);
    const star = s.query("SELECT ?t WHERE { BIND(<<( <http://ex/a> <http://ex/p> <http://ex/b> )>> AS ?t) }", { results_format: "text/tab-separated-values" }) as string;
    expect(hasTripleTerms(star)).toBe(true);
  });
});
