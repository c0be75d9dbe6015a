/**
 * Layout worker
 * =============
 * Runs ForceAtlas2 (then noverlap for small graphs) off the main thread, so the page pans and
 * answers clicks while a big graph settles. Receives flat arrays, posts positions as it goes.
 */
import iterate from "graphology-layout-forceatlas2/iterate.js";
import { fa2Settings, type LayoutPlan } from "./layoutPlan.ts";
import { fa2Matrices, readPositions, removeOverlaps } from "./layoutSteps.ts";

export interface LayoutRequest {
  positions: Float32Array; // x0, y0, x1, y1 ...
  sizes: Float32Array;
  edges: Uint32Array; // source0, target0, source1, target1 ... (node indexes)
  plan: LayoutPlan;
}

export type LayoutMessage =
  | { type: "progress"; positions: Float32Array; iterations: number }
  | { type: "done"; positions: Float32Array; iterations: number; fa2Ms: number; noverlapMs: number };

function run(request: LayoutRequest): void {
  const { positions, sizes, edges, plan } = request;
  const order = sizes.length;
  const { nodes, edgeMatrix } = fa2Matrices(positions, sizes, edges);
  const settings = fa2Settings(order, plan.barnesHut, plan.tuning);
  const out = new Float32Array(order * 2);
  const copy = () => readPositions(nodes, out);
  const started = performance.now();
  let lastPost = started;
  // Each post makes sigma re-index every node on the main thread: fewer posts for big graphs.
  const postEvery = order > 5000 ? 3000 : 120;
  let done = 0;
  if (order > 0) {
    for (; done < plan.iterations; done++) {
      iterate(settings, nodes, edgeMatrix);
      const now = performance.now();
      if (now - started > plan.timeBudgetMs) break;
      if (now - lastPost > postEvery) {
        copy();
        postMessage({ type: "progress", positions: out.slice(), iterations: done + 1 } satisfies LayoutMessage);
        lastPost = now;
      }
    }
  }
  copy();
  const fa2Ms = performance.now() - started;
  let noverlapMs = 0;
  if (plan.noverlap && order > 1) {
    const t0 = performance.now();
    removeOverlaps(out, sizes);
    noverlapMs = performance.now() - t0;
  }
  postMessage({ type: "done", positions: out, iterations: done, fa2Ms, noverlapMs } satisfies LayoutMessage);
}

self.onmessage = (event: MessageEvent<LayoutRequest>) => run(event.data);
