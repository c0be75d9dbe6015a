/**
 * Figure font
 * ===========
 * The TrueType font embedded in PDFs and used to draw PNGs: DejaVu Sans from Debian's
 * fonts-dejavu-core (free licence, wide Unicode coverage for transliterated names), or --font.
 */
import { existsSync } from "node:fs";
import { CaspianError } from "../contract/errors.ts";

export const DEJAVU_SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
export const DEJAVU_SANS_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

export class FontNotFoundError extends CaspianError {
  readonly code = "FONT_NOT_FOUND";
  constructor(readonly path: string) {
    super(`${path}: font not found. Install it (apt-get install fonts-dejavu-core) or pass --font FILE.ttf.`);
    this.name = "FontNotFoundError";
  }
}

export function figureFonts(font?: string): { regular: string; bold: string } {
  const regular = font ?? DEJAVU_SANS;
  if (!existsSync(regular)) throw new FontNotFoundError(regular);
  const bold = font ? font : existsSync(DEJAVU_SANS_BOLD) ? DEJAVU_SANS_BOLD : regular;
  return { regular, bold };
}
