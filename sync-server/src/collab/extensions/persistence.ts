/**
 * Durable persistence for Hocuspocus.
 *
 * - Load: stored state + update-log tail, then any schema migrations (whose changes are appended too).
 * - Every client update is appended to the log in `beforeSync`, which Hocuspocus awaits before it applies
 *   the update and sends the acknowledgement (SyncStatus). If the append fails the update is neither applied
 *   nor acknowledged: the socket is closed with `storageUnavailable` and the client, which still holds the
 *   change, reconnects and sends it again.
 * - Changes made on the server (not by a connection, not relayed from another instance) are appended too.
 * - Store (debounced by Hocuspocus): compact the log into the state. A failed compaction loses nothing —
 *   the log still holds every update — and is retried.
 */
import type {
  Extension,
  afterUnloadDocumentPayload,
  beforeSyncPayload,
  onChangePayload,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from "@hocuspocus/server";
import * as Y from "yjs";
import { CLOSE_CODES, migrateDocument, parseDocumentName } from "@aiuteur/shared";
import type { Services } from "../../services.js";
import { DocumentDeletedError, STORAGE_ORIGIN } from "../../store/documents.js";
import { closeSocket, CollabRefusal } from "../refusal.js";

const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;
const COMPACTION_RETRY_MS = 5000;

/** An update that carries no structs and no deletions: nothing to store. */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength <= 2 && update.every((byte) => byte === 0);
}

/**
 * Whether a client's update decodes as a Yjs update. Checked before it is appended to the log: a garbage
 * update in the log would fail every later load of the document, locking everyone out of it.
 */
function isWellFormedUpdate(update: Uint8Array): boolean {
  try {
    Y.decodeUpdate(update);
    return true;
  } catch {
    return false;
  }
}

/** Changes that are already in the log (or never belong there): not appended again by onChange. */
function isAlreadyStored(origin: unknown): boolean {
  if (origin === STORAGE_ORIGIN) return true;
  if (typeof origin !== "object" || origin === null || !("source" in origin)) return false;
  const source = (origin as { source: unknown }).source;
  // Connection updates were appended in beforeSync; Redis relays updates another instance already stored.
  return source === "connection" || source === "redis";
}

export function persistence(services: Services): Extension {
  const versions = new Map<string, number>();
  const sizes = new Map<string, number>();
  const log = services.log.child({ component: "persistence" });

  async function append(documentName: string, update: Uint8Array): Promise<void> {
    await services.documents.append(documentName, update);
    sizes.set(documentName, (sizes.get(documentName) ?? 0) + update.byteLength);
  }

  async function compact(documentName: string, document: Y.Doc): Promise<void> {
    const result = await services.documents.compact(documentName, document, versions.get(documentName) ?? 0);
    versions.set(documentName, result.version);
    sizes.set(documentName, result.bytes);
  }

  return {
    extensionName: "aiuteur-persistence",

    async onLoadDocument({ document, documentName }: onLoadDocumentPayload) {
      const stored = await services.documents.load(documentName);
      const name = parseDocumentName(documentName);
      if (!stored || !name) throw new CollabRefusal("no-such-document");
      document.transact(() => {
        if (stored.state) Y.applyUpdate(document, stored.state);
        for (const update of stored.updates) {
          // Every update is checked before it is stored, but one bad row (written before that check, or
          // damaged on disk) must not make the whole document unopenable: skip it, loudly.
          try {
            Y.applyUpdate(document, update);
          } catch (error) {
            log.error("document.bad-update-skipped", { documentName, bytes: update.byteLength, error });
          }
        }
      }, STORAGE_ORIGIN);
      versions.set(documentName, stored.version);
      sizes.set(documentName, stored.bytes);
      const migrationUpdates: Uint8Array[] = [];
      const collect = (update: Uint8Array) => migrationUpdates.push(update);
      document.on("update", collect);
      const ran = migrateDocument(document, name.kind);
      document.off("update", collect);
      for (const update of migrationUpdates) await append(documentName, update);
      if (ran.length > 0) log.info("document.migrated", { documentName, migrations: ran });
    },

    async beforeSync({ type, payload, connection, documentName }: beforeSyncPayload) {
      if ((type !== SYNC_STEP_2 && type !== SYNC_UPDATE) || connection.readOnly || isEmptyUpdate(payload)) return;
      if (!isWellFormedUpdate(payload)) {
        log.warn("update.malformed", { documentName, bytes: payload.byteLength });
        throw closeSocket(connection, CLOSE_CODES.malformedUpdate);
      }
      if ((sizes.get(documentName) ?? 0) + payload.byteLength > services.config.maxDocumentBytes) {
        log.warn("document.too-large", { documentName });
        throw closeSocket(connection, CLOSE_CODES.documentTooLarge);
      }
      try {
        await append(documentName, payload);
      } catch (error) {
        log.error("update.append-failed", { documentName, error });
        throw closeSocket(connection, CLOSE_CODES.storageUnavailable);
      }
    },

    async onChange({ documentName, update, transactionOrigin }: onChangePayload) {
      if (isAlreadyStored(transactionOrigin)) return;
      // A change made here on the server: no client holds it, so keep trying until it is stored.
      for (let attempt = 1; ; attempt++) {
        try {
          await append(documentName, update);
          return;
        } catch (error) {
          log.error("update.append-failed", { documentName, attempt, error });
          await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 500 * 2 ** attempt)));
        }
      }
    },

    async onStoreDocument({ document, documentName, instance }: onStoreDocumentPayload) {
      try {
        await compact(documentName, document);
      } catch (error) {
        // Deleted with its branch while open: let Hocuspocus unload it rather than keep it to retry.
        if (error instanceof DocumentDeletedError) return;
        log.error("document.compaction-failed", { documentName, error });
        // The log keeps everything; try again while the document is still loaded here.
        setTimeout(() => {
          const live = instance.documents.get(documentName);
          if (live) compact(documentName, live).catch((e) => log.error("document.compaction-failed", { documentName, error: e }));
        }, COMPACTION_RETRY_MS).unref();
        throw error;
      }
    },

    async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload) {
      versions.delete(documentName);
      sizes.delete(documentName);
    },
  };
}
