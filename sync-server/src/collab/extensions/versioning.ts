/**
 * Periodic "auto" versions ("Autosave") of documents being edited, so recent work can be gone back to even
 * when nobody saved a version.
 *
 * The first change to a loaded document starts a wait of one interval (AUTO_VERSION_INTERVAL_MS); when it
 * ends, the document's current content is recorded unless it already equals its newest version, or a
 * version (of any kind: a save, a lock, another instance's autosave) is newer than one interval, in which
 * case the wait runs on until that version is an interval old. So a document has at most one autosave per
 * interval, across instances (the database decides, see VersionStore.createUnlessNewerThan), and an idle or
 * unloaded document gets none. The project document (the registry) is not versioned.
 */
import type {
  Extension,
  afterUnloadDocumentPayload,
  onChangePayload,
  onConfigurePayload,
} from "@hocuspocus/server";
import * as Y from "yjs";
import { parseDocumentName } from "@aiuteur/shared";
import type { Services } from "../../services.js";
import { STORAGE_ORIGIN } from "../../store/documents.js";

export const AUTO_VERSION_LABEL = "Autosave";

/** Whether the document's content is exactly what `state` holds: nothing to record again. */
function hasContent(doc: Y.Doc, state: Uint8Array): boolean {
  const recorded = new Y.Doc();
  Y.applyUpdate(recorded, state);
  const same = Y.equalSnapshots(Y.snapshot(doc), Y.snapshot(recorded));
  recorded.destroy();
  return same;
}

/**
 * Records an autosave of `doc` if one is due. Answers when to look again (a version is too recent), or null
 * when there is nothing more to do until the document changes again.
 */
async function recordIfDue(services: Services, documentName: string, doc: Y.Doc, intervalMs: number): Promise<number | null> {
  const since = Date.now() - intervalMs;
  const latest = await services.versions.latestAt(documentName);
  if (latest > since) return latest + intervalMs;
  const newest = await services.versions.newestState(documentName);
  if (newest && hasContent(doc, newest)) return null;
  const name = parseDocumentName(documentName);
  if (!name) return null;
  const version = await services.versions.createUnlessNewerThan(
    {
      projectId: name.projectId,
      documentName,
      kind: "auto",
      label: AUTO_VERSION_LABEL,
      authorId: null,
      state: Y.encodeStateAsUpdate(doc),
    },
    since,
  );
  // Not recorded: another instance recorded one meanwhile (or the document was deleted); look again later.
  return version ? null : Date.now() + intervalMs;
}

export function versioning(services: Services): Extension {
  const intervalMs = services.config.autoVersionIntervalMs;
  const log = services.log.child({ component: "versioning" });
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Set<string>();
  /** Documents changed while their check was running: they need another wait once it is done. */
  const changedDuringCheck = new Set<string>();
  let documents: (name: string) => Y.Doc | undefined = () => undefined;

  function wait(documentName: string, until: number): void {
    if (timers.has(documentName)) return;
    const timer = setTimeout(() => {
      timers.delete(documentName);
      void check(documentName);
    }, Math.max(0, until - Date.now()));
    // A pending autosave never keeps the process alive.
    timer.unref();
    timers.set(documentName, timer);
  }

  async function check(documentName: string): Promise<void> {
    const doc = documents(documentName);
    if (!doc) return;
    running.add(documentName);
    try {
      const next = await recordIfDue(services, documentName, doc, intervalMs);
      if (next !== null) wait(documentName, next);
    } catch (error) {
      log.error("version.autosave-failed", { documentName, error });
      // Storage may be back by then; an unloaded document is not tried again (check finds no copy).
      wait(documentName, Date.now() + intervalMs);
    } finally {
      running.delete(documentName);
      if (changedDuringCheck.delete(documentName)) wait(documentName, Date.now() + intervalMs);
    }
  }

  return {
    extensionName: "aiuteur-versioning",

    async onConfigure({ instance }: onConfigurePayload) {
      documents = (name) => instance.documents.get(name);
    },

    async onChange({ documentName, transactionOrigin }: onChangePayload) {
      if (transactionOrigin === STORAGE_ORIGIN) return;
      const name = parseDocumentName(documentName);
      if (!name || name.kind === "project") return;
      if (running.has(documentName)) changedDuringCheck.add(documentName);
      else wait(documentName, Date.now() + intervalMs);
    },

    async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload) {
      // Loaded again already (a quick reconnect): the pending wait now serves the new copy.
      if (documents(documentName)) return;
      clearTimeout(timers.get(documentName));
      timers.delete(documentName);
      changedDuringCheck.delete(documentName);
    },

    async onDestroy() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
