/** Valid render jobs for the queue tests (ids follow shared's ID_PATTERN). */
import type { ShotRenderJob } from "@aiuteur/shared";

let counter = 0;

/** A distinct shot job per call, unless `hash` repeats one. */
export function shotJob(hash?: string): ShotRenderJob {
  counter += 1;
  return {
    type: "shot",
    projectId: "projectaaaaaaaaa",
    branchId: "main",
    shotId: "shotaaaaaaaaaaaa",
    contentHash: hash ?? (counter.toString(16).padStart(4, "0") + "0123456789abcdef").slice(0, 16),
  };
}

export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
