/**
 * XML text
 * ========
 * Escaping for text and attribute values in the SVG, GEXF and GraphML writers, and a number
 * format that keeps files small and the same on every machine.
 */

/** Escapes &, <, >, quotes; drops characters XML 1.0 cannot hold (C0 controls but tab/newline). */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** At most `digits` decimals, no trailing zeros, never "-0". */
export function num(value: number, digits = 2): string {
  const text = value.toFixed(digits).replace(/\.?0+$/, "");
  return text === "-0" ? "0" : text;
}
