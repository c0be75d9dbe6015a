/**
 * Query text
 * ==========
 * The small facts the workbench needs about a query's text before the server sees it: its form
 * (which decides the Accept header), and the short form kept in the URL — the body without the
 * project's PREFIX block, which the editor puts back on load.
 */
import { PREFIX_BLOCK, withPrefixes } from "./prefixes.ts";

export type Form = "select" | "ask" | "construct" | "describe";

/** The query form, read past comments, IRIs and strings (where SELECT could be a word). */
export function queryForm(text: string): Form {
  const bare = text
    .replace(/<[^<>\s]*>/g, " ")
    .replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, " ")
    .replace(/#[^\n]*/g, " ");
  const match = /\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b/i.exec(bare);
  return (match?.[1]?.toLowerCase() as Form | undefined) ?? "select";
}

export function isGraphForm(form: Form): boolean {
  return form === "construct" || form === "describe";
}

/** What goes in the URL's q: the text without the standard PREFIX block when it opens with it. */
export function shareableQuery(text: string): string {
  return text.startsWith(PREFIX_BLOCK) ? text.slice(PREFIX_BLOCK.length).replace(/^\s*\n/, "") : text;
}

/** The editor's text for a q from the URL: prefixes back on top unless the query declares its own. */
export function editorQuery(q: string): string {
  return /^\s*(PREFIX|BASE)\b/i.test(q) ? q : withPrefixes(q);
}
