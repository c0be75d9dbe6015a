/**
 * DOM helpers
 * ===========
 * `h()` builds elements whose text always goes in as text nodes, so a label from the data such
 * as `<img src=x onerror=...>` is shown literally and never parsed. Nothing in the explorer sets
 * innerHTML.
 */

type Child = Node | string | number | null | undefined | false;
type Props = Record<string, string | number | boolean | EventListener | undefined | null>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") element.addEventListener(name.slice(2), value);
    else if (name === "class") element.className = String(value);
    // An IRI from the data may be `javascript:...`: such a link or source is left out, never made live.
    else if ((name === "href" || name === "src") && /^\s*(?:javascript|vbscript|data):/i.test(String(value))) continue;
    else if (value === true) element.setAttribute(name, "");
    else element.setAttribute(name, String(value));
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
}

export function clear(element: Element): void {
  element.replaceChildren();
}

/** Short display form of an IRI: its local name after the last # or /. */
export function localName(iri: string): string {
  const match = /[#/]([^#/]+)$/.exec(iri);
  return match ? decodeURIComponent(match[1]!) : iri;
}

export function yearText(start?: number, end?: number): string {
  const fmt = (y: number) => (y < 0 ? `${-y} BC` : String(y));
  if (start === undefined && end === undefined) return "";
  if (start === undefined || end === undefined || start === end) return fmt((start ?? end)!);
  return `${fmt(start)}–${fmt(end)}`;
}
