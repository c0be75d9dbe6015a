/**
 * Competency questions
 * ====================
 * The questions a scholar brings to Karami's article, each in words, in SPARQL (without the
 * PREFIX block: callers put the project's prefixes above) and with the answer the article
 * supports, as sorted rows of the selected values joined with " | " (IRIs by local name, "-" for
 * unbound). One list serves the knowledge suite (competencyQuestions.test.ts), the workbench's
 * example library and its endpoint test, so a question never drifts from its answer.
 */

export interface CompetencyQuestion {
  id: string;
  question: string;
  query: string;
  answer: string[];
}

export const COMPETENCY_QUESTIONS: readonly CompetencyQuestion[] = [
  {
    id: "third-parties-common-threat",
    question: "Which third parties were a common threat to both Iran and Russia, and when?",
    query: `SELECT ?party ?start ?end WHERE {
  ?role a cas:ThirdPartyRole ; cas:thirdPartyRoleType cas:CommonThreat ; cas:thirdParty ?party ;
        cas:dyadMember cd:Iran , cd:Russia .
  OPTIONAL { ?role cas:startYear ?start ; cas:endYear ?end }
}`,
    answer: [
      "OttomanEmpire | 1501 | 1771",
      "Taliban | 1996 | 2001",
      "TerroristGroups | - | -",
      "TheWest | - | -",
    ],
  },
  {
    id: "treaties-ceded-caucasus-territory",
    question: "Which treaties ceded Caucasus territory, from whom to whom, and in which year?",
    query: `SELECT ?treaty ?year ?from ?to WHERE {
  ?treaty a cas:Treaty ; cas:startYear ?year ; cas:provision ?p .
  ?p cas:provisionType cas:TerritoryCeded ; cas:territory cd:Caucasus ; cas:fromActor ?from ; cas:toActor ?to .
}`,
    answer: ["TreatyOfGulistan | 1813 | Iran | Russia", "TreatyOfTurkmenchay | 1828 | Iran | Russia"],
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
    answer: [
      "Russia | Cooperation | 1614 | 1614 | true",
      "Russia | ThreatLevel | 1795 | 1991 | false",
      "SovietUnion | Cooperation | 1960 | 1979 | false",
    ],
  },
  {
    id: "parties-treaty-turkmenchay-concluded",
    question: "Who were the parties to the Treaty of Turkmenchay, when was it concluded, and how else does the article spell it?",
    query: `SELECT ?party ?year ?status ?spellings WHERE {
  cd:TreatyOfTurkmenchay cas:party ?party ; cas:startYear ?year ; cas:treatyStatus ?status .
  { SELECT (GROUP_CONCAT(?alt; separator=", ") AS ?spellings) WHERE {
      { SELECT ?alt WHERE { cd:TreatyOfTurkmenchay skos:altLabel ?alt } ORDER BY ?alt } } }
}`,
    answer: [
      "Iran | 1828 | Concluded | Treaty of Turkmachay, Turkmachay, Turkmanchay",
      "Russia | 1828 | Concluded | Treaty of Turkmachay, Turkmachay, Turkmanchay",
    ],
  },
  {
    id: "threatened-iran-qajar-period",
    question: "Who threatened Iran in the Qajar period, and by which Balance of Threat elements?",
    query: `SELECT ?source ?element WHERE {
  ?threat a cas:Threat ; cas:threatTarget cd:Iran ; cas:threatSource ?source ; cas:threatElement ?element ;
          cas:duringPeriod cd:QajarPeriod .
}`,
    answer: [
      "Russia | AggregatePower",
      "Russia | GeographicProximity",
      "Russia | OffensiveIntentions",
      "Russia | OffensivePower",
    ],
  },
  {
    id: "events-article-cite-tranzio",
    question: "Which events does the article cite Tranzio for, and on which pages?",
    query: `SELECT ?event ?year ?printed ?pages WHERE {
  ?ev cas:cites cd:ref-Tranzio1980 ; oa:hasBody ?event ; cas:citationText ?printed ; bibo:pages ?pages .
  ?event a/rdfs:subClassOf* cas:Event ; cas:startYear ?year .
}`,
    answer: [
      "AnnexationOfGeorgia | 1800 | Tranznio, 1980: 33 | 33",
      "ConquestOfGeorgia | 1795 | Tranzio, 1980: 32 | 32",
    ],
  },
  {
    id: "third-party-supported-russia",
    question: "Which third party supported Russia, and in which wars against Iran?",
    query: `SELECT DISTINCT ?party ?war WHERE {
  ?role a cas:ThirdPartyRole ; cas:thirdPartyRoleType cas:PartnerOrSupporter ; cas:supports cd:Russia ; cas:thirdParty ?party .
  ?war cas:eventType cas:War ; cas:supporter ?party ; cas:aggressor cd:Russia ; cas:target cd:Iran .
}`,
    answer: [
      "Britain | FirstRussoIranianWar",
      "Britain | GreatWarsBetweenRussiaAndIran",
      "Britain | SecondRussoIranianWar",
    ],
  },
  {
    id: "relationship-states-rank-cooperation",
    question: "Which relationship states rank as cooperation or better, and what geography lay behind each?",
    query: `SELECT ?state ?level ?geography WHERE {
  ?state a cas:RelationshipState ; cas:relationshipLevel ?level ; cas:geography ?geography .
  ?level skos:notation ?rank .
  FILTER (xsd:integer(?rank) <= 4)
}`,
    answer: [
      "IranAndRussiaBecomeNeighbours | Cooperation | SharedBorder",
      "IranRussiaRelationsBeforeTheMongols | Cooperation | GeographicalDistance",
      "IranRussiaRelationsLastThreeDecades | StrategicCooperation | GeographicalDistance",
      "IranRussiaRelationsSafavidPeriod | Cooperation | GeographicalDistance",
      "IranRussiaRelationsZandPeriod | Cooperation | GeographicalDistance",
      "IraniansAndSlavsGeographicalConnection | Cooperation | SharedBorder",
      "RelationsIranRussiaSyrianCrisis | StrategicPartnership | GeographicalDistance",
      "RelationsIranRussiaTajikCivilWar | StrategicPartnership | GeographicalDistance",
      "RelationsIranRussiaTalibanPeriod | StrategicPartnership | GeographicalDistance",
      "RelationsIranSovietUnion1960To1979 | Cooperation | SharedBorder",
    ],
  },
  {
    id: "largest-troop-figure-article",
    question: "What is the largest troop figure the article gives for the occupation of Iran in August 1941, and who entered with the Russians?",
    query: `SELECT ?most ?when ?aggressor WHERE {
  cd:OccupationOfIran1941 schema:additionalProperty ?figure ; sem:hasTimeStamp ?when ; cas:aggressor ?aggressor .
  ?figure schema:name "Russian troops" ; schema:maxValue ?most .
}`,
    answer: ["100000 | 1941-08 | Britain", "100000 | 1941-08 | SovietUnion"],
  },
  {
    id: "soviet-era-russian-iranian",
    question: "What did the Soviet-era Russian-Iranian treaty of February 1921 provide?",
    query: `SELECT ?type ?from ?to WHERE {
  cd:SovietIranianTreatyOf1921 cas:provision ?p .
  ?p cas:provisionType ?type ; cas:fromActor ?from ; cas:toActor ?to .
}`,
    answer: ["ConcessionsAbolished | Russia | Iran"],
  },
  {
    id: "happened-georgia-between-1776",
    question: "What happened in Georgia between 1776 and 1800, year by year?",
    query: `SELECT ?year ?event WHERE {
  ?event a/rdfs:subClassOf* cas:Event ; cas:place cd:Georgia ; cas:startYear ?year .
  FILTER (?year >= 1776 && ?year <= 1800)
}`,
    answer: [
      "1783 | RussianProtectionOfTheRulerOfGeorgia",
      "1795 | ConquestOfGeorgia",
      "1796 | RussianSiegeOfBakuAndDarband",
      "1799 | GeorgeXIIUnderTheProtectionOfAlexanderI",
      "1800 | AnnexationOfGeorgia",
    ],
  },
  {
    id: "works-article-cite-soviet",
    question: "Which works does the article cite for the Soviet Union's support of Iraq, and on which pages?",
    query: `SELECT ?work ?printed ?pages WHERE {
  cd:SovietSupportForIraq cas:evidence ?ev . ?ev cas:cites ?work ; cas:citationText ?printed ; bibo:pages ?pages .
}`,
    answer: ["ref-Hermann1991 | Hermann, 1991: 42 | 42", "ref-Khalilzad1984 | Khalilzad, 1984: 15 | 15"],
  },
  {
    id: "many-soviet-specialists-employed",
    question: "How many Soviet specialists were employed in Iran by mid-1973, and which work does the article cite for it?",
    query: `SELECT ?count ?work ?pages WHERE {
  cd:SovietSpecialistsInIran schema:additionalProperty [ schema:value ?count ] ; cas:evidence ?ev .
  ?ev cas:cites ?work ; bibo:pages ?pages .
}`,
    answer: ["3500 | ref-Azghandi1997 | 324"],
  },
  {
    id: "article-speak-iran-russia",
    question: "When does the article speak of an Iran-Russia strategic partnership, and in which periods?",
    query: `SELECT ?start ?end ?period WHERE {
  ?state cas:relationshipLevel cas:StrategicPartnership ; cas:startYear ?start ; cas:endYear ?end ; cas:duringPeriod ?period .
  FILTER (?period != cd:NewSecurityEnvironment)
}`,
    answer: [
      "1994 | 1996 | TajikCrisisPeriod",
      "1996 | 2001 | TalibanPeriodInAfghanistan",
      "2012 | 2017 | SyrianCrisisPeriod",
    ],
  },
  {
    id: "third-party-drew-iran",
    question: "Which third party drew Iran and the West together, and when?",
    query: `SELECT ?party ?type ?start ?end WHERE {
  ?role a cas:ThirdPartyRole ; cas:dyadMember cd:Iran , cd:TheWest ; cas:thirdParty ?party ;
        cas:thirdPartyRoleType ?type ; cas:startYear ?start ; cas:endYear ?end .
}`,
    answer: ["Russia | CommonThreat | 1937 | 1979", "SovietUnion | CommonThreat | 1937 | 1979"],
  },
  {
    id: "countries-soviet-union-invade",
    question: "Which countries did the Soviet Union invade or occupy, and when?",
    query: `SELECT ?target ?type ?year WHERE {
  ?event cas:aggressor cd:SovietUnion ; cas:target ?target ; cas:eventType ?type .
  FILTER (?type IN (cas:Invasion, cas:Occupation))
  OPTIONAL { ?event cas:startYear ?year }
}`,
    answer: ["Afghanistan | Invasion | -", "Iran | Occupation | 1941"],
  },
  {
    id: "conflicts-iran-act-mediator",
    question: "In which conflicts did Iran act as a mediator?",
    query: `SELECT ?event WHERE { ?event a/rdfs:subClassOf* cas:Event ; cas:mediator cd:Iran . }`,
    answer: [
      "IranianMediationInNagornoKarabakh",
      "NagornoKarabakhCrisis",
      "TajikCompromise",
      "TajikPeaceMeetings",
    ],
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
    answer: [
      "allocated for military cooperation and arms transfers | - | 2000000000 | 4000000000",
      "estimated value of the arms deals | 6000000000 | - | -",
      "value of the agreements | 15000000000 | - | -",
    ],
  },
  {
    id: "actors-threatened-both-iran",
    question: "Which actors threatened both Iran and Russia?",
    query: `SELECT DISTINCT ?source WHERE { ?source cas:threatened cd:Iran , cd:Russia . }`,
    answer: [
      "OttomanEmpire",
      "Taliban",
      "TerroristGroups",
      "TheWest",
    ],
  },
  {
    id: "third-parties-iran-take",
    question: "In which third parties did Iran take refuge from Russia?",
    query: `SELECT ?party WHERE {
  ?role a cas:ThirdPartyRole ; cas:dyadMember cd:Iran , cd:Russia ; cas:supports cd:Iran ; cas:thirdParty ?party ;
        cas:thirdPartyRoleType cas:PartnerOrSupporter .
}`,
    answer: [
      "Britain",
      "France",
      "Germany",
      "UnitedStates",
    ],
  },
  {
    id: "article-date-reza-khan",
    question: "How does the article date Reza Khan's seizure of Tehran, and which of its dates are disputed?",
    query: `SELECT ?event ?start ?end ?written ?disputed WHERE {
  ?event cas:eventType cas:Coup ; cas:startYear ?start ; cas:endYear ?end ; cas:dateAsWritten ?written .
  { ?event cas:aggressor cd:RezaKhan } UNION { ?event cas:participant cd:RezaKhan }
  BIND (EXISTS { ?event cas:disputed true } AS ?disputed)
}`,
    answer: [
      "March1299Coup | 1920 | 1921 | the March 1299 coup | false",
      "OccupationOfTehranByRezaKhan | 1920 | 1920 | in March 1920 | true",
    ],
  },
  {
    id: "happened-1917-according-article",
    question: "What happened in 1917 according to the article?",
    query: `SELECT ?event ?when WHERE {
  ?event a/rdfs:subClassOf* cas:Event ; cas:startYear ?start ; cas:endYear ?end .
  FILTER (?start <= 1917 && ?end >= 1917)
  OPTIONAL { ?event sem:hasTimeStamp ?when }
}`,
    answer: ["RussianRevolutionOf1917 | -", "TelegramOfThe88Members | 1917-04-03"],
  },
  {
    id: "third-party-kept-iran",
    question: "Which third party kept Iran and Russia apart, and in which centuries?",
    query: `SELECT ?party ?start ?end ?written WHERE {
  ?role cas:thirdPartyRoleType cas:RetainingStatus ; cas:thirdParty ?party ; cas:startYear ?start ; cas:endYear ?end ;
        cas:dateAsWritten ?written .
}`,
    answer: ["Khazars | 501 | 1000 | in the 6th to 10th centuries AD"],
  },
  {
    id: "events-age-neighborhood-threat",
    question: "Which events of the Age of Neighborhood and Threat does the article date to the month or day?",
    query: `SELECT ?when ?event WHERE {
  ?event a/rdfs:subClassOf* cas:Event ; cas:duringPeriod cd:AgeOfNeighbourhoodAndThreat ; sem:hasTimeStamp ?when .
}`,
    answer: [
      "1917-04-03 | TelegramOfThe88Members",
      "1920-03 | OccupationOfTehranByRezaKhan",
      "1921-02 | SovietIranianTreatyOf1921",
      "1941-08 | OccupationOfIran1941",
      "1954-09-03 | FoundingStatementOfTheDemocraticPartyOfAzerbaijan",
      "1988-12 | KhomeinisLetterToGorbachev",
    ],
  },
  {
    id: "works-conclusion-cite-statements",
    question: "Which works does the Conclusion cite, for which statements?",
    query: `SELECT ?event ?work ?pages WHERE {
  ?event a/rdfs:subClassOf* cas:Event ; cas:evidence ?ev . ?ev cas:inSection cd:section-Conclusion ; cas:cites ?work ; bibo:pages ?pages .
}`,
    answer: [
      "KennedyBellyOfABearRemark | ref-Mirfendereski2004 | 244",
      "ShahsRemarkOnRussiasNeighbourhood | ref-Dencausse1988 | 223",
    ],
  },
  {
    id: "treaties-attempted-but-never",
    question: "Which treaties were attempted but never concluded, and when?",
    query: `SELECT ?treaty ?year WHERE { ?treaty a cas:Treaty ; cas:treatyStatus cas:Attempted ; cas:startYear ?year . }`,
    answer: [
      "RussianLoanRequest1617 | 1617",
      "RussianOfferToUniteAgainstTheOttomans1771 | 1771",
      "TreatyOfReciprocityAndMutualMilitaryAssistance1597 | 1597",
    ],
  },
  {
    id: "article-s-claims-are",
    question: "Which of the article's claims are disputed, and for which years? (a disputed statement names the claim it is about, and which of its properties is disputed)",
    query: `SELECT DISTINCT ?claim ?start ?what WHERE {
  { ?claim cas:disputed true ; skos:editorialNote ?why . FILTER NOT EXISTS { ?claim a cas:Statement } BIND ("the claim" AS ?what) }
  UNION
  { ?st a cas:Statement ; cas:disputed true ; skos:editorialNote ?why ; rdf:subject ?claim ; rdf:predicate ?p .
    BIND (STRAFTER(STR(?p), "#") AS ?what) }
  OPTIONAL { ?claim cas:startYear ?start }
}`,
    answer: [
      "DeathOfKarimKhanZand | 1776 | endYear",
      "DeathOfKarimKhanZand | 1776 | startYear",
      "FallOfTheSafavids | 1722 | endYear",
      "FallOfTheSafavids | 1722 | startYear",
      "FormationOfLittleRussia | 882 | participant",
      "GeorgeXIIUnderTheProtectionOfAlexanderI | 1799 | supporter",
      "KhomeinisLetterToGorbachev | 1988 | endYear",
      "KhomeinisLetterToGorbachev | 1988 | startYear",
      "RussianFortificationsInTheNorthCaucasus | 1776 | startYear",
      "FoundingStatementOfTheDemocraticPartyOfAzerbaijan | 1954 | the claim",
      "IranAndRussiaBecomeNeighbours | 1614 | the claim",
      "IvanTheGreat | - | the claim",
      "OccupationOfTehranByRezaKhan | 1920 | the claim",
      "ReignOfIvanTheGreat | 1547 | the claim",
      "SafavidPeriod | 1501 | the claim",
      "TajikCivilWar | 1992 | the claim",
    ],
  },
  {
    id: "dated-events-treaties-fall",
    question: "Which dated events and treaties fall in the Safavid period, and in which years?",
    query: `SELECT ?year ?event WHERE {
  ?event a/rdfs:subClassOf* cas:Event ; cas:duringPeriod cd:SafavidPeriod ; cas:startYear ?year .
}`,
    answer: [
      "1501 | BeginningOfOfficialRelations",
      "1592 | TradeDelegationToMoscow1592",
      "1595 | RussianAmbassadorToTheIranianCourt1595",
      "1597 | RussianDelegation1597",
      "1597 | TreatyOfReciprocityAndMutualMilitaryAssistance1597",
      "1598 | RussianEffortToBringIranCloserToAustria",
      "1599 | AllianceWithEuropeanCountriesAgainstTheOttomans1599",
      "1599 | ShirleyMission1599",
      "1599 | ShirleyMissionGreetedAtHajiTarkhan",
      "1599 | ShirleyMissionIgnoredInMoscow",
      "1603 | LiberationOfCitiesFromTabrizToTbilisi",
      "1603 | ShahAbbasWarsWithTheOttomans1603",
      "1614 | RussianAmbassadorToShahAbbas1614",
      "1614 | ShahAbbasOfferOfMoneyAndTroops1614",
      "1617 | RussianLoanRequest1617",
      "1617 | ShahAbbasWishForNeighbourhood",
    ],
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
    answer: [
      "Austria | -",
      "Britain | Iran",
      "Britain | Russia",
      "Britain | SovietUnion",
      "France | Iran",
      "Germany | Iran",
      "UnitedStates | -",
      "UnitedStates | Iran",
    ],
  },
  {
    id: "soviet-union-back-against",
    question: "Whom did the Soviet Union back against Iran?",
    query: `SELECT ?side ?start WHERE {
  ?role a cas:ThirdPartyRole ; cas:thirdParty cd:SovietUnion ; cas:dyadMember cd:Iran ; cas:supports ?side .
  OPTIONAL { ?role cas:startYear ?start }
}`,
    answer: [
      "Iraq | 1982",
      "NationalGovernmentOfAzerbaijan | -",
      "NationalGovernmentOfKurdistan | -",
    ],
  },
  {
    id: "britain-editorial-or-author",
    question: "Which statements about Britain are the editors' readings, and which the author's?",
    query: `SELECT ?subject ?property ?who WHERE {
  ?st a cas:Statement ; rdf:subject ?subject ; rdf:predicate ?p ; rdf:object ?object ; prov:wasAttributedTo ?who .
  FILTER (?subject = cd:Britain || ?object = cd:Britain)
  BIND (STRAFTER(STR(?p), "#") AS ?property)
}`,
    answer: [
      "BritainAsRefugeForIran | thirdParty | Karami",
      "FirstRussoIranianWar | supporter | CaspianEditors",
      "GreatWarsBetweenRussiaAndIran | supporter | CaspianEditors",
      "OccupationOfIran1941 | aggressor | Karami",
      "RelationsSovietUnionBritainOpposition | dyadMember | Karami",
      "RoleBritainAllyOfRussiaInTheWorldWars | thirdParty | Karami",
      "RoleBritainPartnerOfRussiaInIran | thirdParty | Karami",
      "RoleBritainSupportsRussiaInTheOccupation | thirdParty | Karami",
      "RoleBritainSupportsRussiaInTheWars | thirdParty | Karami",
      "RussiaAndBritainAsQuasiColonialPowersInIran | aggressor | Karami",
      "SecondRussoIranianWar | supporter | CaspianEditors",
      "TreatyToDivideIran1907 | party | Karami",
      "TreatyToDivideIran1915 | party | Karami",
      "WorldWarI | participant | Karami",
    ],
  },
  {
    id: "iran-at-war-with-russia-1820",
    question: "Was Iran at war with Russia in 1820? (possibly: the outer bounds contain the year; certainly: the inner bounds do)",
    query: `SELECT ?war ?possibly ?certainly WHERE {
  ?war cas:eventType cas:War ; cas:startYear ?start ; cas:endYear ?end .
  { ?war cas:aggressor cd:Russia ; cas:target cd:Iran } UNION { ?war cas:aggressor cd:Iran ; cas:target cd:Russia }
  OPTIONAL { ?war cas:latestStartYear ?latestStart } OPTIONAL { ?war cas:earliestEndYear ?earliestEnd }
  BIND (?start <= 1820 && ?end >= 1820 AS ?possibly)
  BIND (COALESCE(?latestStart, ?start) <= 1820 && COALESCE(?earliestEnd, ?end) >= 1820 AS ?certainly)
  FILTER (?possibly)
}`,
    answer: [
      // Possibly, by the outer bounds; certainly in no case: the article gives neither war's start.
      "GreatWarsBetweenRussiaAndIran | true | false",
      "SecondRussoIranianWar | true | false",
    ],
  },
  {
    id: "second-war-aggressor-vs-year-evidence",
    question: "What is the evidence that Russia was the aggressor in the second Russo-Iranian war, and what is the evidence for its years, each with whose claim it is?",
    query: `SELECT ?about ?value ?who ?quote WHERE {
  VALUES ?p { cas:aggressor cas:startYear cas:endYear }
  ?st a cas:Statement ; rdf:subject cd:SecondRussoIranianWar ; rdf:predicate ?p ; rdf:object ?value ;
      prov:wasAttributedTo ?who ; cas:evidence/oa:hasTarget/oa:hasSelector/oa:exact ?quote .
  BIND (STRAFTER(STR(?p), "#") AS ?about)
}`,
    answer: [
      "aggressor | Russia | Karami | A neighborly situation that began with progress, war, and aggression toward Iran's spheres of influence and borders, placed Iran in a position of defeat in the hands of Russia for two centuries",
      "aggressor | Russia | Karami | With the defeat of Iran in the second war with Russia, the Treaty of Turkmenchay was concluded in 1828",
      "endYear | 1828 | Karami | With the defeat of Iran in the second war with Russia, the Treaty of Turkmenchay was concluded in 1828",
      "startYear | 1813 | CaspianEditors | this was the beginning of the great wars between Russia and Iran, which first led to the Treaty of Gulistan in 1813",
    ],
  },
];
