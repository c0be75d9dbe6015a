/**
 * Schema index
 * ============
 * What the views need from the ontology, read from the same store: the class hierarchy (to give
 * a resource its kind and its most specific class), labels of classes, properties and concepts,
 * and concept ranks (skos:notation). Read once per engine (perEngine.ts).
 */
import type { NodeKind } from "../../contract/api.ts";
import type { QueryEngine } from "../sparql/engine.ts";
import { LabelMap } from "./labels.ts";
import { perEngine } from "./perEngine.ts";
import { SPARQL_PREFIXES, int, iriOf, selectAll } from "./sparqlText.ts";
import { KIND_ROOTS, LEVEL_RANKS, SOURCE_CLASSES, STANDARD_PREDICATE_LABELS } from "./vocabulary.ts";

export interface ClassInfo {
  kind: NodeKind;
  classIri: string;
  classLabel: string;
}

export class SchemaIndex {
  constructor(
    /** Every class → all its superclasses (reflexive, transitive). */
    private readonly ancestors: Map<string, Set<string>>,
    readonly labels: LabelMap,
    private readonly ranks: Map<string, number>,
  ) {}

  superclassesOf(cls: string): Set<string> {
    return this.ancestors.get(cls) ?? new Set([cls]);
  }

  isSubclassOf(cls: string, root: string): boolean {
    return this.superclassesOf(cls).has(root);
  }

  rank(concept: string): number | undefined {
    return this.ranks.get(concept) ?? LEVEL_RANKS[concept];
  }

  label(iri: string): string {
    return this.labels.has(iri) ? this.labels.get(iri) : (STANDARD_PREDICATE_LABELS[iri] ?? this.labels.get(iri));
  }

  /** The kind and most specific class of a resource typed with `classes`. */
  classify(classes: Iterable<string>): ClassInfo {
    const list = [...new Set(classes)].sort();
    let kind: NodeKind = "other";
    for (const [root, rootKind] of KIND_ROOTS) {
      if (list.some((cls) => this.isSubclassOf(cls, root) || (rootKind === "source" && SOURCE_CLASSES.includes(cls)))) {
        kind = rootKind;
        break;
      }
    }
    // Most specific: not a strict superclass of another of the resource's classes; prefer the
    // classes the ontology labels (its own) over imported ones like sem:Actor.
    const specific = list.filter((cls) => !list.some((other) => other !== cls && this.superclassesOf(other).has(cls)));
    const classIri = specific.find((cls) => this.labels.has(cls)) ?? specific[0] ?? list[0] ?? "";
    return { kind, classIri, classLabel: classIri ? this.label(classIri) : "" };
  }
}

/** The schema index of an engine's store, read once (see perEngine.ts). */
export const schemaIndex = perEngine(loadSchemaIndex);

async function loadSchemaIndex(engine: QueryEngine): Promise<SchemaIndex> {
  const [hierarchy, terms] = await Promise.all([
    selectAll(engine, `${SPARQL_PREFIXES}
SELECT ?c ?super WHERE { ?c rdfs:subClassOf ?super . FILTER(isIRI(?c) && isIRI(?super)) }`),
    selectAll(engine, `${SPARQL_PREFIXES}
SELECT ?t ?label ?notation WHERE {
  { ?t a owl:Class . OPTIONAL { ?t rdfs:label ?label } }
  UNION { ?t a rdfs:Class . OPTIONAL { ?t rdfs:label ?label } }
  UNION { ?t a owl:ObjectProperty . OPTIONAL { ?t rdfs:label ?label } }
  UNION { ?t a owl:DatatypeProperty . OPTIONAL { ?t rdfs:label ?label } }
  UNION { ?t a owl:AnnotationProperty . OPTIONAL { ?t rdfs:label ?label } }
  UNION { ?t a rdf:Property . OPTIONAL { ?t rdfs:label ?label } }
  UNION { ?t a skos:Concept . OPTIONAL { ?t rdfs:label ?label } OPTIONAL { ?t skos:prefLabel ?label } OPTIONAL { ?t skos:notation ?notation } }
}`),
  ]);

  const parents = new Map<string, string[]>();
  for (const row of hierarchy.rows) {
    const cls = iriOf(row, "c");
    const sup = iriOf(row, "super");
    if (!cls || !sup) continue;
    const list = parents.get(cls) ?? [];
    list.push(sup);
    parents.set(cls, list);
  }
  const ancestors = new Map<string, Set<string>>();
  const closure = (cls: string): Set<string> => {
    const known = ancestors.get(cls);
    if (known) return known;
    const result = new Set<string>([cls]);
    ancestors.set(cls, result); // set before recursing: cycles in subClassOf must terminate
    for (const sup of parents.get(cls) ?? []) for (const a of closure(sup)) result.add(a);
    return result;
  };
  for (const cls of parents.keys()) closure(cls);

  const labels = new LabelMap();
  const ranks = new Map<string, number>();
  for (const row of terms.rows) {
    const term = iriOf(row, "t");
    if (!term) continue;
    labels.add(term, row.label);
    const rank = int(row, "notation");
    if (rank !== undefined) ranks.set(term, rank);
  }
  return new SchemaIndex(ancestors, labels, ranks);
}
