/**
 * Where a caret at `position` ends up after a change described by a Yjs text delta: text inserted before
 * it pushes it right, text deleted before it pulls it left (never past the start of the deletion). An
 * insert exactly at the caret leaves the caret before it, so a colleague typing where we stand does not
 * drag our caret along.
 */
export type TextDelta = readonly { insert?: unknown; retain?: number; delete?: number }[];

export function shiftThroughDelta(position: number, delta: TextDelta): number {
  let index = 0;
  let result = position;
  for (const op of delta) {
    if (op.retain !== undefined) {
      index += op.retain;
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === "string" ? op.insert.length : 1;
      if (index < result) result += length;
      index += length;
    } else if (op.delete !== undefined) {
      if (index < result) result -= Math.min(op.delete, result - index);
    }
    if (index > result) break;
  }
  return result;
}
