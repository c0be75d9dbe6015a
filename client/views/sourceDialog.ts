/**
 * "Show in text" dialog
 * =====================
 * Loads the article paragraph behind an evidence node and shows it with the quote marked. The
 * paragraph is split into three text nodes around a <mark>, so the article's text is never
 * parsed as HTML.
 */
import type { SourcePassage } from "../../contract/api.ts";
import { getSource } from "../api/client.ts";
import { clear, h } from "./dom.ts";

export interface SourceDialog {
  open(evidenceIri: string, quote?: string): Promise<void>;
  element: HTMLDialogElement;
}

/** The passage as nodes: text before, the marked quote, text after. */
export function passageNodes(passage: SourcePassage): Node[] {
  const { paragraph, start, end } = passage;
  if (start < 0 || end <= start || end > paragraph.length) return [document.createTextNode(paragraph)];
  const mark = h("mark", { class: "quote-mark" }, paragraph.slice(start, end));
  return [document.createTextNode(paragraph.slice(0, start)), mark, document.createTextNode(paragraph.slice(end))];
}

export function createSourceDialog(busy: <T>(label: string, work: Promise<T>) => Promise<T>): SourceDialog {
  const heading = h("h2", { id: "source-title" }, "In the article");
  const section = h("p", { class: "source-section" });
  const body = h("p", { class: "source-paragraph" });
  const note = h("p", { class: "source-note" });
  const closeButton = h("button", { type: "button", class: "close", "aria-label": "Close" }, "Close");
  const element = h(
    "dialog",
    { id: "source-dialog", "aria-labelledby": "source-title" },
    h("div", { class: "dialog-head" }, heading, closeButton),
    section,
    body,
    note,
  );
  closeButton.addEventListener("click", () => element.close());
  element.addEventListener("click", (event) => {
    if (event.target === element) element.close(); // a click on the backdrop
  });
  document.body.append(element);
  return {
    element,
    async open(evidenceIri, quote) {
      clear(body);
      section.textContent = "";
      note.textContent = "";
      try {
        const passage = await busy("Loading the passage…", getSource({ evidence: evidenceIri }));
        section.textContent = passage.section ? `Section: ${passage.section} · paragraph ${passage.paragraphIndex + 1}` : `Paragraph ${passage.paragraphIndex + 1}`;
        body.append(...passageNodes(passage));
        if (passage.start < 0) note.textContent = quote ? `The quote was not found verbatim in this paragraph: “${quote}”` : "The quote was not found verbatim.";
      } catch (error) {
        body.textContent = `Could not load the passage: ${(error as Error).message}`;
      }
      if (!element.open) element.showModal();
      body.querySelector("mark")?.scrollIntoView({ block: "center" });
      closeButton.focus();
    },
  };
}
