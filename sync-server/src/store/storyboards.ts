/**
 * Scene storyboards and shots as rows. The documents themselves live in `documents`; these rows say which
 * episode a scene and a shot belong to, so a scene whose heading was deleted (an orphan) keeps its
 * storyboard and shots, and a shot id alone finds its documents.
 *
 * Registration is idempotent (INSERT … ON CONFLICT DO NOTHING): the scene list, the script watcher and
 * shot creation may all register the same scene at once, on several server instances.
 *
 * Rows are shared by every branch (a scene or a shot has one id on every branch); which storyboards and
 * shots a branch has is which of their documents exist in its namespace. A shot created on a branch has
 * documents there only, until the branch is merged.
 */
import type { ShotInfo } from "@aiuteur/shared";
import { MAIN_BRANCH, notesDocumentName, shotDocumentName, storyboardDocumentName } from "@aiuteur/shared";
import { queryOne, type Database, type Queryable } from "../db/database.js";
import type { DocumentStore } from "./documents.js";
import { branchPrefix } from "../branches/namespace.js";

interface ShotRow {
  [key: string]: unknown;
  id: string;
  project_id: string;
  episode_id: string;
  scene_id: string;
}

export function shotInfo(row: ShotRow, branchId = MAIN_BRANCH): ShotInfo {
  return {
    id: row.id,
    sceneId: row.scene_id,
    episodeId: row.episode_id,
    documents: {
      shot: shotDocumentName(row.project_id, row.id, branchId),
      notes: notesDocumentName(row.project_id, "shot", row.id, branchId),
    },
  };
}

/** Shots whose shot document exists on the branch ($2: the branch's shot-name prefix). */
const SHOTS_ON_BRANCH = `SELECT s.id, s.project_id, s.episode_id, s.scene_id FROM shots s
  JOIN documents d ON d.name = CAST($2 AS TEXT) || s.id`;

function shotPrefix(projectId: string, branchId: string): string {
  return `${branchPrefix(projectId, branchId)}shot/`;
}

export class StoryboardStore {
  constructor(
    private readonly db: Database,
    private readonly documents: DocumentStore,
  ) {}

  /**
   * Makes sure each scene has a storyboard row and its storyboard and notes documents on `branchId`. A
   * scene already registered (to this episode or, by a pasted heading, another one) keeps its first episode.
   */
  async registerScenes(projectId: string, episodeId: string, sceneIds: readonly string[], branchId = MAIN_BRANCH): Promise<void> {
    if (sceneIds.length === 0) return;
    const now = Date.now();
    await this.db.transaction(async (tx) => {
      for (const sceneId of sceneIds) {
        await tx.execute(
          `INSERT INTO storyboards (project_id, scene_id, episode_id, created_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (project_id, scene_id) DO NOTHING`,
          [projectId, sceneId, episodeId, now],
        );
        await this.documents.register(tx, storyboardDocumentName(projectId, sceneId, branchId), projectId, "storyboard");
        await this.documents.register(tx, notesDocumentName(projectId, "storyboard", sceneId, branchId), projectId, "notes");
      }
    });
  }

  /** The episode a scene's storyboard belongs to, or undefined when the scene was never registered. */
  async episodeOfScene(projectId: string, sceneId: string): Promise<string | undefined> {
    const row = await queryOne<{ episode_id: string }>(
      this.db,
      "SELECT episode_id FROM storyboards WHERE project_id = $1 AND scene_id = $2",
      [projectId, sceneId],
    );
    return row?.episode_id;
  }

  /** Records a new shot: its row and its documents on `branchId` (the shot's initial state, an empty notes document). */
  async insertShot(
    tx: Queryable,
    shot: { id: string; projectId: string; episodeId: string; sceneId: string; createdBy: string; state: Uint8Array },
    branchId = MAIN_BRANCH,
  ): Promise<ShotInfo> {
    const now = Date.now();
    await tx.execute(
      "INSERT INTO shots (id, project_id, episode_id, scene_id, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
      [shot.id, shot.projectId, shot.episodeId, shot.sceneId, shot.createdBy, now],
    );
    const info = shotInfo({ id: shot.id, project_id: shot.projectId, episode_id: shot.episodeId, scene_id: shot.sceneId }, branchId);
    await tx.execute(
      `INSERT INTO documents (name, project_id, kind, state, state_version, created_at, updated_at)
       VALUES ($1, $2, 'shot', $3, 1, $4, $4)`,
      [info.documents.shot, shot.projectId, shot.state, now],
    );
    await this.documents.register(tx, info.documents.notes, shot.projectId, "notes");
    return info;
  }

  /** A shot that exists on `branchId`. */
  async shot(projectId: string, shotId: string, branchId = MAIN_BRANCH): Promise<ShotInfo | undefined> {
    const row = await queryOne<ShotRow>(this.db, `${SHOTS_ON_BRANCH} WHERE s.project_id = $1 AND s.id = $3`, [
      projectId,
      shotPrefix(projectId, branchId),
      shotId,
    ]);
    return row && shotInfo(row, branchId);
  }

  /** Every shot of an episode on `branchId`, including those of orphaned scenes, oldest first. */
  async shotsOfEpisode(projectId: string, episodeId: string, branchId = MAIN_BRANCH): Promise<ShotInfo[]> {
    const rows = await this.db.query<ShotRow>(
      `${SHOTS_ON_BRANCH} WHERE s.project_id = $1 AND s.episode_id = $3 ORDER BY s.created_at, s.id`,
      [projectId, shotPrefix(projectId, branchId), episodeId],
    );
    return rows.map((row) => shotInfo(row, branchId));
  }
}
