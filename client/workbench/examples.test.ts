/**
 * Every example query over the real endpoint
 * ==========================================
 * Each example of the workbench's library runs through the real server (the embedded engine over
 * the curated data, on port 0) and must give exactly the rows the knowledge suite's competency
 * questions expect (data/competencyQuestions.test.ts), so an example never drifts from the
 * question it claims to answer. Rows are the selected values joined with " | ", IRIs by local name.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SOURCES } from "../../server/rdf/loadDatasets.ts";
import { NS } from "../../server/rdf/namespaces.ts";
import { startTestServer, type TestServer } from "../../server/testServer.ts";
import { EXAMPLES } from "./examples.ts";
import { withPrefixes } from "./prefixes.ts";

const EXPECTED: Record<string, string[]> = {
  "third-parties-common-threat": ["OttomanEmpire | 1501 | 1771", "Taliban | 1996 | 2001", "TerroristGroups | - | -", "TheWest | - | -"],
  "treaties-ceded-caucasus-territory": ["TreatyOfGulistan | 1813 | Iran | Russia", "TreatyOfTurkmenchay | 1828 | Iran | Russia"],
  "periods-iran-russia-soviet": ["Russia | Cooperation | 1614 | 1614 | true", "Russia | ThreatLevel | 1795 | 1991 | false", "SovietUnion | Cooperation | 1960 | 1979 | false"],
  "parties-treaty-turkmenchay-concluded": ["Iran | 1828 | Concluded | Treaty of Turkmachay, Turkmachay, Turkmanchay", "Russia | 1828 | Concluded | Treaty of Turkmachay, Turkmachay, Turkmanchay"],
  "threatened-iran-qajar-period": ["Russia | AggregatePower", "Russia | GeographicProximity", "Russia | OffensiveIntentions", "Russia | OffensivePower"],
  "events-article-cite-tranzio": ["AnnexationOfGeorgia | 1800 | Tranznio, 1980: 33 | 33", "ConquestOfGeorgia | 1795 | Tranzio, 1980: 32 | 32"],
  "third-party-supported-russia": ["Britain | FirstRussoIranianWar", "Britain | GreatWarsBetweenRussiaAndIran", "Britain | SecondRussoIranianWar"],
  "relationship-states-rank-cooperation": ["IranAndRussiaBecomeNeighbours | Cooperation | SharedBorder", "IranRussiaRelationsBeforeTheMongols | Cooperation | GeographicalDistance", "IranRussiaRelationsLastThreeDecades | StrategicCooperation | GeographicalDistance", "IranRussiaRelationsSafavidPeriod | Cooperation | GeographicalDistance", "IranRussiaRelationsZandPeriod | Cooperation | GeographicalDistance", "IraniansAndSlavsGeographicalConnection | Cooperation | SharedBorder", "RelationsIranRussiaSyrianCrisis | StrategicPartnership | GeographicalDistance", "RelationsIranRussiaTajikCivilWar | StrategicPartnership | GeographicalDistance", "RelationsIranRussiaTalibanPeriod | StrategicPartnership | GeographicalDistance", "RelationsIranSovietUnion1960To1979 | Cooperation | SharedBorder"],
  "largest-troop-figure-article": ["100000 | 1941-08 | Britain", "100000 | 1941-08 | SovietUnion"],
  "soviet-era-russian-iranian": ["ConcessionsAbolished | Russia | Iran"],
  "happened-georgia-between-1776": ["1783 | RussianProtectionOfTheRulerOfGeorgia", "1795 | ConquestOfGeorgia", "1796 | RussianSiegeOfBakuAndDarband", "1799 | GeorgeXIIUnderTheProtectionOfAlexanderI", "1800 | AnnexationOfGeorgia"],
  "works-article-cite-soviet": ["ref-Hermann1991 | Hermann, 1991: 42 | 42", "ref-Khalilzad1984 | Khalilzad, 1984: 15 | 15"],
  "many-soviet-specialists-employed": ["3500 | ref-Azghandi1997 | 324"],
  "article-speak-iran-russia": ["1994 | 1996 | TajikCrisisPeriod", "1996 | 2001 | TalibanPeriodInAfghanistan", "2012 | 2017 | SyrianCrisisPeriod"],
  "third-party-drew-iran": ["Russia | CommonThreat | 1937 | 1979"],
  "countries-soviet-union-invade": ["Afghanistan | Invasion | -", "Iran | Occupation | 1941"],
  "conflicts-iran-act-mediator": ["IranianMediationInNagornoKarabakh", "NagornoKarabakhCrisis", "TajikCompromise", "TajikPeaceMeetings"],
  "sums-1989-iran-soviet": ["allocated for military cooperation and arms transfers | - | 2000000000 | 4000000000", "estimated value of the arms deals | 6000000000 | - | -", "value of the agreements | 15000000000 | - | -"],
  "actors-threatened-both-iran": ["OttomanEmpire", "Taliban", "TerroristGroups", "TheWest"],
  "third-parties-iran-take": ["Britain", "France", "Germany", "UnitedStates"],
  "article-date-reza-khan": ["March1299Coup | 1920 | 1921 | the March 1299 coup | false", "OccupationOfTehranByRezaKhan | 1920 | 1920 | in March 1920 | true"],
  "happened-1917-according-article": ["RussianRevolutionOf1917 | -", "TelegramOfThe88Members | 1917-04-03"],
  "third-party-kept-iran": ["Khazars | 501 | 1000 | in the 6th to 10th centuries AD"],
  "events-age-neighborhood-threat": ["1917-04-03 | TelegramOfThe88Members", "1920-03 | OccupationOfTehranByRezaKhan", "1921-02 | SovietIranianTreatyOf1921", "1941-08 | OccupationOfIran1941", "1954-09-03 | FoundingStatementOfTheDemocraticPartyOfAzerbaijan", "1988-12 | KhomeinisLetterToGorbachev"],
  "works-conclusion-cite-statements": ["KennedyBellyOfABearRemark | ref-Mirfendereski2004 | 244", "ShahsRemarkOnRussiasNeighbourhood | ref-Dencausse1988 | 223"],
  "treaties-attempted-but-never": ["AllianceWithEuropeanCountriesAgainstTheOttomans1599 | 1599", "RussianLoanRequest1617 | 1617", "RussianOfferToUniteAgainstTheOttomans1771 | 1771", "TreatyOfReciprocityAndMutualMilitaryAssistance1597 | 1597"],
  "article-s-claims-are": ["FoundingStatementOfTheDemocraticPartyOfAzerbaijan | 1954", "IranAndRussiaBecomeNeighbours | 1614", "IvanTheGreat | -", "OccupationOfTehranByRezaKhan | 1920", "ReignOfIvanTheGreat | 1547", "SafavidPeriod | 1501", "TajikCivilWar | 1992"],
  "dated-events-treaties-fall": ["1501 | BeginningOfOfficialRelations", "1592 | TradeDelegationToMoscow1592", "1595 | RussianAmbassadorToTheIranianCourt1595", "1597 | RussianDelegation1597", "1597 | TreatyOfReciprocityAndMutualMilitaryAssistance1597", "1598 | RussianEffortToBringIranCloserToAustria", "1599 | AllianceWithEuropeanCountriesAgainstTheOttomans1599", "1599 | ShirleyMission1599", "1599 | ShirleyMissionGreetedAtHajiTarkhan", "1599 | ShirleyMissionIgnoredInMoscow", "1603 | LiberationOfCitiesFromTabrizToTbilisi", "1603 | ShahAbbasWarsWithTheOttomans1603", "1614 | RussianAmbassadorToShahAbbas1614", "1614 | ShahAbbasOfferOfMoneyAndTroops1614", "1617 | RussianLoanRequest1617", "1617 | ShahAbbasWishForNeighbourhood"],
  "third-parties-article-name": ["Austria | -", "Britain | Iran", "Britain | Russia", "Britain | SovietUnion", "France | Iran", "Germany | Iran", "UnitedStates | -", "UnitedStates | Iran"],
  "soviet-union-back-against": ["Iraq | 1982", "NationalGovernmentOfAzerbaijan | -", "NationalGovernmentOfKurdistan | -"],
};

interface Binding {
  type: string;
  value: string;
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ sources: [...DEFAULT_SOURCES] });
}, 120_000);
afterAll(async () => {
  await server?.close();
});

function show(term: Binding | undefined): string {
  if (!term) return "-";
  if (term.type === "uri") for (const ns of [NS.cd, NS.cas]) if (term.value.startsWith(ns)) return term.value.slice(ns.length);
  return term.value;
}

async function run(query: string, accept: string): Promise<Response> {
  return fetch(`${server.url}/sparql`, { method: "POST", headers: { "content-type": "application/sparql-query", accept }, body: withPrefixes(query) });
}

describe("the workbench's example queries", () => {
  it("include every competency question of the knowledge suite", () => {
    for (const id of Object.keys(EXPECTED)) expect(EXAMPLES.map((e) => e.id)).toContain(id);
  });

  it.each(EXAMPLES.filter((e) => EXPECTED[e.id]).map((e) => [e.question, e] as const))("%s", async (_question, example) => {
    const response = await run(example.query, "application/sparql-results+json");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { head: { vars: string[] }; results: { bindings: Record<string, Binding>[] } };
    const rows = body.results.bindings.map((row) => body.head.vars.map((v) => show(row[v])).join(" | ")).sort();
    expect(rows).toEqual([...EXPECTED[example.id]!].sort());
  });

  it("answer the network example with triples and the yes/no example with true", async () => {
    const graph = await run(EXAMPLES.find((e) => e.id === "treaty-network")!.query, "application/n-triples");
    expect(graph.status).toBe(200);
    expect(await graph.text()).toContain(`<${NS.cd}TreatyOfTurkmenchay> <${NS.cas}party> <${NS.cd}Russia>`);
    const ask = await run(EXAMPLES.find((e) => e.id === "turkmenchay-ceded-caucasus")!.query, "application/sparql-results+json");
    expect(((await ask.json()) as { boolean: boolean }).boolean).toBe(true);
  });
});
