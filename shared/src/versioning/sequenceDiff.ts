/**
 * A shortest edit script between two sequences (Myers, "An O(ND) Difference Algorithm and Its Variations",
 * 1986, the linear-space variant that recurses on the middle snake).
 *
 * Why this and not a plain LCS table: versions of a script are mostly equal, so D (the number of edits) is
 * small and the cost O((N+M)·D) is close to linear; the common prefix and suffix of every sub-range are
 * trimmed first, so an unchanged 120-page script costs one pass. Memory stays O(N+M) even for two scripts
 * that share nothing.
 */

export type EditKind = "equal" | "removed" | "added";

/** One step of the script: `before` indexes the first sequence (equal, removed), `after` the second (equal, added). */
export interface Edit {
  kind: EditKind;
  before: number;
  after: number;
}

type Same = (beforeIndex: number, afterIndex: number) => boolean;

interface Snake {
  /** Where the snake (a run of equal items) starts and ends, relative to the sub-range. */
  x: number;
  y: number;
  u: number;
  v: number;
}

/**
 * The edits turning `before` into `after`, in order: equal items in both orders, removals and additions
 * between them (removals of a gap before its additions). `same` compares items (=== by default).
 */
export function sequenceDiff<T>(before: readonly T[], after: readonly T[], same: (a: T, b: T) => boolean = Object.is): Edit[] {
  const edits: Edit[] = [];
  const sameAt: Same = (i, j) => same(before[i] as T, after[j] as T);
  diffRange(sameAt, 0, before.length, 0, after.length, edits);
  return orderGaps(edits);
}

function diffRange(same: Same, aLo: number, aHi: number, bLo: number, bHi: number, edits: Edit[]): void {
  while (aLo < aHi && bLo < bHi && same(aLo, bLo)) edits.push({ kind: "equal", before: aLo++, after: bLo++ });
  const suffix: Edit[] = [];
  while (aLo < aHi && bLo < bHi && same(aHi - 1, bHi - 1)) suffix.push({ kind: "equal", before: --aHi, after: --bHi });
  if (aLo === aHi) {
    for (let j = bLo; j < bHi; j++) edits.push({ kind: "added", before: aLo, after: j });
  } else if (bLo === bHi) {
    for (let i = aLo; i < aHi; i++) edits.push({ kind: "removed", before: i, after: bLo });
  } else {
    // Both sides are non-empty and differ at both ends, so at least two edits remain and each half below
    // has fewer: the recursion always ends.
    const snake = middleSnake(same, aLo, aHi, bLo, bHi);
    diffRange(same, aLo, aLo + snake.x, bLo, bLo + snake.y, edits);
    for (let k = 0; k < snake.u - snake.x; k++) edits.push({ kind: "equal", before: aLo + snake.x + k, after: bLo + snake.y + k });
    diffRange(same, aLo + snake.u, aHi, bLo + snake.v, bHi, edits);
  }
  for (let k = suffix.length - 1; k >= 0; k--) edits.push(suffix[k]!);
}

/** The middle snake of an optimal path: searched from both ends at once until the two searches meet. */
function middleSnake(same: Same, aLo: number, aHi: number, bLo: number, bHi: number): Snake {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const delta = n - m;
  const odd = (delta & 1) !== 0;
  const limit = Math.ceil((n + m) / 2);
  const offset = limit + 1;
  // forward[k]: furthest x reached on diagonal k (x − y = k) from the start; backward[k]: furthest
  // distance from the end on diagonal k of the reversed problem, where reversed k = delta − forward k.
  const forward = new Int32Array(2 * offset + 1);
  const backward = new Int32Array(2 * offset + 1);
  for (let d = 0; d <= limit; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && forward[offset + k - 1]! < forward[offset + k + 1]!) ? forward[offset + k + 1]! : forward[offset + k - 1]! + 1;
      let y = x - k;
      const x0 = x;
      const y0 = y;
      while (x < n && y < m && same(aLo + x, bLo + y)) {
        x++;
        y++;
      }
      forward[offset + k] = x;
      const reversed = delta - k;
      if (odd && reversed >= -(d - 1) && reversed <= d - 1 && x + backward[offset + reversed]! >= n) {
        return { x: x0, y: y0, u: x, v: y };
      }
    }
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && backward[offset + k - 1]! < backward[offset + k + 1]!) ? backward[offset + k + 1]! : backward[offset + k - 1]! + 1;
      let y = x - k;
      const x0 = x;
      const y0 = y;
      while (x < n && y < m && same(aHi - 1 - x, bHi - 1 - y)) {
        x++;
        y++;
      }
      backward[offset + k] = x;
      const straight = delta - k;
      if (!odd && straight >= -d && straight <= d && x + forward[offset + straight]! >= n) {
        return { x: n - x, y: m - y, u: n - x0, v: m - y0 };
      }
    }
  }
  // Unreachable: the searches meet by d = ceil((n + m) / 2).
  throw new Error("sequenceDiff: the forward and backward searches did not meet");
}

/** Within each run of edits between two equal items, removals first, then additions (each in order). */
function orderGaps(edits: Edit[]): Edit[] {
  const ordered: Edit[] = [];
  let added: Edit[] = [];
  for (const edit of edits) {
    if (edit.kind === "added") {
      added.push(edit);
      continue;
    }
    if (edit.kind === "equal" && added.length > 0) {
      ordered.push(...added);
      added = [];
    }
    ordered.push(edit);
  }
  ordered.push(...added);
  return ordered;
}
