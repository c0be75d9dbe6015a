import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlacesMap } from "../../contract/api.ts";
import type { EmbeddedEngine } from "../sparql/embeddedEngine.ts";
import { placesMap } from "./places.ts";
import { cd, startTestEngine } from "../test/testEngine.ts";

// The curated data with its coordinates, as the server loads it.
const DIRS = ["../../ontology/", "../../data/"].map((d) => fileURLToPath(new URL(d, import.meta.url)));

let engine: EmbeddedEngine;
let map: PlacesMap;
beforeAll(async () => {
  engine = await startTestEngine(DIRS);
  map = await placesMap(engine);
});
afterAll(() => engine.close());

const place = (local: string) => map.places.find((p) => p.iri === cd(local))!;

describe("placesMap over the curated data", () => {
  it("lists every place of the article and the states used as places, most of them with coordinates", () => {
    expect(map.places.length).toBeGreaterThanOrEqual(61);
    expect(map.places.filter((p) => p.lat !== undefined).length).toBeGreaterThanOrEqual(40);
    expect(place("Syria").kind).toBe("actor");
    expect(place("Tabriz").kind).toBe("place");
  });

  it("keeps a place with no single point in the list, without coordinates", () => {
    const africa = place("Africa");
    expect(africa).toMatchObject({ label: "Africa", approximate: false, sources: [] });
    expect(africa.lat).toBeUndefined();
  });

  it("gives Haji Tarkhan the gazetteer's Astrakhan, its other spelling and the record it comes from", () => {
    const haji = place("HajiTarkhan");
    expect(haji).toMatchObject({ label: "Haji Tarkhan", altLabels: ["Astrakhan"], approximate: false, lat: 46.34968, long: 48.04076 });
    expect(haji.sources.map((s) => s.label)).toEqual(["Astrakhan, RU (GeoNames)"]);
    expect(place("Darband").sources[0]!.label).toMatch(/^Derbent/);
  });

  it("marks the Caucasus as an approximate point with the note saying where it is drawn", () => {
    const caucasus = place("Caucasus");
    expect(caucasus.approximate).toBe(true);
    expect(caucasus.note).toMatch(/Armenia, Azerbaijan and Georgia/);
    expect(caucasus.mentions).toBeGreaterThan(5);
  });

  it("lists the Caucasus ceded by the treaties of Gulistan and Turkmenchay as territorial change, with year, treaty and quote", () => {
    const ceded = map.happenings.filter((h) => h.place === cd("Caucasus") && h.change === "ceded");
    expect(ceded.map((h) => [h.treaty?.label, h.startYear])).toEqual([["Treaty of Gulistan", 1813], ["Treaty of Turkmenchay", 1828]]);
    for (const h of ceded) {
      expect(h.relation).toBe("treatyParty");
      expect(h.quote).toBeTruthy();
      expect(h.evidenceCount).toBeGreaterThan(0);
    }
  });

  it("places the treaties themselves, the annexation of Georgia and the 1941 occupation at their places", () => {
    const at = (iri: string) => map.happenings.filter((h) => h.iri === cd(iri)).map((h) => h.place);
    expect(at("TreatyOfGulistan")).toContain(cd("Caucasus"));
    expect(map.happenings.find((h) => h.iri === cd("AnnexationOfGeorgia"))).toMatchObject({ change: "annexed", relation: "war", startYear: 1800 });
    expect(at("OccupationOfIran1941")).toEqual(expect.arrayContaining([cd("NorthernIran"), cd("IranianTerritory")]));
  });
});
