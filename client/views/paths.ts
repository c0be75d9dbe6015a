/**
 * Paths panel
 * ===========
 * `mountPathsPanel`: pick two actors, find the shortest paths between them (API /paths), draw
 * them on the graph (ctx.highlight) and read them as sentences with the article's evidence. The
 * pair lives in the URL as ViewState.path, so a shared link or the back button replays it.
 */
import type { PathsResult } from "../../contract/api.ts";
import type { ExplorerContext, PanelMount, ViewState } from "./context.ts";
import "./panels.css";
import { createActorPicker } from "./pathsActorPicker.ts";
import { edgesForSteps, whenGraphReady } from "../graph/pathsEdges.ts";
import { renderEvidence } from "./pathsEvidence.ts";
import { formatSpan } from "../graph/timelineScale.ts";

type Load =
  | { type: "idle" }
  | { type: "loading"; key: string }
  | { type: "error"; message: string }
  | { type: "ready"; key: string; result: PathsResult };

const pairKey = (p: { from: string; to: string }, order?: "time") => `${p.from} ${p.to} ${order ?? "any"}`;

export const mountPathsPanel: PanelMount = (container: HTMLElement, ctx: ExplorerContext) => {
  let load: Load = { type: "idle" };
  let request: AbortController | undefined;
  let cancelHighlight = () => {};
  const loadSource = (evidence: string) => ctx.api.getSource({ evidence });

  const root = document.createElement("section");
  root.className = "cas-panel cas-paths";
  root.setAttribute("aria-label", "Shortest paths");
  const heading = document.createElement("h2");
  heading.textContent = "Paths between two actors";
  const form = document.createElement("form");
  form.className = "cas-paths-form";
  const fromPicker = createActorPicker(ctx, "From ", "paths-from");
  const toPicker = createActorPicker(ctx, "To ", "paths-to");
  const find = document.createElement("button");
  find.type = "submit";
  find.textContent = "Find paths";
  find.dataset.testid = "paths-find";
  const clear = document.createElement("button");
  clear.type = "button";
  clear.textContent = "Clear";
  clear.dataset.testid = "paths-clear";
  // Time-respecting paths: a 1501–1771 role is not chained to a 1996–2001 one as one story.
  const inTime = document.createElement("input");
  inTime.type = "checkbox";
  inTime.id = "paths-in-time";
  inTime.checked = ctx.getState().pathOrder === "time";
  inTime.addEventListener("change", () => ctx.setState({ pathOrder: inTime.checked ? "time" : undefined }, { push: true }));
  const inTimeLabel = document.createElement("label");
  inTimeLabel.htmlFor = "paths-in-time";
  inTimeLabel.className = "cas-paths-in-time";
  inTimeLabel.append(inTime, document.createTextNode(" In time order"));
  form.append(fromPicker.element, toPicker.element, inTimeLabel, find, clear);
  const status = document.createElement("p");
  status.className = "cas-status";
  status.setAttribute("aria-live", "polite");
  const results = document.createElement("ol");
  results.className = "cas-paths-list";
  results.dataset.testid = "paths-results";
  root.append(heading, form, status, results);
  container.append(root);

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void submit();
  });
  clear.addEventListener("click", () => {
    fromPicker.input.value = "";
    toPicker.input.value = "";
    ctx.setState({ path: null }, { push: true });
  });

  async function submit(): Promise<void> {
    status.textContent = "Looking up the actors…";
    status.removeAttribute("role");
    try {
      const [from, to] = await Promise.all([fromPicker.resolve(), toPicker.resolve()]);
      const missing = !from ? fromPicker.input.value || "the first actor" : !to ? toPicker.input.value || "the second actor" : undefined;
      if (!from || !to) {
        showError(`No actor found for “${missing}”. Pick one from the suggestions.`);
        return;
      }
      ctx.setState({ path: { from: from.iri, to: to.iri }, tab: "paths" }, { push: true });
    } catch (error) {
      showError(messageOf(error));
    }
  }

  function showError(message: string): void {
    load = { type: "error", message };
    status.textContent = message;
    status.setAttribute("role", "alert");
  }

  function run(pair: { from: string; to: string }, order?: "time"): void {
    const key = pairKey(pair, order);
    inTime.checked = order === "time";
    if ((load.type === "loading" || load.type === "ready") && load.key === key) return;
    request?.abort();
    request = new AbortController();
    const signal = request.signal;
    load = { type: "loading", key };
    if (document.activeElement !== fromPicker.input) fromPicker.set(pair.from);
    if (document.activeElement !== toPicker.input) toPicker.set(pair.to);
    status.textContent = "Finding paths…";
    status.removeAttribute("role");
    results.replaceChildren();
    ctx.api
      .getPaths(pair.from, pair.to, undefined, signal, { order: order ?? "any" })
      .then((result) => {
        load = { type: "ready", key, result };
        fromPicker.set(result.from.iri, result.from.label);
        toPicker.set(result.to.iri, result.to.label);
        show(result);
      })
      .catch((error: unknown) => {
        if (!signal.aborted) showError(`No paths: ${messageOf(error)}`);
      });
  }

  function highlightPaths(paths: PathsResult["paths"]): void {
    const graph = ctx.graph();
    const nodes = new Set<string>();
    const edges = new Set<string>();
    for (const path of paths) {
      // Every node, drawn or not: the view dims what is outside the set, and ignores unknown keys.
      for (const node of path.nodes) nodes.add(node.iri);
      for (const edge of edgesForSteps(graph, path.steps)) edges.add(edge);
    }
    ctx.highlight([...nodes], [...edges]);
  }

  function show(result: PathsResult): void {
    const count = result.paths.length;
    status.textContent =
      count === 0
        ? `No path connects ${result.from.label} and ${result.to.label} in the article's graph.`
        : `${count} shortest ${count === 1 ? "path" : "paths"} from ${result.from.label} to ${result.to.label}` +
          ` (${result.paths[0]!.steps.length} ${result.paths[0]!.steps.length === 1 ? "step" : "steps"}).`;
    const items = result.paths.map((path, index) => {
      const li = document.createElement("li");
      li.className = "cas-path";
      const title = document.createElement("button");
      title.type = "button";
      title.className = "cas-path-title";
      title.textContent = `Path ${index + 1}: ${path.nodes.map((n) => n.label).join(" → ")}`;
      title.title = "Highlight only this path";
      title.addEventListener("click", () => highlightPaths([path]));
      const steps = document.createElement("ol");
      steps.className = "cas-path-steps";
      for (const step of path.steps) {
        const item = document.createElement("li");
        // A link, not a button, so a long sentence wraps as text beside its list number.
        const sentence = document.createElement("a");
        sentence.href = "#";
        sentence.className = "cas-path-sentence";
        sentence.textContent = step.sentence;
        sentence.title = `Focus ${step.target.label}`;
        sentence.addEventListener("click", (event) => {
          event.preventDefault();
          ctx.focusNode(ctx.graph().hasNode(step.target.iri) ? step.target.iri : step.source.iri);
        });
        // Every step says when: the years of the statement it walks ("undated" when it has none).
        const years = document.createElement("span");
        years.className = "cas-path-years";
        years.dataset.start = step.startYear === undefined ? "" : String(step.startYear);
        years.textContent = step.startYear === undefined && step.endYear === undefined ? "undated" : formatSpan(step.startYear, step.endYear);
        item.append(years, document.createTextNode(" "), sentence);
        if (step.evidence.length > 0) item.append(renderEvidence(step.evidence, loadSource));
        steps.append(item);
      }
      li.append(title, steps);
      return li;
    });
    results.replaceChildren(...items);
    cancelHighlight();
    cancelHighlight = whenGraphReady(() => ctx.graph(), () => highlightPaths(result.paths));
  }

  // The graph has one highlight, shared with the lens: whichever ran last shows. When the lens is
  // switched off while a path is shown, the path takes the highlight back; when the path is
  // cleared while the lens is on, the highlight is left to the lens.
  let lensWasOn = !!ctx.getState().lens;
  function sync(state: ViewState): void {
    const lensOn = !!state.lens;
    const lensTurnedOff = lensWasOn && !lensOn;
    lensWasOn = lensOn;
    if (state.path) {
      run(state.path, state.pathOrder);
      if (lensTurnedOff && load.type === "ready") {
        const paths = load.result.paths;
        cancelHighlight();
        cancelHighlight = whenGraphReady(() => ctx.graph(), () => highlightPaths(paths));
      }
    } else if (load.type !== "idle") {
      request?.abort();
      cancelHighlight();
      load = { type: "idle" };
      status.textContent = "";
      results.replaceChildren();
      if (!lensOn) ctx.highlight([]);
    }
  }

  const unsubscribe = ctx.subscribe(sync);
  sync(ctx.getState());

  return () => {
    request?.abort();
    cancelHighlight();
    unsubscribe();
    fromPicker.dispose();
    toPicker.dispose();
    root.remove();
  };
};

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
