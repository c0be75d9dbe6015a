/**
 * Suite runner
 * ============
 * Loads one W3C manifest through rdf-test-suite with its IRIs mapped to a local folder, runs it
 * sub-manifest by sub-manifest, and reports each test as pass, fail or skip under its folder
 * (rdf-test-suite's own summary counts skips as successes, so we keep them apart).
 */
import testSuite from "rdf-test-suite";
import type { IQueryEngine, ITestResult, IManifest } from "rdf-test-suite";

const { ManifestLoader, TestSuiteRunner, Util } = testSuite;

/** Where the manifests say they live; test IRIs resolve against it. */
export const W3C_BASE = "https://w3c.github.io/rdf-tests/sparql/";

// rdf-test-suite's extension table lacks .rdf, and without it the RDF/XML data of sparql10/sort
// and sparql11/subquery is dropped without a word.
// (The table is protected in the typings, but it is the documented way to add an extension.)
(Util as unknown as { extensionToContentType: Record<string, string> }).extensionToContentType.rdf = "application/rdf+xml";

export interface SuiteSpec {
  /** Manifest path relative to W3C_BASE, e.g. "sparql11/manifest-sparql11-query.ttl". */
  manifest: string;
  /** Local folder (ending in "/") that stands for W3C_BASE. */
  root: string;
}

export type TestStatus = "pass" | "fail" | "skip";

export interface TestOutcome {
  /** "<folder>#<name>", e.g. "sparql11/aggregates#agg-err-01": the id KNOWN-FAILURES.md uses. */
  id: string;
  uri: string;
  folder: string;
  manifest: string;
  status: TestStatus;
  message?: string;
  durationMs?: number;
}

export interface RunOptions {
  timeoutMs: number;
  /** Only tests whose id matches run. */
  only?: RegExp;
}

export async function runSuite(suite: SuiteSpec, handler: IQueryEngine, options: RunOptions): Promise<TestOutcome[]> {
  const urlToFileMappings = [{ url: W3C_BASE, path: suite.root }];
  const manifest = await new ManifestLoader().from(W3C_BASE + suite.manifest, { urlToFileMappings });
  const runner = new TestSuiteRunner();
  const outcomes: TestOutcome[] = [];
  for (const part of [manifest, ...(manifest.subManifests ?? [])]) {
    const folder = folderOf(part);
    const own: IManifest = { ...part, subManifests: part === manifest ? [] : part.subManifests };
    if (options.only) {
      own.testEntries = own.testEntries?.filter((test) => options.only!.test(`${folder}#${nameOf(test.uri)}`));
    }
    const results: ITestResult[] = [];
    await runner.runManifestConcrete(own, handler, {
      exitWithStatusCode0: true,
      outputFormat: "summary",
      timeOutDuration: options.timeoutMs,
      customEngingeOptions: {},
    }, results);
    for (const result of results) outcomes.push(toOutcome(result, folder, suite.manifest));
  }
  return outcomes;
}

function toOutcome(result: ITestResult, folder: string, manifest: string): TestOutcome {
  const status: TestStatus = result.ok ? "pass" : result.skipped ? "skip" : "fail";
  return {
    id: `${folder}#${nameOf(result.test.uri)}`,
    uri: result.test.uri,
    folder,
    manifest,
    status,
    ...(result.error ? { message: result.error.message } : {}),
    ...(result.duration === undefined ? {} : { durationMs: Math.round(result.duration) }),
  };
}

/** "https://w3c.github.io/rdf-tests/sparql/sparql11/bind/manifest.ttl" → "sparql11/bind". */
function folderOf(manifest: IManifest): string {
  const relative = manifest.uri.startsWith(W3C_BASE) ? manifest.uri.slice(W3C_BASE.length) : manifest.uri;
  return relative.replace(/\/[^/]*$/, "");
}

function nameOf(uri: string): string {
  const hash = uri.lastIndexOf("#");
  return hash >= 0 ? uri.slice(hash + 1) : uri.slice(uri.lastIndexOf("/") + 1);
}
