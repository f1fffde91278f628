/**
 * Story branches: rows naming a namespace of documents (p/<projectId>/b/<branchId>/…) forked from a
 * parent branch. "main" has no row: it is every project's first timeline and is never deleted. A deleted
 * branch keeps its row (deleted_at) so its name can still label the versions kept for 30 days.
 */
import type { BranchInfo } from "@aiuteur/shared";
import { queryOne, type Database, type Queryable } from "../db/database.js";
import { NamespaceStore } from "./namespaces.js";

interface BranchRow {
  [key: string]: unknown;
  id: string;
  name: string;
  parent_id: string;
  from_version: string | null;
  created_by: string;
  display_name: string;
  created_at: number | string;
}

export interface NewBranch {
  id: string;
  projectId: string;
  name: string;
  parentId: string;
  fromVersion: string | null;
  createdBy: string;
}

const SELECT_BRANCH = `SELECT b.id, b.name, b.parent_id, b.from_version, b.created_by, u.display_name, b.created_at
  FROM branches b JOIN users u ON u.id = b.created_by`;

function branchInfo(row: BranchRow): BranchInfo {
  return {
    id: row.id,
    name: row.name,
    parentId: row.parent_id,
    fromVersion: row.from_version,
    createdBy: { id: row.created_by, displayName: row.display_name },
    createdAt: Number(row.created_at),
  };
}

export class BranchStore {
  /** The documents of a branch as a whole (copy, list, drop). */
  readonly namespaces: NamespaceStore;

  constructor(readonly db: Database) {
    this.namespaces = new NamespaceStore(db);
  }

  /** Records a branch; the caller copies its documents in the same transaction. */
  async insert(tx: Queryable, branch: NewBranch, now = Date.now()): Promise<void> {
    await tx.execute(
      `INSERT INTO branches (id, project_id, name, parent_id, from_version, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [branch.id, branch.projectId, branch.name, branch.parentId, branch.fromVersion, branch.createdBy, now],
    );
  }

  /** The project's branches that are not deleted, oldest first. */
  async list(projectId: string): Promise<BranchInfo[]> {
    const rows = await this.db.query<BranchRow>(
      `${SELECT_BRANCH} WHERE b.project_id = $1 AND b.deleted_at IS NULL ORDER BY b.created_at, b.id`,
      [projectId],
    );
    return rows.map(branchInfo);
  }

  /** A branch that exists in this project and is not deleted. */
  async get(projectId: string, branchId: string): Promise<BranchInfo | undefined> {
    const row = await queryOne<BranchRow>(
      this.db,
      `${SELECT_BRANCH} WHERE b.project_id = $1 AND b.id = $2 AND b.deleted_at IS NULL`,
      [projectId, branchId],
    );
    return row && branchInfo(row);
  }

  /** Branches forked from `branchId` that are still alive (a branch cannot be deleted under them). */
  async children(projectId: string, branchId: string): Promise<BranchInfo[]> {
    const rows = await this.db.query<BranchRow>(
      `${SELECT_BRANCH} WHERE b.project_id = $1 AND b.parent_id = $2 AND b.deleted_at IS NULL ORDER BY b.created_at, b.id`,
      [projectId, branchId],
    );
    return rows.map(branchInfo);
  }

  async markDeleted(tx: Queryable, projectId: string, branchId: string, now = Date.now()): Promise<void> {
    await tx.execute("UPDATE branches SET deleted_at = $1 WHERE project_id = $2 AND id = $3", [now, projectId, branchId]);
  }
}
