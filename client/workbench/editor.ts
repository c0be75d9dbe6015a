/**
 * SPARQL editor
 * =============
 * CodeMirror 6 with the legacy SPARQL mode for highlighting, autocomplete (completions.ts),
 * Ctrl/Cmd-Enter to run, and the parser's error underlined where the endpoint says it is.
 */
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap, type CompletionSource } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { bracketMatching, defaultHighlightStyle, HighlightStyle, StreamLanguage, syntaxHighlighting } from "@codemirror/language";
import { sparql } from "@codemirror/legacy-modes/mode/sparql";
import { diagnosticCount, lintGutter, setDiagnostics } from "@codemirror/lint";
import { EditorState, Prec } from "@codemirror/state";
import { drawSelection, EditorView, highlightActiveLine, keymap, lineNumbers } from "@codemirror/view";
import { tags } from "@lezer/highlight";

/** Token colours from CSS variables (workbench.css), so the light and dark themes both read well. */
const SPARQL_HIGHLIGHT = HighlightStyle.define([
  { tag: tags.keyword, color: "var(--wb-keyword)", fontWeight: "600" },
  { tag: tags.atom, color: "var(--wb-iri)" },
  { tag: tags.local(tags.variableName), color: "var(--wb-variable)" },
  { tag: tags.standard(tags.variableName), color: "var(--wb-builtin)" },
  { tag: tags.string, color: "var(--wb-string)" },
  { tag: [tags.comment, tags.lineComment], color: "var(--wb-comment)", fontStyle: "italic" },
  { tag: tags.meta, color: "var(--wb-builtin)" },
]);

export interface SparqlEditor {
  view: EditorView;
  getText(): string;
  setText(text: string): void;
  /** Underlines the error at a 1-based line and column (the whole line when no column). */
  showError(message: string, line?: number, column?: number): void;
  clearError(): void;
}

export function createEditor(parent: HTMLElement, options: { text: string; onRun(): void; complete: CompletionSource }): SparqlEditor {
  const run = () => {
    options.onRun();
    return true;
  };
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.text,
      extensions: [
        // Before the default keymap, where Mod-Enter would insert a blank line.
        Prec.highest(keymap.of([{ key: "Mod-Enter", run }, { key: "Shift-Enter", run }])),
        lineNumbers(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        bracketMatching(),
        closeBrackets(),
        StreamLanguage.define(sparql),
        syntaxHighlighting(SPARQL_HIGHLIGHT),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        autocompletion({ override: [options.complete], activateOnTyping: true }),
        lintGutter(),
        keymap.of([...closeBracketsKeymap, ...completionKeymap, ...historyKeymap, indentWithTab, ...defaultKeymap]),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ "aria-label": "SPARQL query (Ctrl+Enter or Cmd+Enter runs it)" }),
        EditorView.updateListener.of((update) => {
          // An edit makes the last error stale; a listener may not dispatch during the update.
          if (update.docChanged && diagnosticCount(update.state) > 0) queueMicrotask(() => view.dispatch(setDiagnostics(view.state, [])));
        }),
      ],
    }),
  });

  return {
    view,
    getText: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
      // Show the query itself rather than the PREFIX block above it.
      const body = /^(?:\s*(?:PREFIX|BASE)\b[^\n]*\n|\s*\n)*/i.exec(text)?.[0].length ?? 0;
      view.dispatch({ effects: EditorView.scrollIntoView(Math.min(body, text.length), { y: "start", yMargin: 24 }) });
    },
    showError(message, line, column) {
      const doc = view.state.doc;
      let from = 0;
      let to = doc.length;
      if (line !== undefined && line >= 1 && line <= doc.lines) {
        const l = doc.line(line);
        from = column !== undefined ? Math.min(l.from + Math.max(column - 1, 0), l.to) : l.from;
        // Underline the token the parser stopped at (to the next space), or at least one place.
        const rest = /^\S+/.exec(doc.sliceString(from, l.to));
        to = rest ? from + rest[0].length : Math.min(from + 1, doc.length);
        if (to === from && from > l.from) from -= 1;
      }
      view.dispatch(setDiagnostics(view.state, [{ from, to, severity: "error", message, source: "SPARQL parser" }]));
      view.dispatch({ selection: { anchor: from }, scrollIntoView: true });
    },
    clearError() {
      view.dispatch(setDiagnostics(view.state, []));
    },
  };
}
