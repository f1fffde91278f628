import { mkdtemp, mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { RenderJob } from "@aiuteur/shared";
import { createInProcessQueue } from "../src/queue/inProcessQueue.js";
import { startRenderWorker } from "../src/worker.js";
import type { RenderLog } from "../src/contract.js";
import { shotJob, waitFor } from "./jobsFixture.js";

const root = await mkdtemp(join(tmpdir(), "aiuteur-worker-"));
afterAll(() => rm(root, { recursive: true, force: true }));

/** A URL where nothing listens: every request the worker makes fails the way a down server does. */
const DEAD_SERVER = "http://127.0.0.1:9";
const secret = new TextEncoder().encode("worker-test-secret-worker-test-secret");

function recordingLog() {
  const lines: { level: string; message: string; fields: Record<string, unknown> }[] = [];
  const log: RenderLog = (level, message, fields = {}) => lines.push({ level, message, fields });
  return { lines, log };
}

describe("startRenderWorker with the in-process queue", () => {
  it("wipes leftovers of an earlier run from its work folder when it starts", async () => {
    const workDir = join(root, "leftovers");
    await mkdir(join(workDir, "shot-abc"), { recursive: true });
    await writeFile(join(workDir, "shot-abc", "frame.raw"), "partial");
    const queue = createInProcessQueue();
    const worker = await startRenderWorker({ serverUrl: DEAD_SERVER, secret, redisUrl: null, queue, workDir });
    expect(await readdir(workDir)).toEqual([]);
    await worker.close();
    await queue.close();
  });

  it("fails an invalid payload at once, without retries, and logs why", async () => {
    const workDir = join(root, "invalid");
    const { lines, log } = recordingLog();
    const failed: string[] = [];
    const queue = createInProcessQueue({ attempts: 3, backoffMs: 5, onFailed: (_id, error) => failed.push(error.message) });
    const worker = await startRenderWorker({ serverUrl: DEAD_SERVER, secret, redisUrl: null, queue, workDir, log });
    await queue.add({ type: "shot", projectId: "not an id", branchId: "main", shotId: "x", contentHash: "y" } as unknown as RenderJob);
    await waitFor(() => failed.length === 1, "the invalid job to fail");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(failed).toEqual(["invalid render job: projectId is not an id"]);
    expect(lines.filter((line) => line.message === "invalid render job payload; failed without retry")).toHaveLength(1);
    expect(lines.some((line) => line.message === "render job started")).toBe(false);
    await worker.close();
    await queue.close();
  });

  it("retries a job the server cannot answer, then gives up with the reason, removing its job folder each time", async () => {
    const workDir = join(root, "down");
    const { lines, log } = recordingLog();
    const failed: string[] = [];
    const queue = createInProcessQueue({ attempts: 2, backoffMs: 10, onFailed: (_id, error) => failed.push(error.message) });
    const worker = await startRenderWorker({ serverUrl: DEAD_SERVER, secret, redisUrl: null, queue, workDir, log });
    await queue.add(shotJob());
    await waitFor(() => failed.length === 1, "the job to fail for good");
    expect(lines.filter((line) => line.message === "render job started").map((line) => line.fields.attempt)).toEqual([1, 2]);
    expect(lines.filter((line) => line.message === "render job failed").map((line) => [line.level, line.fields.final])).toEqual([
      ["warn", false],
      ["error", true],
    ]);
    expect(failed[0]).toMatch(/fetch failed|ECONNREFUSED/);
    expect(await readdir(workDir)).toEqual([]);
    await worker.close();
    await queue.close();
  });
});
