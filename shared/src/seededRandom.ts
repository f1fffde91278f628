/**
 * mulberry32, a tiny seeded generator of numbers in [0, 1). One copy for every part: the render worker
 * draws a handheld shot's wobble from the shot's seed (equal input, byte-identical frames), and every fuzz
 * test replays a failing run from its printed seed.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
