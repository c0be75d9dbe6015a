/**
 * Graph generator
 * ===============
 * A synthetic diplomatic history of any size in Caspian's ontology, from a fixed seed, so every
 * run writes the same file: states, dynasties and persons; periods; wars, crises and congresses
 * (cas:Event) with aggressors, targets, mediators and places; treaties with parties, territory and
 * years; labels in English. Degrees are skewed (a few great powers take part in much), as in
 * real diplomatic history, so "most connected" means something.
 *
 *   npx tsx scripts/generateGraph.ts --triples 1000000 [--seed 7] [--format nt|ttl] > gen.nt
 *   npx tsx scripts/generateGraph.ts --triples 1000000 --out gen.nt
 *
 * Generated IRIs live under https://w3id.org/caspian/generated/ so they never collide with the
 * curated data. Not facts: the data is made up and says so in every label ("Gen.").
 */
import { createWriteStream } from "node:fs";
import { parseArgs } from "node:util";
import { mulberry32 } from "../client/graph/seededPlacement.ts";

const CAS = "https://w3id.org/caspian/ontology#";
const GEN = "https://w3id.org/caspian/generated/";
const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label";
const XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer";

const ACTOR_CLASSES = ["State", "State", "Dynasty", "Person", "Organization", "PoliticalMovement"];
const EVENT_WORDS = ["War", "Crisis", "Congress", "Uprising", "Embassy", "Blockade"];
const TREATY_WORDS = ["Peace", "Alliance", "Commerce", "Frontier", "Neutrality"];
const ROLES = ["aggressor", "target", "mediator", "supporter", "participant"];

export interface GenerateOptions {
  triples: number;
  seed?: number;
}

/** Yields N-Triples lines until about `triples` triples were written (each line is one triple). */
export function* generateTriples(options: GenerateOptions): Generator<string> {
  const random = mulberry32(options.seed ?? 7);
  const int = (n: number) => Math.floor(random() * n);
  // Skewed choice: squaring the uniform draw favours low indices, the "great powers".
  const skewed = (n: number) => Math.floor(random() * random() * n);
  const iri = (value: string) => `<${value}>`;
  const text = (value: string) => `"${value}"@en`;
  const year = (value: number) => `"${value}"^^<${XSD_INTEGER}>`;
  const line = (s: string, p: string, o: string) => `${s} ${iri(p)} ${o} .\n`;

  // Roughly 1 actor, 1 place, 0.3 period per 100 triples; the rest events and treaties.
  const actors = Math.max(10, Math.round(options.triples / 100));
  const places = Math.max(5, Math.round(options.triples / 200));
  const periods = Math.max(3, Math.round(options.triples / 1000));
  let written = 0;
  const emit = function* (lines: string[]) {
    for (const l of lines) {
      written++;
      yield l;
    }
  };

  for (let i = 0; i < actors; i++) {
    const s = iri(`${GEN}actor/${i}`);
    const cls = ACTOR_CLASSES[int(ACTOR_CLASSES.length)]!;
    yield* emit([line(s, RDF_TYPE, iri(CAS + cls)), line(s, RDFS_LABEL, text(`Gen. ${cls} ${i}`))]);
  }
  for (let i = 0; i < places; i++) {
    const s = iri(`${GEN}place/${i}`);
    yield* emit([line(s, RDF_TYPE, iri(`${CAS}Place`)), line(s, RDFS_LABEL, text(`Gen. Province ${i}`))]);
  }
  for (let i = 0; i < periods; i++) {
    const s = iri(`${GEN}period/${i}`);
    const start = 1500 + Math.floor((i * 500) / periods);
    yield* emit([
      line(s, RDF_TYPE, iri(`${CAS}Period`)),
      line(s, RDFS_LABEL, text(`Gen. Period ${i}`)),
      line(s, `${CAS}startYear`, year(start)),
      line(s, `${CAS}endYear`, year(start + 10 + int(40))),
    ]);
  }
  for (let i = 0; written < options.triples; i++) {
    const start = 1500 + int(500);
    const period = iri(`${GEN}period/${Math.min(periods - 1, Math.floor(((start - 1500) * periods) / 500))}`);
    if (i % 3 === 2) {
      const s = iri(`${GEN}treaty/${i}`);
      const word = TREATY_WORDS[int(TREATY_WORDS.length)]!;
      yield* emit([
        line(s, RDF_TYPE, iri(`${CAS}Treaty`)),
        line(s, RDFS_LABEL, text(`Gen. Treaty of ${word} ${i}`)),
        line(s, `${CAS}startYear`, year(start)),
        line(s, `${CAS}party`, iri(`${GEN}actor/${skewed(actors)}`)),
        line(s, `${CAS}party`, iri(`${GEN}actor/${int(actors)}`)),
        line(s, `${CAS}place`, iri(`${GEN}place/${int(places)}`)),
        line(s, `${CAS}duringPeriod`, period),
      ]);
    } else {
      const s = iri(`${GEN}event/${i}`);
      const word = EVENT_WORDS[int(EVENT_WORDS.length)]!;
      const lines = [
        line(s, RDF_TYPE, iri(`${CAS}Event`)),
        line(s, RDFS_LABEL, text(`Gen. ${word} ${i}`)),
        line(s, `${CAS}startYear`, year(start)),
        line(s, `${CAS}endYear`, year(start + int(8))),
        line(s, `${CAS}place`, iri(`${GEN}place/${skewed(places)}`)),
        line(s, `${CAS}duringPeriod`, period),
      ];
      for (let r = 0, roles = 1 + int(3); r < roles; r++) lines.push(line(s, `${CAS}${ROLES[int(ROLES.length)]!}`, iri(`${GEN}actor/${skewed(actors)}`)));
      yield* emit(lines);
    }
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { triples: { type: "string", default: "1000000" }, seed: { type: "string", default: "7" }, out: { type: "string" } } });
  const triples = Number(values.triples);
  if (!Number.isInteger(triples) || triples < 1) throw new Error("--triples must be a positive whole number");
  const out: NodeJS.WritableStream = values.out ? createWriteStream(values.out) : process.stdout;
  let buffer = "";
  for (const l of generateTriples({ triples, seed: Number(values.seed) })) {
    buffer += l;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise((resolve) => out.once("drain", resolve));
      buffer = "";
    }
  }
  out.write(buffer);
  if (out !== process.stdout) await new Promise<void>((resolve) => out.end(resolve));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
