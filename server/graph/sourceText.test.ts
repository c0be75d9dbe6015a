import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmbeddedEngine } from "../sparql/embeddedEngine.ts";
import { NotFoundError } from "./errors.ts";
import { articleParagraphs, findPassage, sourceText, splitParagraphs } from "./sourceText.ts";
import { DEFAULT_SOURCES } from "../rdf/loadDatasets.ts";
import { cd, startTestEngine } from "../test/testEngine.ts";

const SOURCE_DIR = fileURLToPath(new URL("../../data/source", import.meta.url));

let engine: EmbeddedEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(() => engine.close());

describe("splitParagraphs", () => {
  it("joins a long paragraph cut by a page break to its continuation, and tracks the section heading", () => {
    const long = "A sentence that runs on and on ".repeat(8);
    const text = `Title\n\nIntroduction\n\n${long}for 240\n\nyears from 1240 to 1480.\n\nConclusion\n\nShort end.`;
    expect(splitParagraphs(text)).toEqual([
      { index: 0, text: "Title" },
      { index: 1, text: "Introduction", section: "Introduction" },
      { index: 2, text: `${long}for 240 years from 1240 to 1480.`, section: "Introduction" },
      { index: 3, text: "Conclusion", section: "Conclusion" },
      { index: 4, text: "Short end.", section: "Conclusion" },
    ]);
  });
});

describe("findPassage", () => {
  it("finds a quote with other whitespace and gives its offsets in the paragraph", () => {
    const paragraphs = splitParagraphs("Introduction\n\nIran and  Russia\nmet. Then they parted.");
    const passage = findPassage(paragraphs, "Russia met.");
    expect(passage).toEqual({ section: "Introduction", paragraphIndex: 1, paragraph: "Iran and  Russia\nmet. Then they parted.", start: 10, end: 21 });
    expect(passage!.paragraph.slice(passage!.start, passage!.end)).toBe("Russia\nmet.");
  });
});

describe("sourceText", () => {
  it("finds a quote across a page break of the article and returns the joined paragraph", async () => {
    const passage = await sourceText(engine, SOURCE_DIR, { quote: "For Russia it was also the same for 240 years from 1240 to 1480" });
    expect(passage.section).toBe("Age of Geographical Distance");
    expect(passage.paragraph).toMatch(/^With the Mongol invasions of Iran and later Russia/);
    expect(passage.paragraph).toContain("for 240 years from 1240 to 1480");
    expect(passage.paragraph.slice(passage.start, passage.end)).toBe("For Russia it was also the same for 240 years from 1240 to 1480");
  });

  it("looks up an evidence node's quote and finds it in its section", async () => {
    const passage = await sourceText(engine, SOURCE_DIR, { evidence: cd("ev-TreatyOfTurkmenchay-1") });
    expect(passage.section).toBe("The Age of Neighborhood and Threat");
    expect(passage.paragraph.slice(passage.start, passage.end)).toBe(
      "With the defeat of Iran in the second war with Russia, the Treaty of Turkmenchay was concluded in 1828",
    );
    const paragraphs = await articleParagraphs(SOURCE_DIR);
    expect(paragraphs[passage.paragraphIndex]?.text).toBe(passage.paragraph);
  });

  it("throws NotFoundError for a quote the article does not contain or an evidence IRI without a quote", async () => {
    await expect(sourceText(engine, SOURCE_DIR, { quote: "Iran and Russia signed a treaty on the Moon" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(sourceText(engine, SOURCE_DIR, { evidence: cd("Iran") })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("sourceText over the curated data", () => {
  it("finds the paragraph of every evidence quote, in the section the evidence names", async () => {
    const files = DEFAULT_SOURCES.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith(".ttl")).map((f) => join(dir, f)));
    const curated = await startTestEngine(files);
    try {
      const { rows } = await curated.select(
        `PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX cas: <https://w3id.org/caspian/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?ev ?quote ?section WHERE { ?ev oa:hasTarget ?t . ?t oa:hasSelector ?s . ?s oa:exact ?quote . OPTIONAL { ?ev cas:inSection ?sec . ?sec dcterms:title ?section } }`,
        { rowCap: 1_000_000 },
      );
      expect(rows.length).toBeGreaterThan(100);
      const paragraphs = await articleParagraphs(SOURCE_DIR);
      const misses = rows.flatMap((row) => {
        const passage = findPassage(paragraphs, row.quote!.value);
        if (!passage) return [`${row.ev!.value}: not found`];
        if (row.section && passage.section !== row.section.value) return [`${row.ev!.value}: in ${passage.section}, not ${row.section.value}`];
        return [];
      });
      expect(misses).toEqual([]);
    } finally {
      await curated.close();
    }
  });
});
