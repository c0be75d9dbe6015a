/**
 * The default dyad
 * ================
 * The relationship the article is about, Iran–Russia: the timeline, the third-party lens and the
 * figures start from it when no other pair is asked for.
 */
import { NS } from "./namespaces.ts";

export const DEFAULT_DYAD: readonly [a: string, b: string] = [`${NS.cd}Iran`, `${NS.cd}Russia`];
