/**
 * Export formats (the registry)
 * =============================
 * Every file `caspian export --format` and the Export dialog can write, one entry each, read by
 * both callers: the CLI's flag check, usage text and output names, and the dialog's format menu
 * and its note on what needs the CLI. Adding a format is one entry here plus its module; the
 * entry's render imports its module lazily, so the browser bundle loads a writer (jsonld, n3)
 * only when that format is asked for.
 */
import { captionLatex } from "./caption.ts";
import { fileOf, UnknownFormatError, StoreNeededError, type ExportFormat, type ExportInput } from "./exportFormat.ts";

function store(input: ExportInput, id: string) {
  if (!input.store) throw new StoreNeededError(id);
  return input.store;
}

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  {
    id: "svg", label: "SVG figure", suffix: ".svg", mediaType: "image/svg+xml", needsStore: false, uses: ["figure"],
    async render(input) { return [fileOf(this, await input.svg())]; },
  },
  {
    id: "pdf", label: "PDF figure (fonts embedded)", suffix: ".pdf", mediaType: "application/pdf", needsStore: false, binary: true, uses: ["figure"],
    async render(input) {
      const { title, font } = input.options;
      return [fileOf(this, await input.raster.pdf(await input.svg(), { title, provenance: input.provenance, font }))];
    },
  },
  {
    id: "png", label: "PNG figure", suffix: ".png", mediaType: "image/png", needsStore: false, binary: true, uses: ["figure", "dpi"],
    async render(input) {
      const { widthMm, dpi, font } = input.options;
      return [fileOf(this, await input.raster.png(await input.svg(), { widthMm, dpi, font }))];
    },
  },
  // The map figure (mapFigure.ts): the places of the view's years on the Natural Earth base map.
  {
    id: "map-svg", label: "Map figure, SVG", suffix: ".svg", mediaType: "image/svg+xml", needsStore: true, uses: ["figure"],
    async render(input) { return [fileOf(this, await (await import("./mapFigure.ts")).mapFigureSvg(input, this.id), "map")]; },
  },
  {
    id: "map-pdf", label: "Map figure, PDF (fonts embedded)", suffix: ".pdf", mediaType: "application/pdf", needsStore: true, binary: true, uses: ["figure"],
    async render(input) {
      const { title, font } = input.options;
      const svg = await (await import("./mapFigure.ts")).mapFigureSvg(input, this.id);
      return [fileOf(this, await input.raster.pdf(svg, { title: title ?? "Caspian map", provenance: input.provenance, font }), "map")];
    },
  },
  {
    id: "map-png", label: "Map figure, PNG", suffix: ".png", mediaType: "image/png", needsStore: true, binary: true, uses: ["figure", "dpi"],
    async render(input) {
      const { widthMm, dpi, font } = input.options;
      const svg = await (await import("./mapFigure.ts")).mapFigureSvg(input, this.id);
      return [fileOf(this, await input.raster.png(svg, { widthMm, dpi, font }), "map")];
    },
  },
  {
    id: "gexf", label: "GEXF (Gephi, networkx)", suffix: ".gexf", mediaType: "application/gexf+xml", needsStore: false, uses: ["gexfVersion"],
    async render(input) {
      const { toGexf } = await import("./gexf.ts");
      const description = `${input.options.caption}\n${input.header}`;
      return [fileOf(this, toGexf(input.figure, { creator: input.provenance.tool, description, version: input.options.gexfVersion }))];
    },
  },
  {
    id: "graphml", label: "GraphML (yEd, Cytoscape)", suffix: ".graphml", mediaType: "application/graphml+xml", needsStore: false,
    async render(input) {
      const { toGraphml } = await import("./graphml.ts");
      return [fileOf(this, toGraphml(input.figure))];
    },
  },
  {
    // Evidence per edge comes from the store when there is one (the CLI); the dialog writes the rest.
    id: "csv", label: "Nodes and edges CSV", suffix: ".csv", mediaType: "text/csv", needsStore: false,
    async render(input) {
      const { nodesCsv, edgesCsv } = await import("./csv.ts");
      const evidence = input.store ? await input.store.edgeEvidence() : new Map<string, string[]>();
      return [fileOf(this, nodesCsv(input.figure), "nodes"), fileOf(this, edgesCsv(input.figure, evidence), "edges")];
    },
  },
  {
    id: "ttl", label: "Turtle (RDF of the view)", suffix: ".ttl", mediaType: "text/turtle", needsStore: true,
    async render(input) {
      const { toTurtle } = await import("./rdfFiles.ts");
      const s = store(input, this.id);
      return [fileOf(this, await toTurtle(await s.quads(), s.prefixes, input.header))];
    },
  },
  {
    id: "nt", label: "N-Triples (RDF of the view)", suffix: ".nt", mediaType: "application/n-triples", needsStore: true,
    async render(input) {
      const { toNTriples } = await import("./rdfFiles.ts");
      return [fileOf(this, toNTriples(await store(input, this.id).quads()))];
    },
  },
  {
    id: "jsonld", label: "JSON-LD (compacted, RDF of the view)", suffix: ".jsonld", mediaType: "application/ld+json", needsStore: true,
    async render(input) {
      const { toJsonLd } = await import("./rdfFiles.ts");
      const s = store(input, this.id);
      return [fileOf(this, await toJsonLd(await s.quads(), s.prefixes))];
    },
  },
  {
    id: "bib", label: "BibTeX (works behind the view)", suffix: ".bib", mediaType: "application/x-bibtex", needsStore: true,
    async render(input) {
      const { toBibtex } = await import("./bibtex.ts");
      return [fileOf(this, toBibtex(await store(input, this.id).sources(), input.header))];
    },
  },
  {
    id: "csl", label: "CSL-JSON (works behind the view, for Zotero/pandoc)", suffix: ".csl.json", mediaType: "application/vnd.citationstyles.csl+json", needsStore: true,
    async render(input) {
      const { toCslJson } = await import("./csl.ts");
      return [fileOf(this, toCslJson(await store(input, this.id).sources()))];
    },
  },
  {
    id: "ris", label: "RIS (works behind the view, for Zotero/EndNote)", suffix: ".ris", mediaType: "application/x-research-info-systems", needsStore: true,
    async render(input) {
      const { toRis } = await import("./ris.ts");
      return [fileOf(this, toRis(await store(input, this.id).sources()))];
    },
  },
  {
    id: "caption", label: "Caption (plain text)", suffix: ".caption.txt", mediaType: "text/plain", needsStore: false,
    async render(input) { return [fileOf(this, `${input.options.caption}\n`)]; },
  },
  {
    id: "caption-tex", label: "Caption (LaTeX \\caption{})", suffix: ".caption.tex", mediaType: "application/x-tex", needsStore: false,
    async render(input) { return [fileOf(this, captionLatex(input.options.caption, input.options.title))]; },
  },
];

export const FORMAT_IDS: readonly string[] = EXPORT_FORMATS.map((f) => f.id);

export function exportFormat(id: string): ExportFormat {
  const found = EXPORT_FORMATS.find((f) => f.id === id);
  if (!found) throw new UnknownFormatError(id, FORMAT_IDS);
  return found;
}
