import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmbeddedEngine } from "../sparql/embeddedEngine.ts";
import { NotFoundError } from "./errors.ts";
import { articleParagraphs, findPassage, sourceText, splitParagraphs } from "./sourceText.ts";
import { cd, startTestEngine } from "./testEngine.ts";

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
