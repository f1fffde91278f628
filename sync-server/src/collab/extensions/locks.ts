/**
 * Locks on live documents.
 *
 * - Access: reports each message's start and end to LiveLockAccess (so a connection's access never changes
 *   in the middle of a message), re-reads the lock when a connection joins (it may have authenticated just
 *   before a lock was committed), and watches the `lock` mirror of every loaded lockable document: a change
 *   there (on another instance: relayed through Redis) re-reads the row and flips connections accordingly.
 *   The mirror is only a trigger; the row decides, so a forged mirror changes nobody's access.
 * - Invalidation: on changes to a script (at most one check per script every SCRIPT_CHECK_MS, and once on
 *   load), compares its scenes with their baselines and invalidates the locked shots of changed scenes.
 */
import type {
  Extension,
  afterHandleMessagePayload,
  afterLoadDocumentPayload,
  afterUnloadDocumentPayload,
  beforeHandleMessagePayload,
  connectedPayload,
  onChangePayload,
  onConfigurePayload,
} from "@hocuspocus/server";
import type * as Y from "yjs";
import { isLockableKind, LOCK_MAP, parseDocumentName } from "@aiuteur/shared";
import type { Services } from "../../services.js";
import { invalidateChangedScenes } from "../../locks/invalidation.js";
import type { CollabContext } from "./authorization.js";

const SCRIPT_CHECK_MS = 500;

function isLockable(documentName: string): boolean {
  const name = parseDocumentName(documentName);
  return name !== null && isLockableKind(name.kind);
}

function isScript(documentName: string): boolean {
  return parseDocumentName(documentName)?.kind === "script";
}

/** Who made a change, when it came from a member's connection on this instance. */
function editorOf(origin: unknown): string | null {
  if (typeof origin !== "object" || origin === null) return null;
  const { source, connection } = origin as { source?: unknown; connection?: { context?: Partial<CollabContext> } };
  return source === "connection" ? (connection?.context?.userId ?? null) : null;
}

/** Changes relayed from another instance: that instance checks them (it knows who made them). */
function isRelayed(origin: unknown): boolean {
  return typeof origin === "object" && origin !== null && (origin as { source?: unknown }).source === "redis";
}

interface ScriptCheck {
  timer: NodeJS.Timeout | null;
  running: boolean;
  again: boolean;
  editorId: string | null;
}

export function locks(services: Services): Extension {
  const live = services.liveLocks;
  const log = services.log.child({ component: "locks" });
  const unobserve = new Map<string, () => void>();
  const checks = new Map<string, ScriptCheck>();
  let documents: (name: string) => Y.Doc | undefined = () => undefined;

  function refresh(documentName: string): void {
    live.refresh(documentName).catch((error: unknown) => log.error("lock.refresh-failed", { documentName, error }));
  }

  async function runCheck(documentName: string, check: ScriptCheck): Promise<void> {
    check.timer = null;
    const doc = documents(documentName);
    if (!doc) return;
    check.running = true;
    const editorId = check.editorId;
    check.editorId = null;
    try {
      const count = await invalidateChangedScenes(services, documentName, doc, editorId);
      if (count > 0) log.info("lock.shots-invalidated", { documentName, count });
    } catch (error) {
      log.error("lock.invalidation-failed", { documentName, error });
    } finally {
      check.running = false;
      if (check.again && checks.get(documentName) === check) {
        check.again = false;
        schedule(documentName, check.editorId);
      }
    }
  }

  function schedule(documentName: string, editorId: string | null): void {
    let check = checks.get(documentName);
    if (!check) checks.set(documentName, (check = { timer: null, running: false, again: false, editorId: null }));
    if (editorId) check.editorId = editorId;
    if (check.running) check.again = true;
    else if (!check.timer) {
      const scheduled = check;
      scheduled.timer = setTimeout(() => void runCheck(documentName, scheduled), SCRIPT_CHECK_MS);
    }
  }

  return {
    extensionName: "aiuteur-locks",

    async onConfigure({ instance }: onConfigurePayload) {
      documents = (name) => instance.documents.get(name);
      live.attach(instance, async (name) => ((await services.locks.get(name)) ? "locked" : "unlocked"));
    },

    async beforeHandleMessage({ connection }: beforeHandleMessagePayload) {
      live.messageStarted(connection);
    },

    async afterHandleMessage({ connection }: afterHandleMessagePayload) {
      live.messageEnded(connection);
    },

    async connected({ documentName }: connectedPayload) {
      if (isLockable(documentName)) refresh(documentName);
    },

    async afterLoadDocument({ documentName, document }: afterLoadDocumentPayload) {
      if (!isLockable(documentName)) return;
      const mirror = document.getMap(LOCK_MAP);
      const onMirrorChange = () => refresh(documentName);
      mirror.observe(onMirrorChange);
      unobserve.set(documentName, () => mirror.unobserve(onMirrorChange));
      if (isScript(documentName)) schedule(documentName, null);
    },

    async onChange({ documentName, transactionOrigin }: onChangePayload) {
      if (isScript(documentName) && !isRelayed(transactionOrigin)) schedule(documentName, editorOf(transactionOrigin));
    },

    async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload) {
      // Loaded again already (a quick reconnect): its observer and checks belong to the new copy.
      if (documents(documentName)) return;
      unobserve.get(documentName)?.();
      unobserve.delete(documentName);
      const check = checks.get(documentName);
      if (check?.timer) clearTimeout(check.timer);
      checks.delete(documentName);
    },

    async onDestroy() {
      for (const check of checks.values()) if (check.timer) clearTimeout(check.timer);
      checks.clear();
    },
  };
}
