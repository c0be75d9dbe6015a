/**
 * Third-party lens
 * ================
 * `mountLensPanel`: the article's point that Iran–Russia relations turned on third parties (the
 * Ottomans as common threat, Britain as rival, buffers between them), shown for any dyad. The
 * panel lists each third party with its roles, periods, years and evidence, and colours the
 * dyad and its third parties on the graph by role. The dyad lives in the URL as ViewState.lens;
 * switching the lens off clears the highlight.
 */
import type { ThirdPartyAnalysis } from "../../contract/api.ts";
import { DEFAULT_DYAD } from "../../contract/dyad.ts";
import type { ExplorerContext, PanelMount, ViewState } from "./context.ts";
import { lensHighlight } from "../graph/lensHighlight.ts";
import { ROLE_STYLES } from "../graph/lensRoles.ts";
import { renderLensTable, roleBadge } from "./lensTable.ts";
import "./panels.css";
import { createActorPicker } from "./pathsActorPicker.ts";
import { whenGraphReady } from "../graph/pathsEdges.ts";


type Load =
  | { type: "off" }
  | { type: "loading"; key: string }
  | { type: "error"; message: string }
  | { type: "ready"; key: string; result: ThirdPartyAnalysis };

/** The lens follows the view's window (a period picked, Play on the timeline): part of its key. */
const dyadKey = (d: { a: string; b: string }, w: { from?: number; to?: number }) => `${d.a} ${d.b} ${w.from ?? ""} ${w.to ?? ""}`;

export const mountLensPanel: PanelMount = (container: HTMLElement, ctx: ExplorerContext) => {
  let load: Load = { type: "off" };
  let request: AbortController | undefined;
  let cancelHighlight = () => {};
  const loadSource = (evidence: string) => ctx.api.getSource({ evidence });

  const root = document.createElement("section");
  root.className = "cas-panel cas-lens";
  root.setAttribute("aria-label", "Third-party lens");
  const heading = document.createElement("h2");
  heading.textContent = "Third parties of a dyad";
  const form = document.createElement("form");
  form.className = "cas-lens-form";
  const aPicker = createActorPicker(ctx, "Between ", "lens-a");
  const bPicker = createActorPicker(ctx, "and ", "lens-b");
  aPicker.set(DEFAULT_DYAD[0], "Iran");
  bPicker.set(DEFAULT_DYAD[1], "Russia");
  const show = document.createElement("button");
  show.type = "submit";
  show.textContent = "Show third parties";
  show.dataset.testid = "lens-show";
  const toggle = document.createElement("button");
  toggle.type = "button";
  toggle.className = "cas-lens-toggle";
  toggle.dataset.testid = "lens-toggle";
  form.append(aPicker.element, bPicker.element, show, toggle);
  const legend = document.createElement("p");
  legend.className = "cas-lens-legend";
  for (const style of Object.values(ROLE_STYLES)) {
    if (style.type === "other") continue;
    legend.append(roleBadge(style), document.createTextNode(" "));
  }
  const status = document.createElement("p");
  status.className = "cas-status";
  status.setAttribute("aria-live", "polite");
  const table = document.createElement("table");
  table.className = "cas-lens-table";
  table.dataset.testid = "lens-table";
  root.append(heading, form, legend, status, table);
  container.append(root);

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void submit();
  });
  toggle.addEventListener("click", () => {
    if (ctx.getState().lens) ctx.setState({ lens: null }, { push: true });
    else void submit();
  });

  async function submit(): Promise<void> {
    try {
      const [a, b] = await Promise.all([aPicker.resolve(), bPicker.resolve()]);
      if (!a || !b) {
        showError(`No actor found for “${!a ? aPicker.input.value : bPicker.input.value}”.`);
        return;
      }
      if (a.iri === b.iri) {
        showError("A dyad needs two different actors.");
        return;
      }
      ctx.setState({ lens: { a: a.iri, b: b.iri }, tab: "lens" }, { push: true });
    } catch (error) {
      showError(messageOf(error));
    }
  }

  function showError(message: string): void {
    load = { type: "error", message };
    status.textContent = message;
    status.setAttribute("role", "alert");
  }

  function run(dyad: { a: string; b: string }, window: { from?: number; to?: number }): void {
    const key = dyadKey(dyad, window);
    if ((load.type === "loading" || load.type === "ready") && load.key === key) return;
    request?.abort();
    request = new AbortController();
    const signal = request.signal;
    load = { type: "loading", key };
    status.textContent = "Finding third parties…";
    status.removeAttribute("role");
    ctx.api
      .getThirdParties(dyad.a, dyad.b, signal, window)
      .then((result) => {
        load = { type: "ready", key, result };
        aPicker.set(result.dyad[0].iri, result.dyad[0].label);
        bPicker.set(result.dyad[1].iri, result.dyad[1].label);
        render(result);
      })
      .catch((error: unknown) => {
        if (!signal.aborted) showError(`No third parties: ${messageOf(error)}`);
      });
  }

  function render(result: ThirdPartyAnalysis): void {
    const [a, b] = result.dyad;
    const n = result.thirdParties.length;
    const w = result.window;
    const when = w && (w.from !== undefined || w.to !== undefined) ? ` in ${w.from ?? "…"}–${w.to ?? "…"}` : "";
    const undated = result.undatedOmitted ? ` (${result.undatedOmitted} undated role${result.undatedOmitted === 1 ? "" : "s"} left out)` : "";
    status.textContent =
      n === 0
        ? `The article names no third party between ${a.label} and ${b.label}${when}.${undated}`
        : `${n} third ${n === 1 ? "party" : "parties"} between ${a.label} and ${b.label}${when}.${undated}`;
    const [head, body] = renderLensTable(result, { focus: (iri) => ctx.focusNode(iri), loadSource });
    table.replaceChildren(head, body);
    cancelHighlight();
    cancelHighlight = whenGraphReady(() => ctx.graph(), () => highlight(result));
  }

  function highlight(result: ThirdPartyAnalysis): void {
    const { nodes, edges, colorByNode } = lensHighlight(ctx.graph(), result);
    ctx.highlight(nodes, edges, colorByNode);
  }

  function syncToggle(on: boolean): void {
    toggle.textContent = on ? "Lens off" : "Lens on";
    toggle.setAttribute("aria-pressed", String(on));
  }

  // The graph has one highlight, shared with the paths panel: see paths.ts's sync for the rule.
  let pathWasOn = !!ctx.getState().path;
  function sync(state: ViewState): void {
    syncToggle(!!state.lens);
    const pathOn = !!state.path;
    const pathCleared = pathWasOn && !pathOn;
    pathWasOn = pathOn;
    if (state.lens) {
      run(state.lens, { from: state.from, to: state.to });
      if (pathCleared && load.type === "ready") {
        const result = load.result;
        cancelHighlight();
        cancelHighlight = whenGraphReady(() => ctx.graph(), () => highlight(result));
      }
    } else if (load.type !== "off") {
      request?.abort();
      cancelHighlight();
      load = { type: "off" };
      status.textContent = "";
      status.removeAttribute("role");
      table.replaceChildren();
      if (!pathOn) ctx.highlight([]);
    }
  }

  const unsubscribe = ctx.subscribe(sync);
  sync(ctx.getState());

  return () => {
    request?.abort();
    cancelHighlight();
    unsubscribe();
    aPicker.dispose();
    bPicker.dispose();
    root.remove();
  };
};

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
