/**
 * BibTeX
 * ======
 * The sources behind a view: the article the data annotates plus every work its evidence cites,
 * one entry each. Cite keys come from the works' IRIs (cd:ref-Starr2013 → Starr2013), so they
 * stay the same from one export to the next and a paper's \cite{} keys keep working.
 */

export interface BibSource {
  iri: string;
  /** bibo class local name: Book, AcademicArticle, Article, Chapter, Thesis ... */
  type?: string;
  creator?: string;
  year?: string;
  title?: string;
  /** The reference as printed in the article. */
  citation?: string;
  label?: string;
}

const ENTRY_TYPE: Record<string, string> = {
  Book: "book",
  AcademicArticle: "article",
  Article: "article",
  Chapter: "incollection",
  BookSection: "incollection",
  Thesis: "phdthesis",
  Report: "techreport",
};

export function citeKey(iri: string): string {
  const local = iri.replace(/^.*[/#]/, "").replace(/^ref-/, "");
  const key = local.replace(/[^A-Za-z0-9_:-]/g, "");
  return key || "source";
}

/** Escapes the characters LaTeX treats as special; braces become literal. */
export function bibEscape(text: string): string {
  return text
    .replace(/\\/g, "\\textbackslash{}")
    .replace(/([{}])/g, "\\$1")
    .replace(/([&%$#_])/g, "\\$1")
    .replace(/~/g, "\\textasciitilde{}")
    .replace(/\^/g, "\\textasciicircum{}")
    .replace(/\\textbackslash\\\{\\\}/g, "\\textbackslash{}")
    .replace(/\\textasciitilde\\\{\\\}/g, "\\textasciitilde{}")
    .replace(/\\textasciicircum\\\{\\\}/g, "\\textasciicircum{}");
}

export function toBibtex(sources: BibSource[], header?: string): string {
  const seen = new Set<string>();
  const entries: string[] = [];
  const sorted = [...sources].sort((a, b) => (citeKey(a.iri) < citeKey(b.iri) ? -1 : citeKey(a.iri) > citeKey(b.iri) ? 1 : 0));
  for (const s of sorted) {
    let key = citeKey(s.iri);
    for (let i = 2; seen.has(key); i++) key = `${citeKey(s.iri)}_${i}`;
    seen.add(key);
    const fields: [string, string | undefined][] = [
      ["author", s.creator],
      ["title", s.title ?? (s.citation ? undefined : s.label)],
      ["year", s.year],
      ["note", s.citation ? `As printed: ${s.citation}` : undefined],
      ["url", s.iri],
    ];
    const body = fields
      .filter(([, v]) => v !== undefined && v !== "")
      .map(([k, v]) => `  ${k} = {${k === "url" ? v : bibEscape(v!)}}`)
      .join(",\n");
    entries.push(`@${ENTRY_TYPE[s.type ?? ""] ?? "misc"}{${key},\n${body}\n}`);
  }
  return (header ? header.split("\n").map((l) => `% ${l}`).join("\n") + "\n\n" : "") + entries.join("\n\n") + "\n";
}
