/**
 * Run layout
 * ==========
 * Starts the layout worker for a graph and writes positions back as they arrive, so sigma shows
 * the graph settling. Returns a handle to wait for the end or stop early (a new graph came).
 */
import type { ExplorerGraph } from "./model.ts";
import { planLayout, type LayoutPlan, type LayoutTuning } from "./layoutPlan.ts";
import type { LayoutMessage, LayoutRequest } from "./layout.worker.ts";

export interface LayoutStats {
  nodes: number;
  edges: number;
  plan: LayoutPlan;
  iterations: number;
  fa2Ms: number;
  noverlapMs: number;
  /** FA2 iterations per second in the worker. */
  iterationsPerSecond: number;
  /** True when the reader stopped the layout before its planned iterations. */
  stopped?: boolean;
}

export interface LayoutHandle {
  done: Promise<LayoutStats>;
  /** Ends the layout where it is; `done` then resolves with what ran (stopped: true). */
  stop(): void;
}

export function runLayout(graph: ExplorerGraph, onProgress?: (iterations: number) => void, tuning?: LayoutTuning): LayoutHandle {
  const keys = graph.nodes();
  const index = new Map<string, number>();
  keys.forEach((key, i) => index.set(key, i));
  const positions = new Float32Array(keys.length * 2);
  const sizes = new Float32Array(keys.length);
  keys.forEach((key, i) => {
    const a = graph.getNodeAttributes(key);
    positions[2 * i] = a.x;
    positions[2 * i + 1] = a.y;
    sizes[i] = a.size;
  });
  const edges = new Uint32Array(graph.size * 2);
  let e = 0;
  graph.forEachEdge((_edge, _attrs, source, target) => {
    edges[e++] = index.get(source)!;
    edges[e++] = index.get(target)!;
  });
  const plan: LayoutPlan = { ...planLayout(graph.order, graph.size), ...(tuning ? { tuning } : {}) };
  const worker = new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" });
  const apply = (pos: Float32Array) => {
    graph.updateEachNodeAttributes(
      (key, attrs) => {
        const i = index.get(key);
        if (i === undefined) return attrs;
        attrs.x = pos[2 * i]!;
        attrs.y = pos[2 * i + 1]!;
        return attrs;
      },
      { attributes: ["x", "y"] },
    );
  };
  let stopped = false;
  let ran = 0;
  const started = performance.now();
  let finish: (stats: LayoutStats) => void = () => {};
  const done = new Promise<LayoutStats>((resolve, reject) => {
    finish = resolve;
    worker.onmessage = (event: MessageEvent<LayoutMessage>) => {
      if (stopped) return;
      const message = event.data;
      apply(message.positions);
      ran = message.iterations;
      onProgress?.(message.iterations);
      if (message.type === "done") {
        worker.terminate();
        resolve({
          nodes: graph.order,
          edges: graph.size,
          plan,
          iterations: message.iterations,
          fa2Ms: message.fa2Ms,
          noverlapMs: message.noverlapMs,
          iterationsPerSecond: message.fa2Ms > 0 ? (message.iterations * 1000) / message.fa2Ms : 0,
        });
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`layout worker failed: ${event.message}`));
    };
  });
  const request: LayoutRequest = { positions, sizes, edges, plan };
  worker.postMessage(request, [positions.buffer, sizes.buffer, edges.buffer]);
  return {
    done,
    stop() {
      if (stopped) return;
      stopped = true;
      worker.terminate();
      const ms = performance.now() - started;
      finish({ nodes: graph.order, edges: graph.size, plan, iterations: ran, fa2Ms: ms, noverlapMs: 0, iterationsPerSecond: ms > 0 ? (ran * 1000) / ms : 0, stopped: true });
    },
  };
}
