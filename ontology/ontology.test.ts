/**
 * Ontology checks
 * ===============
 * The ontology is a contract for the data files, the server's views and the explorer: every term
 * the README promises exists, every class and property is defined in words, every controlled
 * concept sits in a scheme, and nothing strays outside the standard vocabularies Caspian reuses.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DataFactory, Store, type Quad } from "n3";
import { beforeAll, describe, expect, it } from "vitest";
import { NS } from "../server/rdf/namespaces.ts";
import { parseRdfFile } from "../server/rdf/parseRdf.ts";
import { shortenIri } from "../server/rdf/validateShapes.ts";

const ONTOLOGY_DIR = fileURLToPath(new URL(".", import.meta.url));
const DATA_DIR = fileURLToPath(new URL("../data/", import.meta.url));
const { namedNode } = DataFactory;
const iri = (curie: string) => {
  const [prefix, local] = curie.split(":") as [keyof typeof NS, string];
  return namedNode(`${NS[prefix]}${local}`);
};
const RDF_TYPE = iri("rdf:type");

let ontology: Store;
let ontologyQuads: Quad[];

beforeAll(async () => {
  ontologyQuads = await parseRdfFile(join(ONTOLOGY_DIR, "caspian.ttl"));
  ontology = new Store(ontologyQuads);
});

function declared(type: string): string[] {
  return ontology.getSubjects(RDF_TYPE, iri(type), null).map((t) => t.value).filter((v) => v.startsWith(NS.cas));
}

describe("the ontology keeps the README's contract", () => {
  // Every cas: term named in ontology/README.md; data files and server code depend on them.
  const CONTRACT: Record<string, string[]> = {
    "owl:Class": ["Actor", "State", "Dynasty", "Person", "PoliticalMovement", "ArmedGroup", "People", "Organization",
      "Place", "Period", "DynasticPeriod", "AnalyticAge", "Event", "Treaty", "Provision", "Threat", "RelationshipState",
      "ThirdPartyRole", "Evidence", "Section", "CitedWork", "Statement", "Quantity"],
    "owl:ObjectProperty": ["eventType", "treatyStatus", "party", "provision", "provisionType", "territory", "fromActor",
      "toActor", "threatSource", "threatTarget", "threatElement", "threatened", "dyadMember", "relationshipLevel",
      "geography", "thirdParty", "thirdPartyRoleType", "supports", "aggressor", "target", "mediator", "supporter",
      "participant", "place", "duringPeriod", "periodOf", "ruler", "ruled", "memberOf", "ledBy", "evidence",
      "inSection", "cites", "alternativeTo", "datePrecision", "after", "before", "quantity"],
    "owl:DatatypeProperty": ["startYear", "endYear", "dateAsWritten", "disputed", "citationText", "order",
      "latestStartYear", "earliestEndYear", "edtf", "amount", "unit", "asWritten"],
    "skos:ConceptScheme": ["EventTypes", "TreatyStatuses", "ProvisionTypes", "BalanceOfThreatElements",
      "RelationshipLevels", "Geographies", "ThirdPartyRoleTypes", "DatePrecisions"],
    "skos:Concept": ["Concluded", "Attempted", "TerritoryCeded", "Concession", "Partition", "MutualAssistance",
      "Recognition", "ConcessionsAbolished", "Loan", "AggregatePower", "GeographicProximity", "OffensivePower",
      "OffensiveIntentions", "StrategicAlliance", "StrategicPartnership", "StrategicCooperation", "Cooperation",
      "Rivalry", "ThreatLevel", "War", "SharedBorder", "GeographicalDistance", "RetainingStatus", "CommonThreat",
      "PartnerOrSupporter", "Mediator", "Invasion", "Occupation", "Annexation", "Crisis", "DiplomaticMission",
      "Visit", "CooperationEpisode", "Revolution", "Coup", "Declaration", "DayPrecision", "MonthPrecision",
      "SeasonPrecision", "YearPrecision", "YearRangePrecision", "DecadePrecision", "CenturyPrecision",
      "ApproximatePrecision", "RelativePrecision"],
  };

  for (const [type, locals] of Object.entries(CONTRACT)) {
    it(`declares every ${type} the README names`, () => {
      const have = new Set(declared(type));
      expect(locals.filter((l) => !have.has(`${NS.cas}${l}`))).toEqual([]);
    });
  }

  it("aligns the classes with the standard ones the README gives", () => {
    const pairs: [string, string][] = [
      ["cas:Actor", "sem:Actor"], ["cas:Person", "foaf:Person"], ["cas:PoliticalMovement", "foaf:Organization"],
      ["cas:Organization", "foaf:Organization"], ["cas:Place", "sem:Place"], ["cas:Period", "time:ProperInterval"],
      ["cas:Event", "sem:Event"], ["cas:Treaty", "cas:Event"], ["cas:Threat", "sem:Event"],
      ["cas:Evidence", "oa:Annotation"], ["cas:Evidence", "prov:Entity"],
    ];
    const missing = pairs.filter(([sub, sup]) => !ontology.has(DataFactory.quad(iri(sub), iri("rdfs:subClassOf"), iri(sup))));
    expect(missing).toEqual([]);
    const roles = ["aggressor", "target", "mediator", "supporter", "participant", "party"];
    expect(roles.filter((r) => !ontology.has(DataFactory.quad(iri(`cas:${r}`), iri("rdfs:subPropertyOf"), iri("sem:hasActor"))))).toEqual([]);
    expect(ontology.has(DataFactory.quad(iri("cas:eventType"), iri("rdfs:subPropertyOf"), iri("sem:eventType")))).toBe(true);
  });
});

describe("every term is defined in words", () => {
  it("gives every class, property and concept scheme an rdfs:label and an rdfs:comment", () => {
    const terms = ["owl:Class", "owl:ObjectProperty", "owl:DatatypeProperty", "skos:ConceptScheme"].flatMap(declared);
    expect(terms.length).toBeGreaterThan(60);
    const bare = terms.filter((t) =>
      ontology.getObjects(t, iri("rdfs:label"), null).length === 0 ||
      ontology.getObjects(t, iri("rdfs:comment"), null).every((c) => c.value.trim().length < 10));
    expect(bare.map(shortenIri), "terms without a label or a defining comment").toEqual([]);
  });

  it("puts every concept in a declared scheme with a label and a definition", () => {
    const schemes = new Set(declared("skos:ConceptScheme"));
    const bad = declared("skos:Concept").filter((c) =>
      ontology.getObjects(c, iri("skos:inScheme"), null).length === 0 ||
      ontology.getObjects(c, iri("skos:inScheme"), null).some((s) => !schemes.has(s.value)) ||
      ontology.getObjects(c, iri("skos:prefLabel"), null).length !== 1 ||
      ontology.getObjects(c, iri("rdfs:label"), null).length !== 1 ||
      ontology.getObjects(c, iri("skos:definition"), null).length === 0);
    expect(bad.map(shortenIri)).toEqual([]);
  });

  it("ranks the relationship levels 1 (strategic alliance) to 7 (war) by skos:notation", () => {
    const levels = ontology.getSubjects(iri("skos:inScheme"), iri("cas:RelationshipLevels"), null)
      .map((c) => ({ concept: shortenIri(c.value), rank: Number(ontology.getObjects(c, iri("skos:notation"), null)[0]?.value) }))
      .sort((a, b) => a.rank - b.rank);
    expect(levels).toEqual([
      { concept: "cas:StrategicAlliance", rank: 1 }, { concept: "cas:StrategicPartnership", rank: 2 },
      { concept: "cas:StrategicCooperation", rank: 3 }, { concept: "cas:Cooperation", rank: 4 },
      { concept: "cas:Rivalry", rank: 5 }, { concept: "cas:ThreatLevel", rank: 6 }, { concept: "cas:War", rank: 7 },
    ]);
  });

  it("names the four Balance of Threat elements in the article's words", () => {
    const elements = ontology.getSubjects(iri("skos:inScheme"), iri("cas:BalanceOfThreatElements"), null).map((c) => shortenIri(c.value)).sort();
    expect(elements).toEqual(["cas:AggregatePower", "cas:GeographicProximity", "cas:OffensiveIntentions", "cas:OffensivePower"]);
    const definition = ontology.getObjects(iri("cas:BalanceOfThreatElements"), iri("skos:definition"), null)[0]?.value;
    expect(definition).toContain("power, proximity, aggressiveness, and developmental intentions");
  });
});

describe("definitions quote the article faithfully", () => {
  it("finds every quotation in a comment or definition verbatim in the article (the first letter's case aside)", async () => {
    const { readFile } = await import("node:fs/promises");
    const text = await readFile(join(DATA_DIR, "source", "karami-iran-russia.txt"), "utf8");
    const misquoted: string[] = [];
    for (const quad of ontologyQuads) {
      if (![`${NS.rdfs}comment`, `${NS.skos}definition`].includes(quad.predicate.value)) continue;
      for (const [, quoted] of quad.object.value.matchAll(/"([^"]+)"/g)) {
        const q = quoted!;
        const variants = [q, q.charAt(0).toUpperCase() + q.slice(1), q.charAt(0).toLowerCase() + q.slice(1)];
        if (!variants.some((v) => text.includes(v))) misquoted.push(`${shortenIri(quad.subject.value)}: "${q}"`);
      }
    }
    expect(misquoted, misquoted.join("\n")).toEqual([]);
  });
});

describe("only the standard vocabularies are used", () => {
  // The standard terms Caspian aligns with; a misspelt one (sem:hasActors) would silently align with nothing.
  const KNOWN_STANDARD_TERMS = new Set([
    "sem:Actor", "sem:Place", "sem:Time", "sem:Event", "sem:Role", "sem:hasActor", "sem:hasPlace", "sem:hasTime",
    "sem:eventType", "sem:roleType", "time:ProperInterval", "prov:Agent", "prov:Entity", "oa:Annotation",
    "foaf:Person", "foaf:Organization", "rdf:Statement", "bibo:Document", "bibo:DocumentPart", "dcterms:references", "skos:Concept",
  ]);

  it("aligns only with standard terms that exist", () => {
    const used = new Set<string>();
    for (const p of ["rdfs:subClassOf", "rdfs:subPropertyOf", "rdfs:domain", "rdfs:range"]) {
      for (const o of ontology.getObjects(null, iri(p), null)) {
        const short = shortenIri(o.value);
        if (!short.startsWith("cas:") && !short.startsWith("xsd:")) used.add(short);
      }
    }
    expect([...used].filter((t) => !KNOWN_STANDARD_TERMS.has(t))).toEqual([]);
  });

  it("uses no namespace outside Caspian's list for properties and classes in ontology/ and data/", async () => {
    const { readdir } = await import("node:fs/promises");
    const files = [
      ...(await readdir(ONTOLOGY_DIR)).filter((f) => f.endsWith(".ttl")).map((f) => join(ONTOLOGY_DIR, f)),
      ...(await readdir(DATA_DIR)).filter((f) => f.endsWith(".ttl")).map((f) => join(DATA_DIR, f)),
    ];
    // W3C Basic Geo: the stage-2 contract puts geo:lat/geo:long in data/place-coordinates.ttl.
    const namespaces = [...Object.values(NS), "http://www.w3.org/2003/01/geo/wgs84_pos#"];
    const strays = new Set<string>();
    for (const file of files) {
      for (const quad of await parseRdfFile(file)) {
        const terms = [quad.predicate, ...(quad.predicate.equals(RDF_TYPE) ? [quad.object] : [])];
        for (const t of terms) {
          if (t.termType === "NamedNode" && !namespaces.some((ns) => t.value.startsWith(ns))) strays.add(`${t.value} (${file.split(/[\\/]/).slice(-2).join("/")})`);
        }
      }
    }
    expect([...strays]).toEqual([]);
  });
});
