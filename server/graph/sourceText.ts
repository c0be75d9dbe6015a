/**
 * Source passages
 * ===============
 * Finds the paragraph of Karami's article that holds a quote. The text file marks paragraphs
 * with blank lines, but page breaks also left blank lines inside sentences ("for 240" ⏎⏎ "years
 * from 1240"); such pieces are joined back into one paragraph, and quotes are matched with
 * whitespace normalised so a quote across a page break is found. The file is fixed (never taken
 * from a request) and read once.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { SourcePassage } from "../../contract/api.ts";
import type { QueryEngine } from "../sparql/engine.ts";
import { NotFoundError } from "./errors.ts";
import { SPARQL_PREFIXES, iriRef, str, selectAll } from "./sparqlText.ts";

export const ARTICLE_FILE = "karami-iran-russia.txt";

/** The article's section headings, as printed. */
export const SECTION_HEADINGS = [
  "Abstract",
  "Introduction",
  "Theoretical and Conceptual Framework",
  "Age of Geographical Distance",
  "The Age of Neighborhood and Threat",
  "Geopolitical Developments and New Security Environment",
  "Conclusion",
  "References",
];

export interface Paragraph {
  index: number;
  text: string;
  section?: string;
}

/** Splits the article into paragraphs, joining pieces a page break cut apart. */
export function splitParagraphs(text: string): Paragraph[] {
  const blocks = text.replace(/\r\n?/g, "\n").split(/\n[ \t]*\n+/).map((b) => b.trim()).filter(Boolean);
  const joined: string[] = [];
  for (const block of blocks) {
    const previous = joined[joined.length - 1];
    // A long block that stops without closing punctuation was cut by a page break; headings and
    // the title page are short, so they stay apart.
    if (previous !== undefined && previous.length > 200 && !/[.?!:;"”)\]]$/.test(previous) && !SECTION_HEADINGS.includes(block)) {
      joined[joined.length - 1] = `${previous} ${block}`;
    } else {
      joined.push(block);
    }
  }
  let section: string | undefined;
  return joined.map((paragraph, index) => {
    if (SECTION_HEADINGS.includes(paragraph)) section = paragraph;
    return { index, text: paragraph, ...(section ? { section } : {}) };
  });
}

/** The paragraph holding `quote` (whitespace-insensitive, then also case-insensitive). */
export function findPassage(paragraphs: Paragraph[], quote: string): SourcePassage | undefined {
  const wanted = quote.replace(/\s+/g, " ").trim();
  if (!wanted) return undefined;
  for (const caseless of [false, true]) {
    for (const paragraph of paragraphs) {
      const { normal, offsets } = normalise(paragraph.text);
      const haystack = caseless ? normal.toLowerCase() : normal;
      const at = haystack.indexOf(caseless ? wanted.toLowerCase() : wanted);
      if (at < 0) continue;
      return {
        ...(paragraph.section ? { section: paragraph.section } : {}),
        paragraphIndex: paragraph.index,
        paragraph: paragraph.text,
        start: offsets[at]!,
        end: offsets[at + wanted.length - 1]! + 1,
      };
    }
  }
  return undefined;
}

/** Whitespace runs collapsed to one space, with each kept character's offset in the original. */
function normalise(text: string): { normal: string; offsets: number[] } {
  let normal = "";
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i]!)) {
      if (normal.endsWith(" ")) continue;
      normal += " ";
    } else {
      normal += text[i];
    }
    offsets.push(i);
  }
  return { normal, offsets };
}

const cache = new Map<string, Promise<Paragraph[]>>();

/** The article's paragraphs, read from `sourceDir` once. */
export function articleParagraphs(sourceDir: string): Promise<Paragraph[]> {
  const file = join(sourceDir, ARTICLE_FILE);
  let paragraphs = cache.get(file);
  if (!paragraphs) {
    paragraphs = readFile(file, "utf8").then(splitParagraphs);
    paragraphs.catch(() => cache.delete(file));
    cache.set(file, paragraphs);
  }
  return paragraphs;
}

export type SourceRequest = { evidence: string } | { quote: string };

/** The passage of an evidence node's quote, or of a quote given as text. */
export async function sourceText(engine: QueryEngine, sourceDir: string, request: SourceRequest): Promise<SourcePassage> {
  let quote: string;
  if ("evidence" in request) {
    const { rows } = await selectAll(engine, `${SPARQL_PREFIXES}
SELECT ?quote WHERE { ${iriRef(request.evidence)} oa:hasTarget ?target . ?target oa:hasSelector ?selector . ?selector oa:exact ?quote }
ORDER BY ?quote LIMIT 1`);
    const found = rows[0] && str(rows[0], "quote");
    if (found === undefined) throw new NotFoundError(`evidence: <${request.evidence}> has no quote (oa:hasTarget/oa:hasSelector/oa:exact).`);
    quote = found;
  } else {
    quote = request.quote;
  }
  const passage = findPassage(await articleParagraphs(sourceDir), quote);
  if (!passage) throw new NotFoundError(`The quote is not in the article text: ${JSON.stringify(quote.slice(0, 80))}.`);
  return passage;
}
