/**
 * Seeded placement
 * ================
 * The starting positions ForceAtlas2 begins from. Each node's place comes from a PRNG seeded by
 * a hash of its own key, so the same data always gives the same picture, and adding one node
 * does not reshuffle all the others.
 */

/** mulberry32: a tiny, good-enough 32-bit PRNG. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over UTF-16 code units. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A point in a disc whose radius grows with the node count, so density is the same at any size. */
export function seededPosition(key: string, nodeCount: number, seed = 1828): { x: number; y: number } {
  const random = mulberry32(hashString(key) ^ seed);
  const radius = 10 * Math.sqrt(Math.max(nodeCount, 1));
  const angle = random() * 2 * Math.PI;
  const distance = radius * Math.sqrt(random());
  return { x: distance * Math.cos(angle), y: distance * Math.sin(angle) };
}
