/**
 * Types for citation-js
 * =====================
 * @citation-js/core and its plugins ship no type declarations; these cover the calls the
 * bibliography exports make (bibtex.ts, ris.ts and their tests).
 */
declare module "@citation-js/core" {
  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>);
    data: Record<string, unknown>[];
    format(format: string, options?: Record<string, unknown>): string | unknown[];
    static async(data: unknown): Promise<Cite>;
  }
  export const plugins: {
    config: { get(name: string): unknown };
    input: { chain(data: unknown, options?: Record<string, unknown>): unknown };
  };
}
declare module "@citation-js/plugin-bibtex";
declare module "@citation-js/plugin-ris";
