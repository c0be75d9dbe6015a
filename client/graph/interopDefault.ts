/**
 * CommonJS interop
 * ================
 * Some graphology add-ons ship CommonJS with an `export default` declaration. TypeScript
 * (NodeNext) and Vite disagree on what their default import is; this returns the function either way.
 */
export function interopDefault<T>(mod: unknown): T {
  const m = mod as { default?: unknown };
  return (m && typeof m === "object" && "default" in m ? m.default : mod) as T;
}
