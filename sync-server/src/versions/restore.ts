/**
 * Restoring a version as a new change (docs/api.md "Versions"). The current content is recorded first as a
 * "restore" version, so restoring that one undoes the restore; then the update that turns the live content
 * back into the version's is applied to the live copy, which every connected collaborator receives like
 * any edit.
 */
import * as Y from "yjs";
import { revertUpdate, VERSION_LABEL_MAX } from "@aiuteur/shared";
import type { Services } from "../services.js";

export interface RestoreResult {
  restored: string;
  /** The version recorded just before restoring: restoring it undoes the restore. */
  before: string;
}

export interface RestoreRequest {
  projectId: string;
  documentName: string;
  version: { id: string; label: string; state: Uint8Array };
  userId: string;
}

/** `Before restoring "<label>"`, the label shortened so restoring a restore again and again stays readable. */
export function beforeRestoringLabel(label: string): string {
  const frame = 'Before restoring ""'.length;
  const room = VERSION_LABEL_MAX - frame;
  const shown = label.length <= room ? label : `${label.slice(0, room - 1)}…`;
  return `Before restoring "${shown}"`;
}

export async function restoreVersion(services: Services, request: RestoreRequest): Promise<RestoreResult> {
  const { projectId, documentName, version, userId } = request;
  const live = await services.openLiveDocument(documentName);
  try {
    const current = Y.encodeStateAsUpdate(live.doc);
    const before = await services.versions.create({
      projectId,
      documentName,
      kind: "restore",
      label: beforeRestoringLabel(version.label),
      authorId: userId,
      state: current,
    });
    // Computed against the content just recorded: an edit that arrived while it was being written is kept,
    // like any concurrent edit, rather than undone without being in any version.
    const update = revertUpdate(current, version.state);
    await live.transact((doc) => Y.applyUpdate(doc, update));
    return { restored: version.id, before: before.id };
  } finally {
    await live.close();
  }
}
