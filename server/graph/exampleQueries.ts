/**
 * Example queries
 * ===============
 * The library of questions a scholar brings to Karami's article, each in words with its SPARQL:
 * the competency questions of the knowledge suite (data/competencyQuestions.ts), the very same
 * list, so the workbench teaches the language on questions the data is known to answer. Served
 * at /api/v1/examples (the client never imports data/). Queries are written without the PREFIX
 * block; the workbench puts the project's prefixes above.
 */
import type { ExampleQuery } from "../../contract/api.ts";
import { COMPETENCY_QUESTIONS } from "../../data/competencyQuestions.ts";

export const EXAMPLES: readonly ExampleQuery[] = [
  ...COMPETENCY_QUESTIONS.map(({ id, question, query }) => ({ id, question, query })),
  {
    id: "treaty-network",
    question: "Draw the treaties with their parties as a network.",
    query: `CONSTRUCT { ?treaty cas:party ?party . ?treaty rdfs:label ?tl . ?party rdfs:label ?pl . }
WHERE {
  ?treaty a cas:Treaty ; cas:party ?party .
  OPTIONAL { ?treaty rdfs:label ?tl }
  OPTIONAL { ?party rdfs:label ?pl }
}`,
  },
  {
    id: "turkmenchay-ceded-caucasus",
    question: "Did the Treaty of Turkmenchay cede the Caucasus?",
    query: `ASK {
  cd:TreatyOfTurkmenchay cas:provision ?p .
  ?p cas:provisionType cas:TerritoryCeded ; cas:territory cd:Caucasus .
}`,
  },
];
