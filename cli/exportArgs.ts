/**
 * Export arguments
 * ================
 * `caspian export` flags → a typed request. Every bad flag is an ExportArgsError that names the
 * flag and says what would be right.
 */
import type { NodeKind, RelationKind } from "../contract/api.ts";
import { NODE_KINDS, RELATION_KINDS } from "../contract/kinds.ts";
import { PROFILE_NAMES } from "../server/graph/viewProfile.ts";
import { PRESET_WIDTH_MM, parseLengthMm, type PresetName, type StyleName } from "../client/exports/presets.ts";
import { EXPORT_OPTIONS, type GexfVersion } from "../client/exports/exportFormat.ts";
import { EXPORT_FORMATS, FORMAT_IDS, exportFormat } from "../client/exports/exportFormats.ts";
import { CaspianError } from "../contract/errors.ts";

export interface ExportRequest {
  /** Format ids of the registry (client/exports/exportFormats.ts), in the order given. */
  formats: string[];
  /** One format: the file; several: a directory that gets figure.<suffix> for each. */
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
  /** The user's caption; absent: generated from the view. */
  caption?: string;
  /** false under --no-caption: the caption goes to the caption files only. */
  captionInFigure: boolean;
  /** Smallest text size in points at the declared width. */
  minTextPt: number;
  /** Node kinds every node of which is labelled or numbered in the key (default: the --kind classes). */
  labelKinds?: NodeKind[];
  gexfVersion: GexfVersion;
  periods?: string[];
  /** A TrueType font for PDF and PNG (default: DejaVu Sans from fonts-dejavu-core). */
  font?: string;
  /** View profile for data outside Caspian's ontology (server/graph/viewProfile.ts); absent = auto. */
  profile?: (typeof PROFILE_NAMES)[number];
}

// Discovered from server/graph/profiles/ (one list for the server's --profile and the CLI's).
export { PROFILE_NAMES };

export class ExportArgsError extends CaspianError {
  readonly code = "BAD_ARGUMENT";
  constructor(message: string) {
    super(message);
    this.name = "ExportArgsError";
  }
}

export const EXPORT_USAGE = `Usage: caspian export --format FORMAT [options]

Formats (several as a,b,c in one run):
${EXPORT_FORMATS.map((f) => `  ${f.id.padEnd(12)}${f.label}`).join("\n")}
  --out FILE|DIR          where to write; a DIR for several formats or csv (DIR/figure.svg,
                          DIR/nodes.csv ...); default: stdout (binary formats need --out)
  --data FILE ...         extra RDF files or folders (repeatable)
  --no-default-data       leave out the embedded ontology and data
  --from YEAR --to YEAR   year range (negative years are BC)
  --kind a,b  (--class)   node kinds: ${NODE_KINDS.join(", ")}
  --relation a,b          relation kinds: ${RELATION_KINDS.join(", ")}
  --lens A-B              third parties of a dyad, e.g. iran-russia
  --query FILE.rq         a SPARQL CONSTRUCT whose triples make the view
  --style S               ${EXPORT_OPTIONS.style.values.join(" | ")} (default color)
  --preset P              single (89 mm) | double (183 mm, default)
  --width LEN             e.g. 183mm, 7in (overrides --preset)
  --dpi N                 PNG resolution, ${EXPORT_OPTIONS.dpi.min}–${EXPORT_OPTIONS.dpi.max} (default ${EXPORT_OPTIONS.dpi.default})
  --min-text-pt N         smallest label, legend and caption size in pt at the width (default ${EXPORT_OPTIONS.minTextPt.default})
  --label-kind a,b        classes whose every node is labelled or numbered in a key (default: the --kind classes)
  --title TEXT  --caption TEXT  --legend | --no-legend
  --no-caption            keep the caption out of the picture (write it with --format caption,caption-tex)
  --gexf-version V        ${EXPORT_OPTIONS.gexfVersion.values.join(" | ")} (1.2draft for networkx, igraph, older Gephi; default 1.3)
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
  let formats: string[] | undefined;
  let preset: PresetName = EXPORT_OPTIONS.preset.default;
  let width: string | undefined;
  const request: Omit<ExportRequest, "formats" | "widthMm"> = {
    data: [], defaultData: true, style: EXPORT_OPTIONS.style.default, dpi: EXPORT_OPTIONS.dpi.default, legend: true, captionInFigure: true,
    minTextPt: EXPORT_OPTIONS.minTextPt.default, gexfVersion: EXPORT_OPTIONS.gexfVersion.default,
  };
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
        formats = v.split(",").map((s) => s.trim()).filter(Boolean);
        for (const f of formats) if (!FORMAT_IDS.includes(f)) throw new ExportArgsError(`--format: unknown format "${f}". Use one or more of ${FORMAT_IDS.join(", ")}.`);
        formats = [...new Set(formats)];
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
      case "--style": request.style = list("--style", value(), EXPORT_OPTIONS.style.values)[0]!; break;
      case "--preset": preset = list("--preset", value(), EXPORT_OPTIONS.preset.values)[0]!; break;
      case "--width": width = value(); break;
      case "--dpi": {
        const v = value();
        const dpi = Number(v);
        const { min, max } = EXPORT_OPTIONS.dpi;
        if (!Number.isInteger(dpi) || dpi < min || dpi > max) throw new ExportArgsError(`--dpi: "${v}" is not a resolution between ${min} and ${max}.`);
        request.dpi = dpi;
        break;
      }
      case "--min-text-pt": {
        const v = value();
        const pt = Number(v);
        const { min, max } = EXPORT_OPTIONS.minTextPt;
        if (!Number.isFinite(pt) || pt < min || pt > max) throw new ExportArgsError(`--min-text-pt: "${v}" is not a size between ${min} and ${max} pt.`);
        request.minTextPt = pt;
        break;
      }
      case "--label-kind": request.labelKinds = list(flag, value(), NODE_KINDS); break;
      case "--no-caption": request.captionInFigure = false; break;
      case "--gexf-version": request.gexfVersion = list(flag, value(), EXPORT_OPTIONS.gexfVersion.values)[0]!; break;
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
  if (!formats || formats.length === 0) throw new ExportArgsError(`--format is required: one or more of ${FORMAT_IDS.join(", ")}.`);
  if (request.from !== undefined && request.to !== undefined && request.from > request.to) {
    throw new ExportArgsError(`--from ${request.from} is after --to ${request.to}.`);
  }
  const binary = formats.find((f) => exportFormat(f).binary);
  if (binary && !request.out) throw new ExportArgsError(`--format ${binary} writes a binary file: give --out FILE.`);
  if (formats.length > 1 && !request.out) throw new ExportArgsError(`--format ${formats.join(",")}: several formats need --out DIR.`);
  let widthMm: number;
  try {
    widthMm = width ? parseLengthMm(width) : PRESET_WIDTH_MM[preset];
  } catch (error) {
    throw new ExportArgsError(`--width: ${(error as Error).message}`);
  }
  return { ...request, formats, widthMm };
}
