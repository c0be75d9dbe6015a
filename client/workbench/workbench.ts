/**
 * SPARQL workbench
 * ================
 * The "Query" tab of the side panel: example questions, a guided builder, the SPARQL editor and
 * the results — a sortable table, a yes/no, or a network drawn with the explorer's own view —
 * with downloads and a history. The query lives in the URL (q) so a result can be shared.
 */
import type { RelationKind } from "../../contract/api.ts";
import { runSparql, SparqlQueryError } from "../api/client.ts";
import { describeError } from "./describeError.ts";
import type { ExplorerGraph } from "../graph/model.ts";
import { runLayout, type LayoutHandle } from "../graph/runLayout.ts";
import type { PanelMount } from "../views/context.ts";
import { h } from "../views/dom.ts";
import { GraphView } from "../views/graphView.ts";
import { systemTheme, THEME_COLORS } from "../views/theme.ts";
import { mountBuilder } from "./builderView.ts";
import { sparqlCompletions, VOCABULARY_QUERY, vocabularyFrom, type VocabularyTerm } from "./completions.ts";
import { download, GRAPH_FORMATS, SOLUTION_FORMATS } from "./downloads.ts";
import { createEditor } from "./editor.ts";
import { readHistory, remember } from "./history.ts";
import { withPrefixes } from "./prefixes.ts";
import { editorQuery, isGraphForm, queryForm, shareableQuery } from "./queryText.ts";
import { graphFromColumns, graphFromTriples, type Known } from "./resultGraph.ts";
import { iriColumns, irisIn, labelsFrom, labelsQuery, parseSolutions } from "./results.ts";
import { renderTable } from "./resultsTable.ts";
import "./workbench.css";

const JSON_RESULTS = "application/sparql-results+json";
const N_TRIPLES = "application/n-triples";
/** Labels are fetched for at most this many IRIs of an answer (one VALUES query). */
const LABELLED_IRIS = 2000;

const DEFAULT_BODY = `# Which treaties does the article name, with their parties?
SELECT ?treaty ?party WHERE {
  ?treaty a cas:Treaty ; cas:party ?party .
}
ORDER BY ?treaty`;

/** What tests read and drive on the page (the workbench works without it). */
interface WorkbenchProbe {
  getText(): string;
  setText(text: string): void;
}
declare global {
  interface Window {
    caspianWorkbench?: WorkbenchProbe;
  }
}

/** What the panel shows below the editor. */
type Run = { type: "idle" } | { type: "running" } | { type: "error"; message: string } | { type: "done"; summary: string };

export const mountWorkbench: PanelMount = (container, ctx) => {
  container.classList.add("workbench");
  let vocabulary: readonly VocabularyTerm[] = [];
  const vocabularyLoaded = runSparql(withPrefixes(VOCABULARY_QUERY), JSON_RESULTS)
    .then((answer) => (vocabulary = vocabularyFrom(answer.text)))
    .catch(() => (vocabulary = []));
  const searchEntities = (text: string) => ctx.api.search(text, 8);

  // ---- layout ------------------------------------------------------------------------------
  const examplesList = h("ul", { class: "wb-examples" });
  const examplesSummary = h("summary", {}, "Example questions");
  const builderBox = h("div");
  const historyList = h("ol", { class: "wb-history" });
  const editorBox = h("div", { class: "wb-editor" });
  const runButton = h("button", { type: "button", class: "wb-run" }, "Run");
  const status = h("p", { class: "wb-status", "aria-live": "polite" });
  const errorBox = h("p", { class: "error wb-error", role: "alert", hidden: true });
  const results = h("div", { class: "wb-results" });
  const graphControls = h("div", { class: "wb-graph-controls" });
  const downloads = h("div", { class: "wb-downloads" });
  container.replaceChildren(
    h("h2", {}, "Ask the data in SPARQL"),
    h("details", { class: "wb-section" }, examplesSummary, examplesList),
    h("details", { class: "wb-section" }, h("summary", {}, "Build a query without writing SPARQL"), builderBox),
    h("details", { class: "wb-section" }, h("summary", {}, "History"), historyList),
    editorBox,
    h("div", { class: "wb-actions" }, runButton, h("span", { class: "muted" }, "Ctrl+Enter (⌘+Enter) runs the query")),
    status,
    errorBox,
    graphControls,
    results,
    downloads,
  );

  const editor = createEditor(editorBox, {
    text: "",
    onRun: () => void run(),
    complete: sparqlCompletions({ vocabulary: () => vocabulary, search: searchEntities }),
  });
  editor.setText(editorQuery(ctx.getState().query ?? DEFAULT_BODY));
  runButton.addEventListener("click", () => void run());
  window.caspianWorkbench = { getText: editor.getText, setText: editor.setText };

  // The library comes from the server (/api/v1/examples), which keeps it with the data it answers.
  void ctx.api
    .getExamples()
    .then((examples) => {
      examplesSummary.textContent = `Example questions (${examples.length})`;
      for (const example of examples) {
        const button = h("button", { type: "button", class: "link", "data-example": example.id }, example.question);
        button.addEventListener("click", () => {
          editor.setText(withPrefixes(example.query));
          void run();
        });
        examplesList.append(h("li", {}, button));
      }
    })
    .catch(() => examplesList.replaceChildren(h("li", { class: "muted" }, "The example questions could not be loaded.")));

  mountBuilder(builderBox, {
    vocabulary: async () => (await vocabularyLoaded, vocabulary),
    periods: async () => (await ctx.api.getTimeline()).periods,
    search: searchEntities,
    use: (query) => {
      editor.setText(withPrefixes(query));
      void run();
    },
  });

  const showHistory = () => {
    historyList.replaceChildren(
      ...readHistory().map((entry) => {
        const body = shareableQuery(entry.query).trim();
        const first = body.split("\n").find((line) => line.trim() && !line.trim().startsWith("#")) ?? body;
        const button = h("button", { type: "button", class: "link", title: body }, first.trim().slice(0, 90));
        button.addEventListener("click", () => {
          editor.setText(entry.query);
          void run();
        });
        return h("li", {}, button, " ", h("span", { class: "muted" }, new Date(entry.at).toLocaleString()));
      }),
    );
    if (!historyList.childElementCount) historyList.append(h("li", { class: "muted" }, "Queries you run appear here."));
  };
  showHistory();

  // ---- results as a network ------------------------------------------------------------------
  let resultView: GraphView | undefined;
  let layout: LayoutHandle | undefined;
  const known = (): Known => {
    const explorer = ctx.graph();
    let relations: Map<string, RelationKind> | undefined;
    return {
      node: (iri) => (explorer.hasNode(iri) ? { label: explorer.getNodeAttribute(iri, "label") as string, kind: explorer.getNodeAttribute(iri, "kind") as never } : undefined),
      relation: (predicate) => {
        if (!relations) {
          relations = new Map();
          explorer.forEachEdge((_e, a) => {
            if (!relations!.has(a.predicate as string)) relations!.set(a.predicate as string, a.kind as RelationKind);
          });
        }
        return relations.get(predicate);
      },
    };
  };
  const clearGraph = () => {
    layout?.stop();
    layout = undefined;
    resultView?.sigma.kill();
    resultView = undefined;
  };
  const drawGraph = (graph: ExplorerGraph, note = "") => {
    clearGraph();
    const box = h("div", { class: "wb-graph", "data-state": "drawing", "data-nodes": graph.order, "data-edges": graph.size });
    const caption = h("p", { class: "wb-graph-count" }, `${graph.order} nodes, ${graph.size} edges${note}`);
    results.replaceChildren(caption, box);
    if (graph.order === 0) {
      box.dataset.state = "empty";
      return;
    }
    // A small answer is read node by node: every label shows, not only the big nodes'.
    if (graph.order <= 150) graph.updateEachNodeAttributes((_n, attrs) => ({ ...attrs, forceLabel: true }) as typeof attrs);
    try {
      resultView = new GraphView(box, graph, THEME_COLORS[ctx.getState().theme ?? systemTheme()], {
        clickNode: (node) => {
          if (!node.startsWith("_:")) ctx.focusNode(node);
        },
        clickEdge: () => undefined,
        clickStage: () => undefined,
        camera: () => undefined,
      });
      const current = (layout = runLayout(graph));
      void current.done
        .then(() => {
          if (layout !== current) return;
          void resultView?.sigma.getCamera().animatedReset({ duration: 0 });
          box.dataset.state = "ready";
        })
        .catch(() => {
          box.dataset.state = "ready";
        });
    } catch (error) {
      box.dataset.state = "error";
      box.append(h("p", { class: "error" }, `The network could not be drawn: ${(error as Error).message}`));
    }
  };

  // ---- running -------------------------------------------------------------------------------
  let controller: AbortController | undefined;
  let lastRun = "";
  const show = (state: Run) => {
    container.dataset.run = state.type;
    errorBox.hidden = state.type !== "error";
    errorBox.textContent = state.type === "error" ? state.message : "";
    status.textContent = state.type === "running" ? "Running…" : state.type === "done" ? state.summary : "";
  };
  const showDownloads = (query: string, graphs: boolean) => {
    downloads.replaceChildren(
      h("span", { class: "muted" }, "Download: "),
      ...(graphs ? GRAPH_FORMATS : SOLUTION_FORMATS).map((format) => {
        const button = h("button", { type: "button", class: "small", "data-format": format.extension }, format.label);
        button.addEventListener("click", () => {
          download(query, format).catch((error: Error) => show({ type: "error", message: `The download failed: ${error.message}` }));
        });
        return button;
      }),
    );
  };

  async function run(options: { push?: boolean } = { push: true }): Promise<void> {
    const text = editor.getText();
    controller?.abort();
    const mine = (controller = new AbortController());
    editor.clearError();
    show({ type: "running" });
    graphControls.replaceChildren();
    downloads.replaceChildren();
    const form = queryForm(text);
    lastRun = shareableQuery(text);
    // Running the query already in the URL again adds no history entry.
    const current = ctx.getState();
    if (options.push !== false && (current.query !== lastRun || current.tab !== "query")) ctx.setState({ query: lastRun, tab: "query" }, { push: true });
    try {
      const answer = await runSparql(text, isGraphForm(form) ? N_TRIPLES : JSON_RESULTS, mine.signal);
      if (mine !== controller) return;
      remember(text);
      showHistory();
      const took = `${Math.round(answer.elapsedMs)} ms`;
      const cut = answer.truncated ? ` — cut at the server's limit (${answer.truncated.replace(/^true;\s*/, "")})` : "";
      if (isGraphForm(form) || answer.contentType === N_TRIPLES) {
        clearGraph();
        const { graph, literals } = graphFromTriples(answer.text, known());
        const triples = answer.text.split("\n").filter((l) => l.trim()).length;
        drawGraph(graph, literals ? ` (and ${literals} literal values not drawn)` : "");
        show({ type: "done", summary: `${triples} triples in ${took}${cut}` });
        showDownloads(text, true);
        return;
      }
      const solutions = parseSolutions(answer.text);
      clearGraph();
      if (solutions.form === "ask") {
        results.replaceChildren(h("p", { class: `wb-ask wb-ask-${solutions.value ? "yes" : "no"}`, "data-answer": String(solutions.value) }, solutions.value ? "Yes" : "No"));
        show({ type: "done", summary: `Answered in ${took}` });
        showDownloads(text, false);
        return;
      }
      const { vars, rows } = solutions;
      const iris = irisIn(rows).slice(0, LABELLED_IRIS);
      const labels = iris.length
        ? await runSparql(labelsQuery(iris), JSON_RESULTS, mine.signal).then((a) => labelsFrom(parseSolutions(a.text))).catch(() => new Map<string, string>())
        : new Map<string, string>();
      if (mine !== controller) return;
      const showTable = () => renderTable(results, vars, rows, labels, (iri) => ctx.focusNode(iri));
      showTable();
      results.dataset.rows = String(rows.length);
      show({ type: "done", summary: `${rows.length} ${rows.length === 1 ? "row" : "rows"} in ${took}${cut}` });
      showDownloads(text, false);
      const columns = iriColumns(vars, rows);
      // Any SELECT with an IRI column can be drawn: two columns give edges, one its nodes alone.
      if (columns.length >= 1) {
        const pick = (name: string, chosen: string) => h("select", { "aria-label": name }, ...columns.map((c) => h("option", { value: c, selected: c === chosen }, `?${c}`)));
        const from = pick("from column", columns[0]!);
        const to = pick("to column", columns[1] ?? columns[0]!);
        const asGraph = h("button", { type: "button", class: "small" }, "Show as a network");
        const asTable = h("button", { type: "button", class: "small" }, "Show as a table");
        asGraph.addEventListener("click", () => drawGraph(graphFromColumns(rows, from.value, to.value, labels, known())));
        asTable.addEventListener("click", () => {
          clearGraph();
          showTable();
        });
        graphControls.replaceChildren(h("span", { class: "muted" }, "Network from "), from, " to ", to, " ", asGraph, " ", asTable);
      }
    } catch (error) {
      if (mine !== controller || (error as Error).name === "AbortError") return;
      results.replaceChildren();
      results.dataset.rows = "";
      show({ type: "error", message: describeError(error) });
      if (error instanceof SparqlQueryError && error.code === "QUERY_SYNTAX") editor.showError(error.message, error.line, error.column);
    }
  }

  // The Query tab widens the side panel (workbench.css): sigma sizes its canvases on window
  // resize only, so the explorer's graph is told once the grid has changed.
  let queryTabOpen = ctx.getState().tab === "query";
  const onTab = () => {
    const open = ctx.getState().tab === "query";
    if (open === queryTabOpen) return;
    queryTabOpen = open;
    requestAnimationFrame(() => window.dispatchEvent(new Event("resize")));
  };
  if (queryTabOpen) requestAnimationFrame(() => window.dispatchEvent(new Event("resize")));

  // Back/forward or a shared link: a query in the URL that is not the last run is loaded and run.
  const onState = () => {
    onTab();
    const q = ctx.getState().query;
    if (q && q !== lastRun) {
      editor.setText(editorQuery(q));
      void run({ push: false });
    }
  };
  const unsubscribe = ctx.subscribe(onState);
  if (ctx.getState().query) void run({ push: false });
  else show({ type: "idle" });

  return () => {
    unsubscribe();
    controller?.abort();
    clearGraph();
    editor.view.destroy();
    container.replaceChildren();
  };
};
