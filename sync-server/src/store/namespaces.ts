/**
 * The documents rows of one branch's namespace, as a whole: listed for a fork or a merge, copied into
 * another branch, and dropped when the branch is deleted (its versions kept until they expire).
 *
 * Names hold only [a-z2-7], digits of ids and "/" (documentNames.ts), so a prefix is a safe LIKE pattern.
 */
import type { DocumentKind } from "@aiuteur/shared";
import type { Database, Queryable } from "../db/database.js";
import { branchPrefix } from "../branches/namespace.js";

export interface NamespaceDocument {
  name: string;
  kind: DocumentKind;
}

/** How long the versions of a deleted branch's documents are kept. */
export const DELETED_BRANCH_VERSIONS_KEPT_MS = 30 * 24 * 60 * 60 * 1000;

export class NamespaceStore {
  constructor(private readonly db: Database) {}

  /** Every document of the branch, in name order (scripts before shots, so a fork reads scripts first). */
  async documents(projectId: string, branchId: string, tx: Queryable = this.db): Promise<NamespaceDocument[]> {
    return tx.query<{ name: string; kind: DocumentKind }>(
      "SELECT name, kind FROM documents WHERE project_id = $1 AND name LIKE $2 ORDER BY name",
      [projectId, `${branchPrefix(projectId, branchId)}%`],
    );
  }

  /**
   * Creates a document with its whole content unless one with that name exists (another writer may have
   * registered it meanwhile: the caller then merges into that one). Returns whether it was created.
   */
  async createIfAbsent(tx: Queryable, projectId: string, document: NamespaceDocument, state: Uint8Array): Promise<boolean> {
    const now = Date.now();
    const created = await tx.execute(
      `INSERT INTO documents (name, project_id, kind, state, state_version, created_at, updated_at)
       VALUES ($1, $2, $3, $4, 1, $5, $5) ON CONFLICT (name) DO NOTHING`,
      [document.name, projectId, document.kind, state, now],
    );
    return created > 0;
  }

  /** Names of the branch's documents that hold a lock row (locked or invalidated). */
  async locked(projectId: string, branchId: string): Promise<Set<string>> {
    const rows = await this.db.query<{ document_name: string }>(
      "SELECT document_name FROM locks WHERE project_id = $1 AND branch_id = $2",
      [projectId, branchId],
    );
    return new Set(rows.map((row) => row.document_name));
  }

  /**
   * Removes the branch's documents with their update logs, locks and scene baselines; their versions stay
   * until `now` + 30 days so a deleted branch can still be looked at (and restored by hand) for a while.
   */
  async drop(tx: Queryable, projectId: string, branchId: string, now = Date.now()): Promise<void> {
    const pattern = `${branchPrefix(projectId, branchId)}%`;
    await tx.execute("UPDATE versions SET expires_at = $1 WHERE project_id = $2 AND document_name LIKE $3", [
      now + DELETED_BRANCH_VERSIONS_KEPT_MS,
      projectId,
      pattern,
    ]);
    await tx.execute("DELETE FROM locks WHERE project_id = $1 AND branch_id = $2", [projectId, branchId]);
    await tx.execute("DELETE FROM scene_baselines WHERE script_document LIKE $1", [pattern]);
    await tx.execute("DELETE FROM document_updates WHERE document_name LIKE $1", [pattern]);
    await tx.execute("DELETE FROM documents WHERE project_id = $1 AND name LIKE $2", [projectId, pattern]);
  }
}

/** Deletes versions whose keeping time has passed (those of deleted branches). Run at start-up. */
export async function purgeExpiredVersions(db: Database, now = Date.now()): Promise<number> {
  return db.execute("DELETE FROM versions WHERE expires_at IS NOT NULL AND expires_at <= $1", [now]);
}
