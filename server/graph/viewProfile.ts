/**
 * View profiles
 * =============
 * How the views read data that does not use Caspian's ontology: which properties give a
 * resource's class, its label (in order of preference; English, then untagged, then any
 * language), and its years (start, end, point in time). Profiles are discovered from the JSON
 * files in profiles/ — adding one is one file, its name the file's — and `--profile NAME` picks
 * one; `auto` picks Wikidata when the data has wdt:P31 statements. A profile's label properties
 * are what the foreign graph, search and entity details read names from. Dates may be years,
 * xsd:date or xsd:dateTime: the year is kept. The profile chosen lives in the engine's view state
 * (viewState.ts).
 */
import { readdirSync, readFileSync } from "node:fs";
import type { QueryEngine } from "../sparql/engine.ts";
import { perEngine } from "./perEngine.ts";
import { viewsOf } from "./viewState.ts";
import { RDFS_LABEL, SKOS_ALT, SKOS_HIDDEN } from "./vocabulary.ts";

export interface ViewProfile {
  name: string;
  description: string;
  /** Properties whose values are a resource's classes (rdf:type; wdt:P31 for Wikidata). */
  classes: string[];
  /** Label properties, most preferred first. */
  labels: string[];
  start: string[];
  end: string[];
  pointInTime: string[];
}

const FOLDER = new URL("./profiles/", import.meta.url);

/** Every profile in profiles/, by name (the file name without .json). */
export const PROFILES: Readonly<Record<string, ViewProfile>> = Object.fromEntries(
  readdirSync(FOLDER)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => {
      const profile = JSON.parse(readFileSync(new URL(file, FOLDER), "utf8")) as ViewProfile;
      return [file.slice(0, -".json".length), { ...profile, name: file.slice(0, -".json".length) }];
    }),
);

/** The names `--profile` accepts: every profile, and "auto". */
export const PROFILE_NAMES = ["auto", ...Object.keys(PROFILES)] as const;

const DEFAULT_PROFILE = PROFILES.default!;

// Detected again when the data changes (perEngine.ts): an upload may bring the first wdt:P31.
const detected = perEngine((engine) =>
  engine.ask(`ASK { ?s <http://www.wikidata.org/prop/direct/P31> ?o }`).then((wikidata) => (wikidata ? (PROFILES.wikidata ?? DEFAULT_PROFILE) : DEFAULT_PROFILE)),
);

/** Fixes the profile for an engine ("auto" or absent = detect from the data). The composition
 * root sets it once through attachViews (viewState.ts); this is the same setting afterwards. */
export function setViewProfile(engine: QueryEngine, name: string | undefined): void {
  viewsOf(engine).profile = name ?? "auto";
}

/** The engine's profile: the one set, else Wikidata when the data has wdt:P31, else default. */
export function viewProfile(engine: QueryEngine): Promise<ViewProfile> {
  const name = viewsOf(engine).profile;
  if (name !== "auto") return Promise.resolve(PROFILES[name] ?? DEFAULT_PROFILE);
  return detected(engine);
}

/** The properties that name a resource — its profile's labels other than rdfs:label and the
 * alternative and hidden spellings: a resource's name when it has no rdfs:label. */
export function nameProperties(profile: ViewProfile): string[] {
  return profile.labels.filter((p) => p !== RDFS_LABEL && p !== SKOS_ALT && p !== SKOS_HIDDEN);
}

/** The year of a date-like literal ("1813", "1813-10-24", "1813-10-24T00:00:00Z", "-0330"); undefined if none. */
export function yearOf(value: string): number | undefined {
  const match = /^\s*(-?\d{1,6})(?:-|$|T|\s)/.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  return Number.isFinite(year) ? year : undefined;
}
