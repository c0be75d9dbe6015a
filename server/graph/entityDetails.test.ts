import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmbeddedEngine } from "../sparql/embeddedEngine.ts";
import { entityDetails } from "./entityDetails.ts";
import { NotFoundError } from "./errors.ts";
import { cas, cd, startTestEngine } from "../test/testEngine.ts";

let engine: EmbeddedEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(() => engine.close());

describe("entityDetails", () => {
  it("describes a treaty: labels, class, years, relations and its evidence with quote, section and citation", async () => {
    const details = await entityDetails(engine, cd("TreatyOfTurkmenchay"));
    expect(details).toMatchObject({
      iri: cd("TreatyOfTurkmenchay"),
      label: "Treaty of Turkmenchay",
      altLabels: ["Turkmachay"],
      comment: "The treaty concluded in 1828 after Iran's defeat in the second war with Russia.",
      kind: "treaty",
      classes: [{ iri: cas("Treaty"), label: "Treaty" }],
      startYear: 1828,
      endYear: 1828,
      disputed: false,
      editorialNotes: [],
    });
    expect(details.outgoing).toEqual(
      expect.arrayContaining([
        { predicate: { iri: cas("party"), label: "party" }, kind: "treatyParty", other: { iri: cd("Iran"), label: "Iran", kind: "actor" } },
        { predicate: { iri: cas("party"), label: "party" }, kind: "treatyParty", other: { iri: cd("Russia"), label: "Russia", kind: "actor" } },
        { predicate: { iri: cas("duringPeriod"), label: "during period" }, kind: "time", other: { iri: cd("QajarPeriod"), label: "Qajar period", kind: "period" } },
      ]),
    );
    expect(details.evidence).toEqual([
      {
        iri: cd("ev-TreatyOfTurkmenchay-1"),
        quote: "With the defeat of Iran in the second war with Russia, the Treaty of Turkmenchay was concluded in 1828",
        section: "The Age of Neighborhood and Threat",
        citationText: "Tranznio, 1980: 33",
        cites: { iri: cd("ref-Tranzio1980"), label: "Tranzio (1980)", citation: "Tranzio. (1980) Example entry as printed." },
        pages: "33",
      },
    ]);
  });

  it("lists every property readably: predicate labels from the ontology, labels of IRI values, literal datatypes", async () => {
    const { properties } = await entityDetails(engine, cd("TreatyOfTurkmenchay"));
    expect(properties).toEqual(
      expect.arrayContaining([
        { predicate: { iri: cas("startYear"), label: "start year" }, value: { label: "1828", datatype: "http://www.w3.org/2001/XMLSchema#integer" } },
        { predicate: { iri: cas("treatyStatus"), label: "treaty status" }, value: { iri: cas("Concluded"), label: "concluded" } },
        { predicate: { iri: "http://www.w3.org/2004/02/skos/core#hiddenLabel", label: "hidden label" }, value: { label: "Turkmanchay", lang: "en" } },
      ]),
    );
  });

  it("lists incoming relations with their kinds: Iran is party to treaties and member of dyads", async () => {
    const { incoming } = await entityDetails(engine, cd("Iran"));
    expect(incoming).toEqual(
      expect.arrayContaining([
        { predicate: { iri: cas("party"), label: "party" }, kind: "treatyParty", other: { iri: cd("TreatyOfTurkmenchay"), label: "Treaty of Turkmenchay", kind: "treaty" } },
        { predicate: { iri: cas("threatened"), label: "threatened" }, kind: "threat", other: { iri: cd("Russia"), label: "Russia", kind: "actor" } },
        { predicate: { iri: cas("periodOf"), label: "period of" }, kind: "time", other: { iri: cd("SafavidPeriod"), label: "Safavid period", kind: "period" } },
      ]),
    );
    expect(incoming.some((r) => r.other.iri === cd("rel-IranRussia-Safavid"))).toBe(true);
  });

  it("keeps the article's dating words and flags a disputed claim with its editorial note", async () => {
    expect(await entityDetails(engine, cd("ShirleyMission"))).toMatchObject({ dateAsWritten: ["On July 9, 1599 (1007 AH)"] });
    const ivan = await entityDetails(engine, cd("IvanTheGreat"));
    expect(ivan).toMatchObject({ disputed: true, kind: "actor", startYear: 1547, endYear: 1584 });
    expect(ivan.editorialNotes).toEqual(["The tsar who reigned 1547–1584 is Ivan IV (the Terrible); the article writes Ivan the Great."]);
  });

  it("describes an n-ary relationship state, with its level and dyad members as relations", async () => {
    const details = await entityDetails(engine, cd("rel-IranRussia-Safavid"));
    expect(details).toMatchObject({ kind: "other", classes: [{ iri: cas("RelationshipState"), label: "Relationship state" }], startYear: 1501, endYear: 1722 });
    expect(details.outgoing.map((r) => r.other.iri)).toEqual(expect.arrayContaining([cd("Iran"), cd("Russia"), cd("SafavidPeriod")]));
    expect(details.properties).toEqual(
      expect.arrayContaining([{ predicate: { iri: cas("relationshipLevel"), label: "relationship level" }, value: { iri: cas("Cooperation"), label: "cooperation" } }]),
    );
    expect(details.evidence.map((e) => e.iri)).toEqual([cd("ev-rel-IranRussia-Safavid-1")]);
  });

  it("describes an evidence node with itself as its evidence", async () => {
    const details = await entityDetails(engine, cd("ev-ShirleyMission-1"));
    expect(details.label).toBe("Evidence: “the delegation reached Haji Tarkhan and was greeted by Russian tsar envoys”");
    expect(details.evidence).toEqual([
      {
        iri: cd("ev-ShirleyMission-1"),
        quote: "the delegation reached Haji Tarkhan and was greeted by Russian tsar envoys",
        section: "Age of Geographical Distance",
        citationText: "HushangMahdavi, 1986: 95",
        cites: { iri: cd("ref-HoushangMahdavi1986"), label: "HushangMahdavi, 1986" },
        pages: "95",
      },
    ]);
    expect(details.incoming).toEqual([
      { predicate: { iri: cas("evidence"), label: "evidence" }, kind: "other", other: { iri: cd("ShirleyMission"), label: "Shirley mission", kind: "event" } },
    ]);
  });

  it("throws NotFoundError for an IRI with no triples", async () => {
    await expect(entityDetails(engine, cd("Atlantis"))).rejects.toBeInstanceOf(NotFoundError);
  });
});
