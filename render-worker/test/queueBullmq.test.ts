import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { Queue } from "bullmq";
import { renderJobId } from "@aiuteur/shared";
import { createBullmqQueue, consumeBullmq } from "../src/queue/bullmqQueue.js";
import { PermanentJobError, type JobConsumer } from "../src/queue/types.js";
import type { RenderQueue } from "../src/contract.js";
import { deferred, shotJob, waitFor } from "./jobsFixture.js";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const opened: { name: string; queue: RenderQueue; consumer?: JobConsumer }[] = [];

/** A queue of its own per test, so runs never see each other's jobs (removed afterwards). */
function freshQueue(options: { attempts?: number; backoffMs?: number } = {}) {
  const name = `test-render-${randomUUID()}`;
  const entry: (typeof opened)[number] = { name, queue: createBullmqQueue({ redisUrl: REDIS_URL, queueName: name, ...options }) };
  opened.push(entry);
  return entry;
}

afterAll(async () => {
  for (const entry of opened) {
    await entry.consumer?.close();
    await entry.queue.close();
    const admin = new Queue(entry.name, { connection: { url: REDIS_URL } });
    await admin.obliterate({ force: true });
    await admin.close();
  }
});

describe("the BullMQ render queue (real Redis)", () => {
  it("keeps one job per id while it is waiting or active, and forgets it once completed", async () => {
    const entry = freshQueue();
    const job = shotJob();
    const id = renderJobId(job);
    await entry.queue.add(job);
    await entry.queue.add(job);
    expect(await entry.queue.has(id)).toBe(true);
    const release = deferred();
    const runs: unknown[] = [];
    entry.consumer = consumeBullmq(async (payload) => {
      runs.push(payload);
      await release.promise;
    }, { redisUrl: REDIS_URL, queueName: entry.name, concurrency: 1 });
    await waitFor(() => runs.length === 1, "the job to start");
    await entry.queue.add(job);
    expect(await entry.queue.has(id)).toBe(true);
    release.resolve();
    await waitFor(async () => !(await entry.queue.has(id)), "the job to complete");
    expect(runs).toEqual([job]);
    // Completed jobs are removed, so the same id can be queued again (the reconciler, the retry route).
    await entry.queue.add(job);
    await waitFor(() => runs.length === 2, "the re-added job to run");
  });

  it("retries with backoff, tells the last attempt, then fails with the reason", async () => {
    const entry = freshQueue({ attempts: 3, backoffMs: 100 });
    const seen: { attempt: number; final: boolean; at: number }[] = [];
    const failed: string[] = [];
    entry.consumer = consumeBullmq(async (_payload, context) => {
      seen.push({ attempt: context.attempt, final: context.isFinalAttempt, at: Date.now() });
      throw new Error("comfyui is down");
    }, { redisUrl: REDIS_URL, queueName: entry.name, concurrency: 1, onFailed: ({ id, error }) => failed.push(`${id}: ${error.message}`) });
    const job = shotJob();
    await entry.queue.add(job);
    await waitFor(() => failed.length === 1, "the job to fail for good", 20_000);
    expect(seen.map((s) => [s.attempt, s.final])).toEqual([[1, false], [2, false], [3, true]]);
    expect(seen[1]!.at - seen[0]!.at).toBeGreaterThanOrEqual(90);
    expect(seen[2]!.at - seen[1]!.at).toBeGreaterThanOrEqual(190);
    expect(failed).toEqual([`${renderJobId(job)}: comfyui is down`]);
    // Reported after BullMQ let go of the job: a retry right away queues it again.
    expect(await entry.queue.has(renderJobId(job))).toBe(false);
    await entry.queue.add(job);
    await waitFor(() => seen.length === 4, "the retried job to run");
  });

  it("fails a permanent error at once, without retries", async () => {
    const entry = freshQueue({ attempts: 3, backoffMs: 50 });
    let runs = 0;
    const failed: string[] = [];
    entry.consumer = consumeBullmq(async () => {
      runs += 1;
      throw new PermanentJobError("invalid render job: shotId is not an id");
    }, { redisUrl: REDIS_URL, queueName: entry.name, concurrency: 1, onFailed: ({ error }) => failed.push(error.message) });
    const job = shotJob();
    await entry.queue.add(job);
    await waitFor(() => failed.length === 1, "the job to fail");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(runs).toBe(1);
    expect(failed).toEqual(["invalid render job: shotId is not an id"]);
    expect(await entry.queue.has(renderJobId(job))).toBe(false);
  });

  it("gives a job back when its worker stops past the grace period, and another worker runs it as a first attempt", async () => {
    const entry = freshQueue({ attempts: 3, backoffMs: 50 });
    const job = shotJob();
    const seen: string[] = [];
    const stopped = deferred();
    // Workers of a queue share one stalled-check schedule (a Redis key), so both get the short interval.
    const first = consumeBullmq((_payload, context) => {
      seen.push(`first:${context.attempt}`);
      // A long render: it only ends when the worker aborts it.
      return new Promise((_resolve, reject) =>
        context.signal.addEventListener("abort", () => {
          stopped.resolve();
          reject(new Error("aborted"));
        }),
      );
    }, { redisUrl: REDIS_URL, queueName: entry.name, concurrency: 1, lockDurationMs: 1_000, stalledIntervalMs: 300 });
    await entry.queue.add(job);
    await waitFor(() => seen.length === 1, "the first worker to start the job");
    await first.close({ graceMs: 100 });
    await stopped.promise;
    expect(await entry.queue.has(renderJobId(job))).toBe(true);

    const finished = deferred();
    entry.consumer = consumeBullmq(async (_payload, context) => {
      seen.push(`second:${context.attempt}`);
      finished.resolve();
    }, { redisUrl: REDIS_URL, queueName: entry.name, concurrency: 1, lockDurationMs: 1_000, stalledIntervalMs: 300 });
    await finished.promise;
    expect(seen).toEqual(["first:1", "second:1"]);
  });
});
