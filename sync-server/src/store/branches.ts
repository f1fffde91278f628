/**
 * Story branches: rows naming a namespace of documents forked from a parent branch.
 * Owned by the branches work of issue 4; see docs/architecture.md "Branches".
 */
import type { Database } from "../db/database.js";

export class BranchStore {
  constructor(readonly db: Database) {}
}
