/**
 * The measured window both load generators (./generator.ts and ./thinGenerator.ts) run: typers type at the
 * plan's rate from random offsets, a warm-up, the window (only keystrokes made inside it count), then a
 * drain for the last deliveries; and the LoadResult built from what was measured.
 */
import { emit, ErrorLog, sleep } from "./childProcess.js";
import type { LoadPlan, LoadResult } from "./plan.js";
import { Samples, summarize } from "./stats.js";

export class WindowMeasurement {
  windowStart = Number.POSITIVE_INFINITY;
  windowEnd = Number.POSITIVE_INFINITY;
  /** Keystrokes made inside the window. */
  sent = 0;
  /** Deliveries those keystrokes should make. */
  expected = 0;
  readonly latencies = new Samples();
  readonly errors = new ErrorLog();

  inWindow(time: number): boolean {
    return time >= this.windowStart && time < this.windowEnd;
  }

  error(message: string): void {
    this.errors.add(message);
  }
}

export interface Typist {
  /** Makes keystroke number `seq` (and publishes the caret when `presence`). */
  type(seq: number, presence: boolean): void;
}

export async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) return false;
    await sleep(20);
  }
  return true;
}

/**
 * Types from every typist through warm-up and window (emitting window-start and window-end), then waits up
 * to plan.drainMs for the deliveries still on their way. Each keystroke should reach
 * `deliveriesPerKeystroke` clients.
 */
export async function typeThroughWindow(
  plan: LoadPlan,
  measurement: WindowMeasurement,
  typists: Typist[],
  deliveriesPerKeystroke: number,
): Promise<void> {
  const intervalMs = 1000 / (plan.charsPerSecond ?? 5);
  const presence = plan.presence ?? true;
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;
  for (const typist of typists) {
    let seq = 0;
    // Typers start at random offsets in one interval, like people who did not agree to type together.
    const start = setTimeout(() => {
      const tick = () => {
        if (stopped) return;
        if (measurement.inWindow(performance.now())) {
          measurement.sent += 1;
          measurement.expected += deliveriesPerKeystroke;
        }
        typist.type(seq++, presence);
      };
      tick();
      timers.push(setInterval(tick, intervalMs));
    }, Math.random() * intervalMs);
    timers.push(start);
  }

  await sleep(plan.warmupMs);
  measurement.windowStart = performance.now();
  emit({ type: "window-start" });
  await sleep(plan.windowMs);
  measurement.windowEnd = performance.now();
  emit({ type: "window-end" });
  stopped = true;
  for (const timer of timers) clearTimeout(timer);
  await waitUntil(() => measurement.latencies.length >= measurement.expected, plan.drainMs ?? 3000);
}

export function loadResult(
  measurement: WindowMeasurement,
  clients: { clients: number; connected: number; connectMs: number },
): LoadResult {
  return {
    ...clients,
    sent: measurement.sent,
    deliveries: measurement.latencies.length,
    expectedDeliveries: measurement.expected,
    windowMs: measurement.windowEnd - measurement.windowStart,
    latencyMs: summarize(measurement.latencies.values()),
    errors: measurement.errors.list(),
  };
}
