/**
 * Example queries
 * ===============
 * The library of questions a scholar brings to Karami's article, each in words with its SPARQL:
 * the competency questions of the knowledge suite (data/competencyQuestions.test.ts), with the
 * same queries, so the workbench teaches the language on questions the data is known to answer.
 * Queries are written without the PREFIX block; the workbench puts the project's prefixes above.
 */

export interface ExampleQuery {
  id: string;
  question: string;
  query: string;
}

export const EXAMPLES: readonly ExampleQuery[] = [
  {
    id: "third-parties-common-threat",
    question: "Which third parties were a common threat to both Iran and Russia, and when?",
    query: `SELECT ?party ?start ?end WHERE {
  ?role a cas:ThirdPartyRole ; cas:thirdPartyRoleType cas:CommonThreat ; cas:thirdParty ?party ;
        cas:dyadMember cd:Iran , cd:Russia .
  OPTIONAL { ?role cas:startYear ?start ; cas:endYear ?end }
}`,
  },
  {
    id: "treaties-ceded-caucasus-territory",
    question: "Which treaties ceded Caucasus territory, from whom to whom, and in which year?",
    query: `SELECT ?treaty ?year ?from ?to WHERE {
  ?treaty a cas:Treaty ; cas:startYear ?year ; cas:provision ?p .
  ?p cas:provisionType cas:TerritoryCeded ; cas:territory cd:Caucasus ; cas:fromActor ?from ; cas:toActor ?to .
}`,
  },
  {
    id: "periods-iran-russia-soviet",
    question: "In which periods did Iran and Russia (or the Soviet Union) share a border, and what was the relationship then?",
    query: `SELECT ?other ?level ?start ?end ?disputed WHERE {
  ?state a cas:RelationshipState ; cas:geography cas:SharedBorder ; cas:dyadMember cd:Iran , ?other ;
         cas:relationshipLevel ?level ; cas:startYear ?start ; cas:endYear ?end .
  FILTER (?other != cd:Iran)
  BIND (EXISTS { ?state cas:disputed true } AS ?disputed)
}`,
  },
  {
    id: "parties-treaty-turkmenchay-concluded",
    question: "Who were the parties to the Treaty of Turkmenchay, when was it concluded, and how else does the article spell it?",
    query: `SELECT ?party ?year ?status ?spellings WHERE {
  cd:TreatyOfTurkmenchay cas:party ?party ; cas:startYear ?year ; cas:treatyStatus ?status .
  { SELECT (GROUP_CONCAT(?alt; separator=", ") AS ?spellings) WHERE {
      { SELECT ?alt WHERE { cd:TreatyOfTurkmenchay skos:altLabel ?alt } ORDER BY ?alt } } }
}`,
  },
  {
    id: "threatened-iran-qajar-period",
    question: "Who threatened Iran in the Qajar period, and by which Balance of Threat elements?",
    query: `SELECT ?source ?element WHERE {
  ?threat a cas:Threat ; cas:threatTarget cd:Iran ; cas:threatSource ?source ; cas:threatElement ?element ;
          cas:duringPeriod cd:QajarPeriod .
}`,
  },
  {
    id: "events-article-cite-tranzio",
    question: "Which events does the article cite Tranzio for, and on which pages?",
    query: `SELECT ?event ?year ?printed ?pages WHERE {
  ?ev cas:cites cd:ref-Tranzio1980 ; oa:hasBody ?event ; cas:citationText ?printed ; bibo:pages ?pages .
  ?event a/rdfs:subClassOf* cas:Event ; cas:startYear ?year .
}`,
  },
  {
    id: "third-party-supported-russia",
    question: "Which third party supported Russia, and in which wars against Iran?",
    query: `SELECT DISTINCT ?party ?war WHERE {
  ?role a cas:ThirdPartyRole ; cas:thirdPartyRoleType cas:PartnerOrSupporter ; cas:supports cd:Russia ; cas:thirdParty ?party .
  ?war cas:eventType cas:War ; cas:supporter ?party ; cas:aggressor cd:Russia ; cas:target cd:Iran .
}`,
  },
  {
    id: "relationship-states-rank-cooperation",
    question: "Which relationship states rank as cooperation or better, and what geography lay behind each?",
    query: `SELECT ?state ?level ?geography WHERE {
  ?state a cas:RelationshipState ; cas:relationshipLevel ?level ; cas:geography ?geography .
  ?level skos:notation ?rank .
  FILTER (xsd:integer(?rank) <= 4)
}`,
  },
  {
    id: "largest-troop-figure-article",
    question: "What is the largest troop figure the article gives for the occupation of Iran in August 1941, and who entered with the Russians?",
    query: `SELECT ?most ?when ?aggressor WHERE {
  cd:OccupationOfIran1941 schema:additionalProperty ?figure ; sem:hasTimeStamp ?when ; cas:aggressor ?aggressor .
  ?figure schema:name "Russian troops" ; schema:maxValue ?most .
}`,
  },
  {
    id: "soviet-era-russian-iranian",
    question: "What did the Soviet-era Russian-Iranian treaty of February 1921 provide?",
    query: `SELECT ?type ?from ?to WHERE {
  cd:SovietIranianTreatyOf1921 cas:provision ?p .
  ?p cas:provisionType ?type ; cas:fromActor ?from ; cas:toActor ?to .
}`,
  },
  {
    id: "happened-georgia-between-1776",
    question: "What happened in Georgia between 1776 and 1800, year by year?",
    query: `SELECT ?year ?event WHERE {
  ?event a/rdfs:subClassOf* cas:Event ; cas:place cd:Georgia ; cas:startYear ?year .
  FILTER (?year >= 1776 && ?year <= 1800)
}`,
  },
  {
    id: "works-article-cite-soviet",
    question: "Which works does the article cite for the Soviet Union's support of Iraq, and on which pages?",
    query: `SELECT ?work ?printed ?pages WHERE {
  cd:SovietSupportForIraq cas:evidence ?ev . ?ev cas:cites ?work ; cas:citationText ?printed ; bibo:pages ?pages .
}`,
  },
  {
    id: "many-soviet-specialists-employed",
    question: "How many Soviet specialists were employed in Iran by mid-1973, and which work does the article cite for it?",
    query: `SELECT ?count ?work ?pages WHERE {
  cd:SovietSpecialistsInIran schema:additionalProperty [ schema:value ?count ] ; cas:evidence ?ev .
  ?ev cas:cites ?work ; bibo:pages ?pages .
}`,
  },
  {
    id: "article-speak-iran-russia",
    question: "When does the article speak of an Iran-Russia strategic partnership, and in which periods?",
    query: `SELECT ?start ?end ?period WHERE {
  ?state cas:relationshipLevel cas:StrategicPartnership ; cas:startYear ?start ; cas:endYear ?end ; cas:duringPeriod ?period .
  FILTER (?period != cd:NewSecurityEnvironment)
}`,
  },
  {
    id: "third-party-drew-iran",
    question: "Which third party drew Iran and the West together, and when?",
    query: `SELECT ?party ?type ?start ?end WHERE {
  ?role a cas:ThirdPartyRole ; cas:dyadMember cd:Iran , cd:TheWest ; cas:thirdParty ?party ;
        cas:thirdPartyRoleType ?type ; cas:startYear ?start ; cas:endYear ?end .
}`,
  },
  {
    id: "countries-soviet-union-invade",
    question: "Which countries did the Soviet Union invade or occupy, and when?",
    query: `SELECT ?target ?type ?year WHERE {
  ?event cas:aggressor cd:SovietUnion ; cas:target ?target ; cas:eventType ?type .
  FILTER (?type IN (cas:Invasion, cas:Occupation))
  OPTIONAL { ?event cas:startYear ?year }
}`,
  },
  {
    id: "conflicts-iran-act-mediator",
    question: "In which conflicts did Iran act as a mediator?",
    query: `SELECT ?event WHERE { ?event a/rdfs:subClassOf* cas:Event ; cas:mediator cd:Iran . }`,
  },
  {
    id: "sums-1989-iran-soviet",
    question: "What sums did the 1989 Iran-Soviet agreements involve?",
    query: `SELECT ?what ?value ?min ?max WHERE {
  { cd:IranSovietAgreementsOf1989 schema:additionalProperty ?f } UNION
  { cd:IranSovietAgreementsOf1989 cas:provision/schema:additionalProperty ?f }
  ?f schema:name ?what .
  OPTIONAL { ?f schema:value ?value } OPTIONAL { ?f schema:minValue ?min } OPTIONAL { ?f schema:maxValue ?max }
}`,
  },
  {
    id: "actors-threatened-both-iran",
    question: "Which actors threatened both Iran and Russia?",
    query: `SELECT DISTINCT ?source WHERE { ?source cas:threatened cd:Iran , cd:Russia . }`,
  },
  {
    id: "third-parties-iran-take",
    question: "In which third parties did Iran take refuge from Russia?",
    query: `SELECT ?party WHERE {
  ?role a cas:ThirdPartyRole ; cas:dyadMember cd:Iran , cd:Russia ; cas:supports cd:Iran ; cas:thirdParty ?party ;
        cas:thirdPartyRoleType cas:PartnerOrSupporter .
}`,
  },
  {
    id: "article-date-reza-khan",
    question: "How does the article date Reza Khan's seizure of Tehran, and which of its dates are disputed?",
    query: `SELECT ?event ?start ?end ?written ?disputed WHERE {
  ?event cas:eventType cas:Coup ; cas:startYear ?start ; cas:endYear ?end ; cas:dateAsWritten ?written .
  { ?event cas:aggressor cd:RezaKhan } UNION { ?event cas:participant cd:RezaKhan }
  BIND (EXISTS { ?event cas:disputed true } AS ?disputed)
}`,
  },
  {
    id: "happened-1917-according-article",
    question: "What happened in 1917 according to the article?",
    query: `SELECT ?event ?when WHERE {
  ?event a/rdfs:subClassOf* cas:Event ; cas:startYear ?start ; cas:endYear ?end .
  FILTER (?start <= 1917 && ?end >= 1917)
  OPTIONAL { ?event sem:hasTimeStamp ?when }
}`,
  },
  {
    id: "third-party-kept-iran",
    question: "Which third party kept Iran and Russia apart, and in which centuries?",
    query: `SELECT ?party ?start ?end ?written WHERE {
  ?role cas:thirdPartyRoleType cas:RetainingStatus ; cas:thirdParty ?party ; cas:startYear ?start ; cas:endYear ?end ;
        cas:dateAsWritten ?written .
}`,
  },
  {
    id: "events-age-neighborhood-threat",
    question: "Which events of the Age of Neighborhood and Threat does the article date to the month or day?",
    query: `SELECT ?when ?event WHERE {
  ?event a/rdfs:subClassOf* cas:Event ; cas:duringPeriod cd:AgeOfNeighbourhoodAndThreat ; sem:hasTimeStamp ?when .
}`,
  },
  {
    id: "works-conclusion-cite-statements",
    question: "Which works does the Conclusion cite, for which statements?",
    query: `SELECT ?event ?work ?pages WHERE {
  ?event a/rdfs:subClassOf* cas:Event ; cas:evidence ?ev . ?ev cas:inSection cd:section-Conclusion ; cas:cites ?work ; bibo:pages ?pages .
}`,
  },
  {
    id: "treaties-attempted-but-never",
    question: "Which treaties were attempted but never concluded, and when?",
    query: `SELECT ?treaty ?year WHERE { ?treaty a cas:Treaty ; cas:treatyStatus cas:Attempted ; cas:startYear ?year . }`,
  },
  {
    id: "article-s-claims-are",
    question: "Which of the article's claims are disputed, and for which years?",
    query: `SELECT ?claim ?start WHERE {
  ?claim cas:disputed true ; skos:editorialNote ?why .
  OPTIONAL { ?claim cas:startYear ?start }
}`,
  },
  {
    id: "dated-events-treaties-fall",
    question: "Which dated events and treaties fall in the Safavid period, and in which years?",
    query: `SELECT ?year ?event WHERE {
  ?event a/rdfs:subClassOf* cas:Event ; cas:duringPeriod cd:SafavidPeriod ; cas:startYear ?year .
}`,
  },
  {
    id: "third-parties-article-name",
    question: "Which third parties does the article name as partners or supporters in Iran's relations with Russia, and whom did each support?",
    query: `SELECT DISTINCT ?party ?side WHERE {
  ?role a cas:ThirdPartyRole ; cas:thirdPartyRoleType cas:PartnerOrSupporter ; cas:thirdParty ?party ;
        cas:dyadMember cd:Iran , ?russia .
  FILTER (?russia IN (cd:Russia, cd:SovietUnion))
  OPTIONAL { ?role cas:supports ?side }
}`,
  },
  {
    id: "soviet-union-back-against",
    question: "Whom did the Soviet Union back against Iran?",
    query: `SELECT ?side ?start WHERE {
  ?role a cas:ThirdPartyRole ; cas:thirdParty cd:SovietUnion ; cas:dyadMember cd:Iran ; cas:supports ?side .
  OPTIONAL { ?role cas:startYear ?start }
}`,
  },
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

/** One example by id (the tests and the builder's comparison use it). */
export function exampleById(id: string): ExampleQuery | undefined {
  return EXAMPLES.find((e) => e.id === id);
}
