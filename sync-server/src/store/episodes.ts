import type { EpisodeInfo } from "@aiuteur/shared";
import { beatsDocumentName, notesDocumentName, scriptDocumentName } from "@aiuteur/shared";
import { queryOne, type Database, type Queryable } from "../db/database.js";

interface EpisodeRow {
  [key: string]: unknown;
  id: string;
  title: string;
  project_id: string;
}

export function episodeInfo(projectId: string, row: { id: string; title: string }): EpisodeInfo {
  return {
    id: row.id,
    title: row.title,
    documents: {
      script: scriptDocumentName(projectId, row.id),
      beats: beatsDocumentName(projectId, row.id),
      notes: notesDocumentName(projectId, "script", row.id),
    },
  };
}

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

  async list(projectId: string): Promise<EpisodeInfo[]> {
    const rows = await this.db.query<EpisodeRow>(
      "SELECT id, title, project_id FROM episodes WHERE project_id = $1 ORDER BY position, id",
      [projectId],
    );
    return rows.map((row) => episodeInfo(projectId, row));
  }

  async get(projectId: string, episodeId: string): Promise<EpisodeInfo | undefined> {
    const row = await queryOne<EpisodeRow>(
      this.db,
      "SELECT id, title, project_id FROM episodes WHERE project_id = $1 AND id = $2",
      [projectId, episodeId],
    );
    return row && episodeInfo(projectId, row);
  }
}
