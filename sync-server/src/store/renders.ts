/**
 * The render index: one row per shot render (project, branch, shot, content hash) and one per episode
 * animatic. The rows are the authority on what was rendered; the document mirrors are for display. The
 * reconciler creates shot rows, the render index extension keeps them in step with what the worker writes.
 */
import {
  RENDER_STATUSES,
  type AnimaticOptions,
  type AnimaticTimelineEntry,
  type RenderStatus,
  type ShotRenderArtifacts,
  type AnimaticArtifacts,
} from "@aiuteur/shared";
import { queryOne, type Database } from "../db/database.js";

export interface RenderRow {
  projectId: string;
  branchId: string;
  shotId: string;
  contentHash: string;
  status: RenderStatus;
  progress: number;
  error: string | null;
  attempts: number;
  /** Artifact keys (not URLs): routes turn them into URLs for the caller. */
  artifacts: ShotRenderArtifacts;
  provider: string | null;
  prompt: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface RenderUpdate {
  status: RenderStatus;
  progress: number;
  error?: string | null;
  attempts?: number;
  artifacts?: ShotRenderArtifacts;
  provider?: string | null;
  prompt?: string | null;
}

export interface AnimaticRow {
  projectId: string;
  branchId: string;
  episodeId: string;
  status: RenderStatus;
  progress: number;
  error: string | null;
  options: AnimaticOptions | null;
  timeline: AnimaticTimelineEntry[];
  artifacts: AnimaticArtifacts;
  updatedAt: number;
}

interface DbRenderRow {
  [key: string]: unknown;
  project_id: string;
  branch_id: string;
  shot_id: string;
  content_hash: string;
  status: string;
  progress: number;
  error: string | null;
  attempts: number;
  artifacts: string;
  provider: string | null;
  prompt: string | null;
  created_at: number;
  updated_at: number;
}

interface DbAnimaticRow {
  [key: string]: unknown;
  project_id: string;
  branch_id: string;
  episode_id: string;
  status: string;
  progress: number;
  error: string | null;
  options: string;
  timeline: string;
  artifacts: string;
  updated_at: number;
}

const asStatus = (value: string): RenderStatus =>
  (RENDER_STATUSES as readonly string[]).includes(value) ? (value as RenderStatus) : "failed";

/** A JSON column that somebody broke reads as its empty value rather than failing a request. */
function json<T>(text: string, fallback: T): T {
  try {
    const value = JSON.parse(text) as unknown;
    return (value ?? fallback) as T;
  } catch {
    return fallback;
  }
}

function renderRow(row: DbRenderRow): RenderRow {
  return {
    projectId: row.project_id,
    branchId: row.branch_id,
    shotId: row.shot_id,
    contentHash: row.content_hash,
    status: asStatus(row.status),
    progress: Number(row.progress),
    error: row.error,
    attempts: Number(row.attempts),
    artifacts: json<ShotRenderArtifacts>(row.artifacts, {}),
    provider: row.provider,
    prompt: row.prompt,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

function animaticRow(row: DbAnimaticRow): AnimaticRow {
  return {
    projectId: row.project_id,
    branchId: row.branch_id,
    episodeId: row.episode_id,
    status: asStatus(row.status),
    progress: Number(row.progress),
    error: row.error,
    options: json<AnimaticOptions | null>(row.options, null),
    timeline: json<AnimaticTimelineEntry[]>(row.timeline, []),
    artifacts: json<AnimaticArtifacts>(row.artifacts, {}),
    updatedAt: Number(row.updated_at),
  };
}

const RENDER_COLUMNS =
  "project_id, branch_id, shot_id, content_hash, status, progress, error, attempts, artifacts, provider, prompt, created_at, updated_at";

export class RenderStore {
  constructor(private readonly db: Database) {}

  /** The row of one content hash, or undefined. */
  async get(projectId: string, branchId: string, shotId: string, contentHash: string): Promise<RenderRow | undefined> {
    const row = await queryOne<DbRenderRow>(
      this.db,
      `SELECT ${RENDER_COLUMNS} FROM renders WHERE project_id = $1 AND branch_id = $2 AND shot_id = $3 AND content_hash = $4`,
      [projectId, branchId, shotId, contentHash],
    );
    return row && renderRow(row);
  }

  /** Inserts a queued row unless one exists for this hash; answers the row as it now is. */
  async ensureQueued(projectId: string, branchId: string, shotId: string, contentHash: string): Promise<RenderRow> {
    const now = Date.now();
    await this.db.execute(
      `INSERT INTO renders (project_id, branch_id, shot_id, content_hash, status, progress, attempts, artifacts, created_at, updated_at)
       VALUES ($1, $2, $3, $4, 'queued', 0, 0, '{}', $5, $5)
       ON CONFLICT (project_id, branch_id, shot_id, content_hash) DO NOTHING`,
      [projectId, branchId, shotId, contentHash, now],
    );
    const row = await this.get(projectId, branchId, shotId, contentHash);
    if (!row) throw new Error(`The render row of ${shotId}/${contentHash} vanished as it was made`);
    return row;
  }

  /** Every render of a shot on a branch, newest first. */
  async ofShot(projectId: string, branchId: string, shotId: string): Promise<RenderRow[]> {
    const rows = await this.db.query<DbRenderRow>(
      `SELECT ${RENDER_COLUMNS} FROM renders WHERE project_id = $1 AND branch_id = $2 AND shot_id = $3
       ORDER BY created_at DESC, updated_at DESC, content_hash`,
      [projectId, branchId, shotId],
    );
    return rows.map(renderRow);
  }

  async failed(projectId: string, branchId: string): Promise<RenderRow[]> {
    const rows = await this.db.query<DbRenderRow>(
      `SELECT ${RENDER_COLUMNS} FROM renders WHERE project_id = $1 AND status = 'failed' AND branch_id = $2
       ORDER BY updated_at DESC, shot_id`,
      [projectId, branchId],
    );
    return rows.map(renderRow);
  }

  /** Writes what the worker reported; false when there is no such row (a hash the server never queued). */
  async update(projectId: string, branchId: string, shotId: string, contentHash: string, change: RenderUpdate): Promise<boolean> {
    const changed = await this.db.execute(
      `UPDATE renders SET status = $5, progress = $6, error = $7, attempts = COALESCE($8, attempts),
         artifacts = COALESCE($9, artifacts), provider = COALESCE($10, provider), prompt = COALESCE($11, prompt), updated_at = $12
       WHERE project_id = $1 AND branch_id = $2 AND shot_id = $3 AND content_hash = $4`,
      [
        projectId,
        branchId,
        shotId,
        contentHash,
        change.status,
        Math.round(change.progress),
        change.error ?? null,
        change.attempts ?? null,
        change.artifacts ? JSON.stringify(change.artifacts) : null,
        change.provider ?? null,
        change.prompt ?? null,
        Date.now(),
      ],
    );
    return changed > 0;
  }

  /** A failed render back to queued with no attempts; false when the row is not failed. */
  async retry(projectId: string, branchId: string, shotId: string, contentHash: string): Promise<boolean> {
    const changed = await this.db.execute(
      `UPDATE renders SET status = 'queued', progress = 0, error = NULL, attempts = 0, updated_at = $5
       WHERE project_id = $1 AND branch_id = $2 AND shot_id = $3 AND content_hash = $4 AND status = 'failed'`,
      [projectId, branchId, shotId, contentHash, Date.now()],
    );
    return changed > 0;
  }

  async animatic(projectId: string, branchId: string, episodeId: string): Promise<AnimaticRow | undefined> {
    const row = await queryOne<DbAnimaticRow>(
      this.db,
      `SELECT project_id, branch_id, episode_id, status, progress, error, options, timeline, artifacts, updated_at
       FROM animatics WHERE project_id = $1 AND branch_id = $2 AND episode_id = $3`,
      [projectId, branchId, episodeId],
    );
    return row && animaticRow(row);
  }

  /** Records that an animatic was asked for: queued, with its options; the last result's files stay. */
  async queueAnimatic(projectId: string, branchId: string, episodeId: string, options: AnimaticOptions): Promise<void> {
    const now = Date.now();
    await this.db.execute(
      `INSERT INTO animatics (project_id, branch_id, episode_id, status, progress, error, options, timeline, artifacts, updated_at)
       VALUES ($1, $2, $3, 'queued', 0, NULL, $4, '[]', '{}', $5)
       ON CONFLICT (project_id, branch_id, episode_id)
       DO UPDATE SET status = 'queued', progress = 0, error = NULL, options = $4, updated_at = $5`,
      [projectId, branchId, episodeId, JSON.stringify(options), now],
    );
  }

  async updateAnimatic(
    projectId: string,
    branchId: string,
    episodeId: string,
    change: { status: RenderStatus; progress: number; error?: string | null; timeline?: AnimaticTimelineEntry[]; artifacts?: AnimaticArtifacts },
  ): Promise<void> {
    const now = Date.now();
    await this.db.execute(
      `INSERT INTO animatics (project_id, branch_id, episode_id, status, progress, error, options, timeline, artifacts, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, '{}', COALESCE($7, '[]'), COALESCE($8, '{}'), $9)
       ON CONFLICT (project_id, branch_id, episode_id)
       DO UPDATE SET status = $4, progress = $5, error = $6, timeline = COALESCE($7, animatics.timeline),
         artifacts = COALESCE($8, animatics.artifacts), updated_at = $9`,
      [
        projectId,
        branchId,
        episodeId,
        change.status,
        Math.round(change.progress),
        change.error ?? null,
        change.timeline ? JSON.stringify(change.timeline) : null,
        change.artifacts ? JSON.stringify(change.artifacts) : null,
        now,
      ],
    );
  }
}
