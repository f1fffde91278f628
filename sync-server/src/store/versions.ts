/**
 * Saved versions: full document states (Y.encodeStateAsUpdate) with a label, an author and why they were
 * recorded. Listing never reads the states; `state` reads one.
 */
import type { VersionInfo, VersionKind } from "@aiuteur/shared";
import { newId } from "@aiuteur/shared";
import { queryOne, type Database, type Queryable } from "../db/database.js";

interface VersionRow {
  [key: string]: unknown;
  id: string;
  label: string;
  kind: VersionKind;
  author_id: string | null;
  display_name: string | null;
  created_at: number | string;
}

export interface NewVersion {
  projectId: string;
  documentName: string;
  kind: VersionKind;
  label: string;
  authorId: string | null;
  state: Uint8Array;
}

function versionInfo(row: VersionRow): VersionInfo {
  return {
    id: row.id,
    label: row.label,
    kind: row.kind,
    author: row.author_id && row.display_name !== null ? { id: row.author_id, displayName: row.display_name } : null,
    createdAt: Number(row.created_at),
  };
}

export class VersionStore {
  constructor(private readonly db: Database) {}

  /** Records a version; pass `tx` to make it part of a larger change (a lock, a merge). */
  async create(version: NewVersion, tx: Queryable = this.db): Promise<VersionInfo> {
    const id = newId();
    const now = Date.now();
    await tx.execute(
      `INSERT INTO versions (id, project_id, document_name, kind, label, author_id, state, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, version.projectId, version.documentName, version.kind, version.label, version.authorId, version.state, now],
    );
    const author = version.authorId
      ? await queryOne<{ display_name: string }>(tx, "SELECT display_name FROM users WHERE id = $1", [version.authorId])
      : undefined;
    return {
      id,
      label: version.label,
      kind: version.kind,
      author: version.authorId && author ? { id: version.authorId, displayName: author.display_name } : null,
      createdAt: now,
    };
  }

  /** A document's versions, newest first. */
  async list(documentName: string): Promise<VersionInfo[]> {
    const rows = await this.db.query<VersionRow>(
      `SELECT v.id, v.label, v.kind, v.author_id, u.display_name, v.created_at
       FROM versions v LEFT JOIN users u ON u.id = v.author_id
       WHERE v.document_name = $1 ORDER BY v.created_at DESC, v.id DESC`,
      [documentName],
    );
    return rows.map(versionInfo);
  }

  /** One version with its state, only when it belongs to `documentName`. */
  async get(documentName: string, versionId: string): Promise<(VersionInfo & { state: Uint8Array }) | undefined> {
    const row = await queryOne<VersionRow & { state: Uint8Array }>(
      this.db,
      `SELECT v.id, v.label, v.kind, v.author_id, u.display_name, v.created_at, v.state
       FROM versions v LEFT JOIN users u ON u.id = v.author_id
       WHERE v.document_name = $1 AND v.id = $2`,
      [documentName, versionId],
    );
    return row && { ...versionInfo(row), state: new Uint8Array(row.state) };
  }

  /** A version by id anywhere in a project (a branch may be forked from any document's version). */
  async byId(projectId: string, versionId: string): Promise<(VersionInfo & { documentName: string; state: Uint8Array }) | undefined> {
    const row = await queryOne<VersionRow & { state: Uint8Array; document_name: string }>(
      this.db,
      `SELECT v.id, v.label, v.kind, v.author_id, u.display_name, v.created_at, v.state, v.document_name
       FROM versions v LEFT JOIN users u ON u.id = v.author_id
       WHERE v.project_id = $1 AND v.id = $2`,
      [projectId, versionId],
    );
    return row && { ...versionInfo(row), documentName: row.document_name, state: new Uint8Array(row.state) };
  }

  /** When the newest version of a document was recorded (0 when it has none): the periodic versions use it. */
  async latestAt(documentName: string, tx: Queryable = this.db): Promise<number> {
    const row = await queryOne<{ at: number | string | null }>(
      tx,
      "SELECT MAX(created_at) AS at FROM versions WHERE document_name = $1",
      [documentName],
    );
    return Number(row?.at ?? 0);
  }

  /** The state of a document's newest version, if it has any. */
  async newestState(documentName: string): Promise<Uint8Array | undefined> {
    const row = await queryOne<{ state: Uint8Array }>(
      this.db,
      "SELECT state FROM versions WHERE document_name = $1 ORDER BY created_at DESC, id DESC LIMIT 1",
      [documentName],
    );
    return row && new Uint8Array(row.state);
  }

  /**
   * Records `version` unless its document already has a version newer than `since`; null when it had one,
   * or when the document no longer exists. Instances racing for the same document decide one after the
   * other: touching the document's row holds its write lock (PostgreSQL; SQLite runs one writer at a time)
   * until commit, and the check that follows then sees what the other instance committed.
   */
  async createUnlessNewerThan(version: NewVersion, since: number): Promise<VersionInfo | null> {
    return this.db.transaction(async (tx) => {
      const exists = await tx.execute("UPDATE documents SET updated_at = updated_at WHERE name = $1", [version.documentName]);
      if (exists === 0 || (await this.latestAt(version.documentName, tx)) > since) return null;
      return this.create(version, tx);
    });
  }
}
