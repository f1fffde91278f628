import type { EpisodeInfo } from "@aiuteur/shared";
import { beatsDocumentName, MAIN_BRANCH, notesDocumentName, scriptDocumentName } from "@aiuteur/shared";
import { queryOne, type Database, type Queryable } from "../db/database.js";
import { branchPrefix } from "../branches/namespace.js";

interface EpisodeRow {
  [key: string]: unknown;
  id: string;
  title: string;
  project_id: string;
}

/** An episode as seen on one branch: the same id and title everywhere, that branch's documents. */
export function episodeInfo(projectId: string, row: { id: string; title: string }, branchId = MAIN_BRANCH): EpisodeInfo {
  return {
    id: row.id,
    title: row.title,
    documents: {
      script: scriptDocumentName(projectId, row.id, branchId),
      beats: beatsDocumentName(projectId, row.id, branchId),
      notes: notesDocumentName(projectId, "script", row.id, branchId),
    },
  };
}

/**
 * Episode rows are shared by every branch; an episode exists on a branch when its script document does
 * there (one created on a branch appears in the parent when the branch is merged).
 */
const ON_BRANCH = "JOIN documents d ON d.name = CAST($2 AS TEXT) || e.id";

export class EpisodeStore {
  constructor(private readonly db: Database) {}

  async insert(tx: Queryable, projectId: string, id: string, title: string, userId: string): Promise<void> {
    const last = await tx.query<{ position: number | null }>(
      "SELECT MAX(position) AS position FROM episodes WHERE project_id = $1",
      [projectId],
    );
    const position = Number(last[0]?.position ?? 0) + 1;
    await tx.execute(
      "INSERT INTO episodes (id, project_id, title, position, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
      [id, projectId, title, position, userId, Date.now()],
    );
  }

  async list(projectId: string, branchId = MAIN_BRANCH): Promise<EpisodeInfo[]> {
    const rows = await this.db.query<EpisodeRow>(
      `SELECT e.id, e.title, e.project_id FROM episodes e ${ON_BRANCH}
       WHERE e.project_id = $1 ORDER BY e.position, e.id`,
      [projectId, scriptPrefix(projectId, branchId)],
    );
    return rows.map((row) => episodeInfo(projectId, row, branchId));
  }

  async get(projectId: string, episodeId: string, branchId = MAIN_BRANCH): Promise<EpisodeInfo | undefined> {
    const row = await queryOne<EpisodeRow>(
      this.db,
      `SELECT e.id, e.title, e.project_id FROM episodes e ${ON_BRANCH}
       WHERE e.project_id = $1 AND e.id = $3`,
      [projectId, scriptPrefix(projectId, branchId), episodeId],
    );
    return row && episodeInfo(projectId, row, branchId);
  }
}

function scriptPrefix(projectId: string, branchId: string): string {
  return `${branchPrefix(projectId, branchId)}script/`;
}
