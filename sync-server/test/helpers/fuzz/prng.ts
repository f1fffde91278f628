/** A seeded PRNG (shared's mulberry32): the same seed replays the same fuzz run, so a failure can be pinned. */
import { seededRandom } from "@aiuteur/shared";

export interface Prng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
}

export function createPrng(seed: number): Prng {
  const next = seededRandom(seed);
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: (items) => items[int(items.length)]! };
}

/** A fresh seed for an unpinned run (printed in the test name). */
export function freshSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}
