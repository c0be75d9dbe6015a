/**
 * Prints README's configuration table from the settings registry (server/settings.ts), for
 * pasting into README.md when a setting changes; server/settings.test.ts checks they agree.
 */
import { markdownTable } from "../server/settings.ts";

console.log(markdownTable());
