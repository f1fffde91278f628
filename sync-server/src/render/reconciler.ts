/**
 * Makes sure every locked shot has a render for its current content (issue 5): at start-up for every
 * project, and after every lock, unlock or invalidation in a project. For each locked shot it computes the
 * content hash, records a queued `renders` row if that hash has none, and queues the job when the row is
 * queued or rendering but the queue has no such job: a lost in-process queue, a restarted Redis or a crashed
 * worker loses no render. A done row whose files are there is reused; a failed one waits for a retry.
 *
 * Every instance runs it; the queue's job id (one per shot and hash) keeps duplicates out. Passes of one
 * project run one after another; asking again while one runs schedules one more pass, not one per ask.
 */
import {
  renderJobId,
  parseDocumentName,
  SHOT_ARTIFACT_FILES,
  type ShotRenderJob,
} from "@aiuteur/shared";
import type { Services } from "../services.js";
import { ensureRenderDocument } from "./renderDocument.js";
import { PlacementCache, shotRenderState } from "./shotRenderState.js";

interface ProjectPass {
  running: Promise<void>;
  again: boolean;
}

export interface ReconcileSummary {
  locked: number;
  queued: number;
  reused: number;
}

export class RenderReconciler {
  private readonly passes = new Map<string, ProjectPass>();

  constructor(private readonly services: Services) {}

  /** Reconciles one project, or every project; resolves when the pass (and any pass it asked for) is done. */
  async reconcile(projectId?: string): Promise<void> {
    if (projectId === undefined) {
      for (const id of await this.services.projects.allIds()) await this.reconcile(id);
      return;
    }
    const current = this.passes.get(projectId);
    if (current) {
      current.again = true;
      return current.running;
    }
    const pass: ProjectPass = { running: Promise.resolve(), again: false };
    pass.running = (async () => {
      try {
        do {
          pass.again = false;
          await this.reconcileProject(projectId);
        } while (pass.again);
      } finally {
        this.passes.delete(projectId);
      }
    })();
    this.passes.set(projectId, pass);
    return pass.running;
  }

  /** Reconciles in the background (after a lock change): errors are logged, never thrown at the caller. */
  schedule(projectId?: string): void {
    this.reconcile(projectId).catch((error: unknown) => this.services.log.error("render.reconcile-failed", { projectId, error }));
  }

  /** Resolves when no pass is running (the server waits for this before it closes storage). */
  async idle(): Promise<void> {
    while (this.passes.size > 0) await Promise.allSettled([...this.passes.values()].map((pass) => pass.running));
  }

  /** One pass over a project's locked shots. */
  async reconcileProject(projectId: string): Promise<ReconcileSummary> {
    const { services } = this;
    const settings = await services.projects.renderSettings(projectId);
    const summary: ReconcileSummary = { locked: 0, queued: 0, reused: 0 };
    if (!settings) return summary;
    const cache = new PlacementCache(services);
    const locks = (await services.locks.list(projectId)).filter((lock) => lock.kind === "shot" && lock.status === "locked");
    for (const lock of locks) {
      const name = parseDocumentName(lock.document);
      if (!name || name.kind !== "shot") continue;
      try {
        const state = await shotRenderState(services, projectId, name.branchId, name.id, settings, cache);
        if (!state?.locked) continue;
        summary.locked += 1;
        // The worker mirrors progress into the episode's render document: it must exist to be opened.
        await ensureRenderDocument(services, projectId, name.branchId, state.episode.id);
        const job: ShotRenderJob = { type: "shot", projectId, branchId: name.branchId, shotId: name.id, contentHash: state.contentHash };
        if (await this.ensureJob(job)) summary.queued += 1;
        else summary.reused += 1;
      } catch (error) {
        services.log.error("render.reconcile-shot-failed", { document: lock.document, error });
      }
    }
    return summary;
  }

  /** Records the render and queues its job when needed; false when a finished render is reused or it failed. */
  async ensureJob(job: ShotRenderJob): Promise<boolean> {
    const { services } = this;
    let row = await services.renders.ensureQueued(job.projectId, job.branchId, job.shotId, job.contentHash);
    if (row.status === "failed") return false;
    if (row.status === "done") {
      const clip = row.artifacts.mp4 ?? row.artifacts.webm ?? `shots/${job.contentHash}/${SHOT_ARTIFACT_FILES.mp4}`;
      if (await services.artifacts.head(job.projectId, clip)) return false;
      // The files are gone (a wiped artifact folder): render again.
      await services.renders.update(job.projectId, job.branchId, job.shotId, job.contentHash, { status: "queued", progress: 0, error: null, attempts: 0 });
      row = { ...row, status: "queued" };
    }
    if (await services.renderQueue.has(renderJobId(job))) return false;
    await services.renderQueue.add(job);
    services.log.info("render.queued", { projectId: job.projectId, branchId: job.branchId, shotId: job.shotId, contentHash: job.contentHash, status: row.status });
    return true;
  }
}
