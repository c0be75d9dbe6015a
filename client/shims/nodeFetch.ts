/**
 * node-fetch in the browser
 * =========================
 * @citation-js/core (the bibliography exports) imports node-fetch, whose Node build cannot be
 * bundled for the page (it reaches for node:util, node:stream ...). citation-js itself uses the
 * browser's fetch when it runs in one; this module stands in for node-fetch so the bundle builds.
 */
export default globalThis.fetch?.bind(globalThis);
export const Headers = globalThis.Headers;
export const Request = globalThis.Request;
export const Response = globalThis.Response;
