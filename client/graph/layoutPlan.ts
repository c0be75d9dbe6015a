/**
 * Layout plan
 * ===========
 * How much layout a graph gets, decided from its size alone so the same data always gets the
 * same iterations and hence the same picture. Big graphs get fewer iterations and no noverlap,
 * so 50,000 nodes settle in seconds in the worker instead of minutes.
 */

export interface LayoutPlan {
  iterations: number;
  noverlap: boolean;
  barnesHut: boolean;
  /** A safety net for slow machines: the worker stops early past this (the picture then differs). */
  timeBudgetMs: number;
  /** The reader's FA2 parameters (re-run from the appearance panel); absent: the defaults below. */
  tuning?: LayoutTuning;
}

/** The two FA2 parameters Gephi users reach for first. */
export interface LayoutTuning {
  gravity: number;
  scalingRatio: number;
}

export const DEFAULT_TUNING: LayoutTuning = { gravity: 0.05, scalingRatio: 10 };

export const NOVERLAP_MAX_NODES = 5000;

export function planLayout(nodes: number, edges: number): LayoutPlan {
  const work = nodes + edges;
  const iterations = nodes <= 2000 ? 600 : Math.max(15, Math.min(600, Math.round(2_000_000 / work)));
  return {
    iterations,
    noverlap: nodes <= NOVERLAP_MAX_NODES,
    barnesHut: nodes > 2000,
    timeBudgetMs: 30_000,
  };
}

/** FA2 settings, after graphology's inferSettings, with the defaults iterate() expects spelled out. */
export function fa2Settings(nodes: number, barnesHut: boolean, tuning: LayoutTuning = DEFAULT_TUNING): Record<string, unknown> {
  return {
    linLogMode: false,
    outboundAttractionDistribution: true,
    adjustSizes: false,
    edgeWeightInfluence: 1,
    scalingRatio: tuning.scalingRatio,
    strongGravityMode: true,
    gravity: tuning.gravity,
    slowDown: 1 + Math.log(Math.max(nodes, 1)),
    barnesHutOptimize: barnesHut,
    barnesHutTheta: 0.5,
  };
}
