import { describe, expect, it } from "vitest";
import { renderJobId } from "@aiuteur/shared";
import { createInProcessQueue } from "../src/queue/inProcessQueue.js";
import { PermanentJobError, type QueueJobContext } from "../src/queue/types.js";
import { deferred, shotJob, waitFor } from "./jobsFixture.js";

describe("the in-process render queue", () => {
  it("runs a job once while the same id is waiting or running, and again once it finished", async () => {
    const queue = createInProcessQueue({ backoffMs: 10 });
    const release = deferred();
    const runs: unknown[] = [];
    queue.consume(async (payload) => {
      runs.push(payload);
      await release.promise;
    }, { concurrency: 1 });
    const job = shotJob();
    const id = renderJobId(job);
    await queue.add(job);
    await queue.add(job);
    await waitFor(() => runs.length === 1, "the job to start");
    await queue.add(job);
    expect(await queue.has(id)).toBe(true);
    release.resolve();
    await waitFor(async () => !(await queue.has(id)), "the job to finish");
    expect(runs).toHaveLength(1);
    await queue.add(job);
    await waitFor(() => runs.length === 2, "the re-added job to run");
    await queue.close();
  });

  it("retries a failing job with exponentially growing waits and tells the last attempt", async () => {
    const queue = createInProcessQueue({ attempts: 3, backoffMs: 40 });
    const seen: { attempt: number; final: boolean; at: number }[] = [];
    queue.consume(async (_payload, context: QueueJobContext) => {
      seen.push({ attempt: context.attempt, final: context.isFinalAttempt, at: Date.now() });
      if (context.attempt < 3) throw new Error("not yet");
    }, { concurrency: 1 });
    const job = shotJob();
    await queue.add(job);
    await waitFor(async () => seen.length === 3 && !(await queue.has(renderJobId(job))), "the third attempt to succeed");
    expect(seen.map((s) => [s.attempt, s.final])).toEqual([[1, false], [2, false], [3, true]]);
    expect(seen[1]!.at - seen[0]!.at).toBeGreaterThanOrEqual(38);
    expect(seen[2]!.at - seen[1]!.at).toBeGreaterThanOrEqual(78);
    await queue.close();
  });

  it("forgets a job that failed its last attempt, reports it, and queues it anew when added again", async () => {
    const failed: string[] = [];
    const queue = createInProcessQueue({ attempts: 2, backoffMs: 5, onFailed: (id, error) => failed.push(`${id}: ${error.message}`) });
    let runs = 0;
    queue.consume(async () => {
      runs += 1;
      throw new Error("provider down");
    }, { concurrency: 1 });
    const job = shotJob();
    const id = renderJobId(job);
    await queue.add(job);
    await waitFor(() => failed.length === 1, "the job to fail");
    expect(runs).toBe(2);
    expect(failed[0]).toBe(`${id}: provider down`);
    expect(await queue.has(id)).toBe(false);
    await queue.add(job);
    await waitFor(() => failed.length === 2, "the re-added job to fail again");
    expect(runs).toBe(4);
    await queue.close();
  });

  it("does not retry a permanent failure such as an invalid payload", async () => {
    const failed: string[] = [];
    const queue = createInProcessQueue({ attempts: 3, backoffMs: 5, onFailed: (id) => failed.push(id) });
    let runs = 0;
    queue.consume(async () => {
      runs += 1;
      throw new PermanentJobError("invalid render job");
    }, { concurrency: 1 });
    await queue.add(shotJob());
    await waitFor(() => failed.length === 1, "the job to fail");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(runs).toBe(1);
    await queue.close();
  });

  it("runs no more jobs at once than its concurrency", async () => {
    const queue = createInProcessQueue();
    let running = 0;
    let most = 0;
    let done = 0;
    queue.consume(async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 30));
      running -= 1;
      done += 1;
    }, { concurrency: 2 });
    for (let i = 0; i < 5; i += 1) await queue.add(shotJob());
    await waitFor(() => done === 5, "every job to finish");
    expect(most).toBe(2);
    await queue.close();
  });

  it("holds jobs added before a consumer exists, and gives a running job back unharmed when its consumer stops", async () => {
    const queue = createInProcessQueue({ attempts: 3, backoffMs: 5 });
    const job = shotJob();
    await queue.add(job);
    const attempts: number[] = [];
    const first = queue.consume((_payload, context) => {
      attempts.push(context.attempt);
      // Runs until aborted, like a render cut off by a shutdown.
      return new Promise((_resolve, reject) => context.signal.addEventListener("abort", () => reject(new Error("aborted"))));
    }, { concurrency: 1 });
    await waitFor(() => attempts.length === 1, "the job to start");
    await first.close();
    expect(await queue.has(renderJobId(job))).toBe(true);
    const finished = deferred();
    queue.consume(async (_payload, context) => {
      attempts.push(context.attempt);
      finished.resolve();
    }, { concurrency: 1 });
    await finished.promise;
    // The cut-off run did not count as a failed attempt.
    expect(attempts).toEqual([1, 1]);
    await queue.close();
  });

  it("tells its consumer about a final failure only once the job is gone, so a retry then queues it again", async () => {
    const queue = createInProcessQueue({ attempts: 1 });
    const job = shotJob();
    const seenAtFailure: boolean[] = [];
    let runs = 0;
    queue.consume(async () => {
      runs += 1;
      if (runs === 1) throw new Error("provider down");
    }, {
      concurrency: 1,
      onFailed: ({ id, attempts, payload }) => {
        expect([attempts, payload]).toEqual([1, job]);
        void queue.has(id).then((pending) => seenAtFailure.push(pending));
        void queue.add(job);
      },
    });
    await queue.add(job);
    await waitFor(() => runs === 2, "the retried job to run");
    expect(seenAtFailure).toEqual([false]);
    await queue.close();
  });
});
