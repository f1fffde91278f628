/**
 * Locks as rows (the authority), their event history, and the per-scene baselines of locked scripts.
 * Owned by the locks work of issue 4; see docs/architecture.md "Locks".
 */
import type { Database } from "../db/database.js";

export class LockStore {
  constructor(readonly db: Database) {}
}
