/**
 * Map export (the CLI's side)
 * ===========================
 * The base map the map figure (client/exports/mapFigure.ts, formats map-svg, map-pdf, map-png)
 * draws under the places: Natural Earth 1:50m from the installed world-atlas package, the same
 * file the Map view bundles, read once per process (no network).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { baseLayers, type BaseLayers, type WorldTopology } from "../client/map/geometry.ts";

const require = createRequire(import.meta.url);
let layers: BaseLayers | undefined;

export function worldLayers(): BaseLayers {
  layers ??= baseLayers(JSON.parse(readFileSync(require.resolve("world-atlas/countries-50m.json"), "utf8")) as WorldTopology);
  return layers;
}
