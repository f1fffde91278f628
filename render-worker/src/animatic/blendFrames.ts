/**
 * The cross-dissolve, drawn in JS because the bundled ffmpeg 4.1 has no xfade: a per-pixel linear blend of
 * two RGBA frames of the same size.
 */

/** `from` × (1 − amount) + `to` × amount, rounded; amount 0 gives `from`, 1 gives `to`. */
export function blendFrames(from: Uint8Array, to: Uint8Array, amount: number): Uint8Array {
  if (from.byteLength !== to.byteLength) throw new Error(`cannot blend frames of ${from.byteLength} and ${to.byteLength} bytes`);
  const out = new Uint8Array(from.byteLength);
  // Fixed point (0–256) keeps the inner loop in integers.
  const b = Math.round(Math.min(1, Math.max(0, amount)) * 256);
  const a = 256 - b;
  for (let i = 0; i < out.length; i += 1) out[i] = (from[i]! * a + to[i]! * b + 128) >> 8;
  return out;
}

/** How far into the incoming picture frame `index` of a dissolve `length` frames long is: never 0 or 1. */
export function dissolveAmount(index: number, length: number): number {
  return (index + 0.5) / length;
}
