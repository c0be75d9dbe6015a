/**
 * SVG helpers for the timeline
 * ============================
 * Elements are made with createElementNS and labels set with textContent, never innerHTML, so
 * a label from the data can never become markup.
 */
export const SVG_NS = "http://www.w3.org/2000/svg";

type Attrs = Record<string, string | number | undefined>;

export function svgEl<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  parent?: Element,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) el.setAttribute(name, String(value));
  if (parent) parent.appendChild(el);
  return el;
}

/** A <text> with its content as text. */
export function svgText(text: string, attrs: Attrs, parent?: Element): SVGTextElement {
  const el = svgEl("text", attrs, parent);
  el.textContent = text;
  return el;
}

/** The native tooltip of an SVG element: a <title> child holding the label as text. */
export function svgTitle(text: string, parent: Element): SVGTitleElement {
  const el = svgEl("title", {}, parent);
  el.textContent = text;
  return el;
}
