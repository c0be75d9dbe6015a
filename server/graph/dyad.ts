/**
 * Dyads
 * =====
 * Which actors stand for each side of a dyad. Rule: in the Iran–Russia dyad the Soviet Union
 * (1917–1991) counts as Russia's side, because Karami treats the Soviet period as a stage of the
 * same relationship ("the collapse of the Soviet Union in 1991" closes the Age of Neighborhood
 * and Threat); a third party's role in Iran–USSR relations is a role in Iran–Russia relations.
 * No other substitution is made.
 */
import { CD } from "./vocabulary.ts";

export { DEFAULT_DYAD } from "../../contract/dyad.ts";

/** The actors standing for `side` when the other side is `other`. */
export function sideMembers(side: string, other: string): string[] {
  if (side === CD.Russia && other === CD.Iran) return [CD.Russia, CD.SovietUnion];
  return [side];
}

/** True when the two dyad members of a state or role are the pair (a, b), in either order. */
export function isDyad(members: readonly string[], a: string, b: string): boolean {
  if (members.length !== 2) return false;
  const [x, y] = members as [string, string];
  const sideA = sideMembers(a, b);
  const sideB = sideMembers(b, a);
  return (sideA.includes(x) && sideB.includes(y)) || (sideA.includes(y) && sideB.includes(x));
}
