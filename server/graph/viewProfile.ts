/**
 * View profiles
 * =============
 * How the views read data that does not use Caspian's ontology: which properties give a
 * resource's class, its label (in order of preference; English, then untagged, then any
 * language), and its years (start, end, point in time). Profiles are JSON files in profiles/
 * (default.json, wikidata.json); `--profile NAME` picks one, and `auto` picks Wikidata when the
 * data has wdt:P31 statements. Dates may be years, xsd:date or xsd:dateTime: the year is kept.
 */
import { readFileSync } from "node:fs";
import type { QueryEngine } from "../sparql/engine.ts";
import { perEngine } from "./perEngine.ts";

export interface ViewProfile {
  name: string;
  description: string;
  /** Properties whose values are a resource's classes (rdf:type; wdt:P31 for Wikidata). */
  classes: string[];
  labels: string[];
  start: string[];
  end: string[];
  pointInTime: string[];
}

const load = (name: string): ViewProfile => JSON.parse(readFileSync(new URL(`./profiles/${name}.json`, import.meta.url), "utf8")) as ViewProfile;

export const PROFILES: Record<string, ViewProfile> = { default: load("default"), wikidata: load("wikidata") };

const chosen = new WeakMap<QueryEngine, string>();

// Detected again when the data changes (perEngine.ts): an upload may bring the first wdt:P31.
const detected = perEngine((engine) =>
  engine.ask(`ASK { ?s <http://www.wikidata.org/prop/direct/P31> ?o }`).then((wikidata) => (wikidata ? PROFILES.wikidata! : PROFILES.default!)),
);

/** Fixes the profile for an engine ("auto" or absent = detect from the data). */
export function setViewProfile(engine: QueryEngine, name: string | undefined): void {
  if (name && name !== "auto") chosen.set(engine, name);
  else chosen.delete(engine);
}

/** The engine's profile: the one set, else Wikidata when the data has wdt:P31, else default. */
export function viewProfile(engine: QueryEngine): Promise<ViewProfile> {
  const name = chosen.get(engine);
  if (name) return Promise.resolve(PROFILES[name] ?? PROFILES.default!);
  return detected(engine);
}

/** The year of a date-like literal ("1813", "1813-10-24", "1813-10-24T00:00:00Z", "-0330"); undefined if none. */
export function yearOf(value: string): number | undefined {
  const match = /^\s*(-?\d{1,6})(?:-|$|T|\s)/.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  return Number.isFinite(year) ? year : undefined;
}
