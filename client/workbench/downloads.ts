/**
 * Downloads
 * =========
 * A result saved as a file: fetched again from /sparql in the chosen media type (so the file is
 * exactly what any SPARQL client would get) and saved through a Blob URL with a readable name.
 */
import { runSparql } from "../api/client.ts";

export interface DownloadFormat {
  label: string;
  accept: string;
  extension: string;
}

export const SOLUTION_FORMATS: readonly DownloadFormat[] = [
  { label: "CSV", accept: "text/csv", extension: "csv" },
  { label: "TSV", accept: "text/tab-separated-values", extension: "tsv" },
  { label: "SPARQL JSON", accept: "application/sparql-results+json", extension: "srj" },
];

export const GRAPH_FORMATS: readonly DownloadFormat[] = [
  { label: "Turtle", accept: "text/turtle", extension: "ttl" },
  { label: "N-Triples", accept: "application/n-triples", extension: "nt" },
  { label: "JSON-LD", accept: "application/ld+json", extension: "jsonld" },
];

/** caspian-query-2026-11-24-2035.csv: sorts by time in a downloads folder. */
export function downloadName(extension: string, now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  const stamp = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
  return `caspian-query-${stamp}.${extension}`;
}

export async function download(query: string, format: DownloadFormat): Promise<void> {
  const answer = await runSparql(query, format.accept);
  const blob = new Blob([answer.text], { type: format.accept });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = downloadName(format.extension);
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the browser reads the Blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
