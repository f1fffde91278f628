/**
 * Locks as rows (the authority), their event history, and the per-scene baselines of locked scripts.
 * Owned by the locks work of issue 4; see docs/api.md "Locks".
 *
 * A row exists while a document is locked or invalidated; unlocking deletes it. Every change of state is
 * also an event row (who, when, why), which outlives the lock.
 */
import type { LockableKind, LockEvent, LockEventAction, LockInfo, LockStatus } from "@aiuteur/shared";
import { queryOne, type Database, type Queryable } from "../db/database.js";

interface LockRow {
  [key: string]: unknown;
  document_name: string;
  branch_id: string;
  kind: LockableKind;
  status: LockStatus;
  locked_by: string;
  display_name: string;
  locked_at: number | string;
  reason: string | null;
}

interface EventRow {
  [key: string]: unknown;
  document_name: string;
  action: LockEventAction;
  user_id: string | null;
  display_name: string | null;
  reason: string | null;
  created_at: number | string;
}

const SELECT_LOCK = `SELECT l.document_name, l.branch_id, l.kind, l.status, l.locked_by, u.display_name, l.locked_at, l.reason
  FROM locks l JOIN users u ON u.id = l.locked_by`;

function lockInfo(row: LockRow): LockInfo {
  const info: LockInfo = {
    document: row.document_name,
    kind: row.kind,
    branchId: row.branch_id,
    status: row.status,
    lockedBy: { id: row.locked_by, displayName: row.display_name },
    lockedAt: Number(row.locked_at),
  };
  if (row.reason) info.reason = row.reason;
  return info;
}

function lockEvent(row: EventRow): LockEvent {
  const event: LockEvent = {
    document: row.document_name,
    action: row.action,
    by: row.user_id && row.display_name !== null ? { id: row.user_id, displayName: row.display_name } : null,
    at: Number(row.created_at),
  };
  if (row.reason) event.reason = row.reason;
  return event;
}

export interface LockTarget {
  documentName: string;
  projectId: string;
  branchId: string;
  kind: LockableKind;
}

export interface NewLockEvent {
  projectId: string;
  documentName: string;
  action: LockEventAction;
  userId: string | null;
  reason?: string;
  at: number;
}

export class LockStore {
  constructor(readonly db: Database) {}

  async get(documentName: string, tx: Queryable = this.db): Promise<LockInfo | undefined> {
    const row = await queryOne<LockRow>(tx, `${SELECT_LOCK} WHERE l.document_name = $1`, [documentName]);
    return row && lockInfo(row);
  }

  /** The locks of a project, of one branch or of all; oldest first. */
  async list(projectId: string, branchId?: string): Promise<LockInfo[]> {
    const rows = branchId === undefined
      ? await this.db.query<LockRow>(`${SELECT_LOCK} WHERE l.project_id = $1 ORDER BY l.locked_at, l.document_name`, [projectId])
      : await this.db.query<LockRow>(
          `${SELECT_LOCK} WHERE l.project_id = $1 AND l.branch_id = $2 ORDER BY l.locked_at, l.document_name`,
          [projectId, branchId],
        );
    return rows.map(lockInfo);
  }

  /**
   * Locks a document, or re-approves an invalidated lock. Answers what happened, or null when it was
   * already locked (nothing changes). Two directors locking at once: one wins, the other gets null.
   */
  async lock(tx: Queryable, target: LockTarget, userId: string, at: number): Promise<"locked" | "reapproved" | null> {
    const before = await queryOne<{ status: LockStatus }>(tx, "SELECT status FROM locks WHERE document_name = $1", [target.documentName]);
    if (before?.status === "locked") return null;
    const changed = await tx.execute(
      `INSERT INTO locks (document_name, project_id, branch_id, kind, status, locked_by, locked_at, reason)
       VALUES ($1, $2, $3, $4, 'locked', $5, $6, NULL)
       ON CONFLICT (document_name) DO UPDATE SET status = 'locked', locked_by = excluded.locked_by,
         locked_at = excluded.locked_at, reason = NULL
       WHERE locks.status <> 'locked'`,
      [target.documentName, target.projectId, target.branchId, target.kind, userId, at],
    );
    if (changed === 0) return null;
    return before ? "reapproved" : "locked";
  }

  /** Removes a lock; false when there was none. */
  async unlock(tx: Queryable, documentName: string): Promise<boolean> {
    return (await tx.execute("DELETE FROM locks WHERE document_name = $1", [documentName])) > 0;
  }

  /**
   * Marks a locked document invalidated; false when it was not locked (unlocked, or already invalidated:
   * another instance may have got there first).
   */
  async invalidate(tx: Queryable, documentName: string, reason: string): Promise<boolean> {
    const changed = await tx.execute(
      "UPDATE locks SET status = 'invalidated', reason = $2 WHERE document_name = $1 AND status = 'locked'",
      [documentName, reason],
    );
    return changed > 0;
  }

  async addEvent(tx: Queryable, event: NewLockEvent): Promise<void> {
    await tx.execute(
      `INSERT INTO lock_events (project_id, document_name, action, user_id, reason, created_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [event.projectId, event.documentName, event.action, event.userId, event.reason ?? null, event.at],
    );
  }

  /** A document's lock history, newest first. */
  async events(documentName: string): Promise<LockEvent[]> {
    const rows = await this.db.query<EventRow>(
      `SELECT e.document_name, e.action, e.user_id, u.display_name, e.reason, e.created_at
       FROM lock_events e LEFT JOIN users u ON u.id = e.user_id
       WHERE e.document_name = $1 ORDER BY e.created_at DESC, e.id DESC`,
      [documentName],
    );
    return rows.map(lockEvent);
  }

  /** Replaces a script's scene baselines (sceneId → text hash), as of its latest lock. */
  async setBaselines(tx: Queryable, scriptDocument: string, hashes: ReadonlyMap<string, string>): Promise<void> {
    await tx.execute("DELETE FROM scene_baselines WHERE script_document = $1", [scriptDocument]);
    for (const [sceneId, hash] of hashes) {
      await tx.execute(
        "INSERT INTO scene_baselines (script_document, scene_id, text_hash) VALUES ($1, $2, $3)",
        [scriptDocument, sceneId, hash],
      );
    }
  }

  async baselines(scriptDocument: string): Promise<Map<string, string>> {
    const rows = await this.db.query<{ scene_id: string; text_hash: string }>(
      "SELECT scene_id, text_hash FROM scene_baselines WHERE script_document = $1",
      [scriptDocument],
    );
    return new Map(rows.map((row) => [row.scene_id, row.text_hash]));
  }

  /** The ids of a scene's shots (every shot row; which of them are locked is asked per branch). */
  async shotIdsOfScene(projectId: string, sceneId: string): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      "SELECT id FROM shots WHERE project_id = $1 AND scene_id = $2 ORDER BY created_at, id",
      [projectId, sceneId],
    );
    return rows.map((row) => row.id);
  }
}
