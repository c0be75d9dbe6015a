/**
 * Export arguments
 * ================
 * `caspian export` flags → a typed request. Every bad flag is an ExportArgsError that names the
 * flag and says what would be right.
 */
import type { NodeKind, RelationKind } from "../contract/api.ts";
import { NODE_KINDS, RELATION_KINDS } from "../contract/kinds.ts";
import { PRESET_WIDTH_MM, STYLE_NAMES, parseLengthMm, type PresetName, type StyleName } from "../client/exports/presets.ts";

export const FORMATS = ["svg", "pdf", "png", "gexf", "graphml", "csv", "ttl", "nt", "jsonld", "bib", "caption"] as const;
export type ExportFormat = (typeof FORMATS)[number];

export interface ExportRequest {
  format: ExportFormat;
  out?: string;
  data: string[];
  defaultData: boolean;
  from?: number;
  to?: number;
  kinds?: NodeKind[];
  relations?: RelationKind[];
  /** e.g. "iran-russia". */
  lens?: string;
  /** Path of a CONSTRUCT query file. */
  query?: string;
  style: StyleName;
  widthMm: number;
  dpi: number;
  title?: string;
  legend: boolean;
  caption?: string;
  periods?: string[];
  /** A TrueType font for PDF and PNG (default: DejaVu Sans from fonts-dejavu-core). */
  font?: string;
  /** View profile for data outside Caspian's ontology (server/graph/viewProfile.ts); absent = auto. */
  profile?: (typeof PROFILE_NAMES)[number];
}

export const PROFILE_NAMES = ["auto", "default", "wikidata"] as const;

export class ExportArgsError extends Error {
  readonly code = "BAD_ARGUMENT";
  constructor(message: string) {
    super(message);
    this.name = "ExportArgsError";
  }
}

export const EXPORT_USAGE = `Usage: caspian export --format FORMAT [options]

Formats: ${FORMATS.join(", ")}
  --out FILE|DIR          where to write (csv writes DIR/nodes.csv and DIR/edges.csv); default: stdout
                          (pdf and png need --out)
  --data FILE ...         extra RDF files or folders (repeatable)
  --no-default-data       leave out the embedded ontology and data
  --from YEAR --to YEAR   year range (negative years are BC)
  --kind a,b  (--class)   node kinds: ${NODE_KINDS.join(", ")}
  --relation a,b          relation kinds: ${RELATION_KINDS.join(", ")}
  --lens A-B              third parties of a dyad, e.g. iran-russia
  --query FILE.rq         a SPARQL CONSTRUCT whose triples make the view
  --style S               ${STYLE_NAMES.join(" | ")} (default color)
  --preset P              single (89 mm) | double (183 mm, default)
  --width LEN             e.g. 183mm, 7in (overrides --preset)
  --dpi N                 PNG resolution (default 300)
  --title TEXT  --caption TEXT  --legend | --no-legend
  --periods A,B,...       small multiples, one panel per named period (e.g. Safavid,Qajar,Pahlavi,post-Soviet)
  --font FILE.ttf         font embedded in PDF and used for PNG (default DejaVu Sans)
  --profile P             view profile for data outside the ontology: ${PROFILE_NAMES.join(" | ")} (default auto)`;

const YEAR = /^-?\d{1,4}$/;

function list<T extends string>(flag: string, value: string, allowed: readonly T[]): T[] {
  const items = value.split(",").map((s) => s.trim()).filter(Boolean);
  for (const item of items) {
    if (!allowed.includes(item as T)) throw new ExportArgsError(`${flag}: unknown value "${item}". Use one or more of ${allowed.join(", ")}.`);
  }
  return items as T[];
}

export function parseExportArgs(argv: readonly string[]): ExportRequest {
  let format: ExportFormat | undefined;
  let preset: PresetName = "double";
  let width: string | undefined;
  const request: Omit<ExportRequest, "format" | "widthMm"> = { data: [], defaultData: true, style: "color", dpi: 300, legend: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith("--"))) throw new ExportArgsError(`${flag}: needs a value.`);
      return v;
    };
    switch (flag) {
      case "--format": {
        const v = value();
        if (!(FORMATS as readonly string[]).includes(v)) throw new ExportArgsError(`--format: unknown format "${v}". Use one of ${FORMATS.join(", ")}.`);
        format = v as ExportFormat;
        break;
      }
      case "--out": request.out = value(); break;
      case "--data": request.data.push(value()); break;
      case "--no-default-data": request.defaultData = false; break;
      case "--from":
      case "--to": {
        const v = value();
        if (!YEAR.test(v)) throw new ExportArgsError(`${flag}: "${v}" is not a year. Write it like 1828 (or -500 for 500 BC).`);
        request[flag === "--from" ? "from" : "to"] = Number(v);
        break;
      }
      case "--kind":
      case "--class": request.kinds = list(flag, value(), NODE_KINDS); break;
      case "--relation": request.relations = list(flag, value(), RELATION_KINDS); break;
      case "--lens": {
        const v = value();
        if (!/^[A-Za-z][\w]*-[A-Za-z][\w]*$/.test(v)) throw new ExportArgsError(`--lens: "${v}" is not a dyad. Write it like iran-russia.`);
        request.lens = v;
        break;
      }
      case "--query": request.query = value(); break;
      case "--style": request.style = list("--style", value(), STYLE_NAMES)[0]!; break;
      case "--preset": preset = list("--preset", value(), ["single", "double"] as const)[0]!; break;
      case "--width": width = value(); break;
      case "--dpi": {
        const v = value();
        const dpi = Number(v);
        if (!Number.isInteger(dpi) || dpi < 36 || dpi > 2400) throw new ExportArgsError(`--dpi: "${v}" is not a resolution between 36 and 2400.`);
        request.dpi = dpi;
        break;
      }
      case "--title": request.title = value(); break;
      case "--caption": request.caption = value(); break;
      case "--legend": request.legend = true; break;
      case "--no-legend": request.legend = false; break;
      case "--periods": request.periods = value().split(",").map((s) => s.trim()).filter(Boolean); break;
      case "--font": request.font = value(); break;
      case "--profile": request.profile = list("--profile", value(), PROFILE_NAMES)[0]!; break;
      default: throw new ExportArgsError(`${arg}: unknown option. Run "caspian export --help" for the options.`);
    }
  }
  if (!format) throw new ExportArgsError(`--format is required: one of ${FORMATS.join(", ")}.`);
  if (request.from !== undefined && request.to !== undefined && request.from > request.to) {
    throw new ExportArgsError(`--from ${request.from} is after --to ${request.to}.`);
  }
  if ((format === "pdf" || format === "png") && !request.out) throw new ExportArgsError(`--format ${format} writes a binary file: give --out FILE.`);
  let widthMm: number;
  try {
    widthMm = width ? parseLengthMm(width) : PRESET_WIDTH_MM[preset];
  } catch (error) {
    throw new ExportArgsError(`--width: ${(error as Error).message}`);
  }
  return { ...request, format, widthMm };
}
