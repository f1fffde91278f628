/**
 * Determinism helpers: a seed from text (the shot id) and a smooth wobble from that seed, so a handheld
 * shot shakes the same way every time it is rendered and equal input gives byte-identical frames.
 */
import { seededRandom } from "@aiuteur/shared";

/** 32-bit FNV-1a of the text. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * A smooth wobble in about [-1, 1] over time (seconds): three sines of seeded frequency and phase. Smooth,
 * unlike per-frame random jitter, so it reads as a hand-held camera rather than a broken video.
 */
export function wobble(seed: number): (seconds: number) => number {
  const random = seededRandom(seed);
  const waves = [0.7, 1.6, 3.1].map((base) => ({ freq: base * (0.8 + random() * 0.4), phase: random() * Math.PI * 2 }));
  return (t) => waves.reduce((sum, w, i) => sum + Math.sin(t * w.freq * Math.PI * 2 + w.phase) / (i + 1), 0) / 1.84;
}
