/**
 * Durable document storage: a compacted state per document plus an append-only log of the updates that
 * arrived since. An update is appended before the server acknowledges it, so an acknowledged edit survives
 * kill -9; compaction folds the log into the state later; loading is state + log tail.
 */
import * as Y from "yjs";
import type { DocumentKind } from "@aiuteur/shared";

import { queryOne, type Database, type Queryable } from "../db/database.js";

/** Log rows deleted per statement when compacting (well under both dialects' parameter limits). */
const DELETE_BATCH = 500;

/** Transaction origin for content that comes from storage, so it is never appended to the log again. */
export const STORAGE_ORIGIN = "aiuteur:storage";

/** The document's row is gone (its branch was deleted): there is nothing left to store it into. */
export class DocumentDeletedError extends Error {
  constructor(readonly documentName: string) {
    super(`Document ${documentName} has no row to compact into`);
    this.name = "DocumentDeletedError";
  }
}

export interface StoredDocument {
  state: Uint8Array | null;
  version: number;
  updates: Uint8Array[];
  bytes: number;
}

interface DocumentRow {
  [key: string]: unknown;
  state: Uint8Array | null;
  state_version: number;
}

export interface DocumentMeta {
  projectId: string;
  kind: DocumentKind;
}

export class DocumentStore {
  constructor(private readonly db: Database) {}

  async create(tx: Queryable, name: string, projectId: string, kind: DocumentKind, state: Uint8Array): Promise<void> {
    const now = Date.now();
    await tx.execute(
      `INSERT INTO documents (name, project_id, kind, state, state_version, created_at, updated_at)
       VALUES ($1, $2, $3, $4, 1, $5, $5)`,
      [name, projectId, kind, state, now],
    );
  }

  /**
   * Registers an empty document (no state yet: its first editor or the server writes it) unless a row
   * with that name exists. Idempotent, so callers on several instances may race.
   */
  async register(tx: Queryable, name: string, projectId: string, kind: DocumentKind): Promise<void> {
    const now = Date.now();
    await tx.execute(
      `INSERT INTO documents (name, project_id, kind, state, state_version, created_at, updated_at)
       VALUES ($1, $2, $3, NULL, 0, $4, $4) ON CONFLICT (name) DO NOTHING`,
      [name, projectId, kind, now],
    );
  }

  async meta(name: string): Promise<DocumentMeta | undefined> {
    const row = await queryOne<{ project_id: string; kind: DocumentKind }>(
      this.db,
      "SELECT project_id, kind FROM documents WHERE name = $1",
      [name],
    );
    return row && { projectId: row.project_id, kind: row.kind };
  }

  async load(name: string): Promise<StoredDocument | undefined> {
    return this.db.transaction(async (tx) => {
      const row = await queryOne<DocumentRow>(tx, "SELECT state, state_version FROM documents WHERE name = $1", [name]);
      if (!row) return undefined;
      const updates = await tx.query<{ data: Uint8Array }>(
        "SELECT data FROM document_updates WHERE document_name = $1 ORDER BY id",
        [name],
      );
      const data = updates.map((u) => new Uint8Array(u.data));
      const state = row.state ? new Uint8Array(row.state) : null;
      const bytes = (state?.byteLength ?? 0) + data.reduce((sum, u) => sum + u.byteLength, 0);
      return { state, version: Number(row.state_version), updates: data, bytes };
    });
  }

  /** Appends one update to the log; resolves once it is committed. */
  async append(name: string, update: Uint8Array): Promise<void> {
    await this.db.execute("INSERT INTO document_updates (document_name, data, created_at) VALUES ($1, $2, $3)", [
      name,
      update,
      Date.now(),
    ]);
  }

  /**
   * Folds the log into the stored state using the live document. Everything in the log, and the stored
   * state when another instance wrote it since `knownVersion`, is first applied to `live` (applying an
   * update twice is harmless in a CRDT), so the state written is a superset of every log row deleted.
   * Returns the new state version and size.
   */
  async compact(name: string, live: Y.Doc, knownVersion: number): Promise<{ version: number; bytes: number }> {
    return this.db.transaction(async (tx) => {
      const lock = this.db.dialect === "postgres" ? " FOR UPDATE" : "";
      const row = await queryOne<DocumentRow>(
        tx,
        `SELECT state, state_version FROM documents WHERE name = $1${lock}`,
        [name],
      );
      if (!row) throw new DocumentDeletedError(name);
      if (Number(row.state_version) !== knownVersion && row.state) {
        Y.applyUpdate(live, new Uint8Array(row.state), STORAGE_ORIGIN);
      }
      const log = await tx.query<{ id: number; data: Uint8Array }>(
        "SELECT id, data FROM document_updates WHERE document_name = $1 ORDER BY id",
        [name],
      );
      for (const entry of log) Y.applyUpdate(live, new Uint8Array(entry.data), STORAGE_ORIGIN);
      const state = Y.encodeStateAsUpdate(live);
      const version = Number(row.state_version) + 1;
      await tx.execute("UPDATE documents SET state = $1, state_version = $2, updated_at = $3 WHERE name = $4", [
        state,
        version,
        Date.now(),
        name,
      ]);
      // Exactly the rows read above, never "every id up to the last": with several instances appending,
      // ids come from a sequence in the order inserts began, not the order they committed, so a row with a
      // smaller id can commit after the SELECT, unseen, and a range delete would drop it unapplied.
      for (let start = 0; start < log.length; start += DELETE_BATCH) {
        const ids = log.slice(start, start + DELETE_BATCH).map((entry) => entry.id);
        const placeholders = ids.map((_, i) => `$${i + 2}`).join(", ");
        await tx.execute(`DELETE FROM document_updates WHERE document_name = $1 AND id IN (${placeholders})`, [name, ...ids]);
      }
      return { version, bytes: state.byteLength };
    });
  }
}
