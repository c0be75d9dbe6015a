/**
 * Types for the one internal of graphology-layout-forceatlas2 the layout worker drives directly:
 * one FA2 iteration over the package's flat matrices (10 floats a node, 3 an edge).
 */
declare module "graphology-layout-forceatlas2/iterate.js" {
  export default function iterate(settings: Record<string, unknown>, nodes: Float32Array, edges: Float32Array): void;
}
