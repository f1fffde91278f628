/**
 * Progress arrives many times a second; every write is a document update sent to every client, so only
 * steps of at least `step` percent, and not more often than every `intervalMs`, are written.
 */
export function throttleProgress(write: (percent: number) => void, { step = 5, intervalMs = 500, now = Date.now }: { step?: number; intervalMs?: number; now?: () => number } = {}): (fraction: number) => void {
  let lastPercent = -Infinity;
  let lastAt = -Infinity;
  return (fraction) => {
    const percent = Math.max(0, Math.min(100, Math.round(fraction * 100)));
    const at = now();
    if (percent - lastPercent < step || at - lastAt < intervalMs) return;
    lastPercent = percent;
    lastAt = at;
    write(percent);
  };
}
