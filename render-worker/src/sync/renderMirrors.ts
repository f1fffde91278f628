/**
 * The render state the worker shows to every client: a shot's render is mirrored into its shot document
 * ("render"[branchId]) and into its episode's render document ("shots"[shotId]); an animatic into the render
 * document ("animatic"). The server's render index keeps the `renders` table in step with these writes.
 */
import {
  renderDocumentName,
  shotDocumentName,
  writeAnimaticMirror,
  writeEpisodeShotRender,
  writeShotRenderMirror,
  writeShotReviewMirror,
  type AnimaticMirror,
  type ShotRenderMirror,
} from "@aiuteur/shared";
import { openDocument, type SyncedDocument } from "./openDocument.js";

export interface ShotMirrorTarget {
  projectId: string;
  branchId: string;
  shotId: string;
  episodeId: string;
  /** A review copy: mirrored under the shot's review key only (the episode's render document lists clean renders). */
  review?: boolean;
}

export interface ShotMirrors {
  shot: SyncedDocument;
  write(mirror: Omit<ShotRenderMirror, "updatedAt">): void;
  flush(): Promise<void>;
  close(): void;
}

export async function openShotMirrors(serverUrl: string, token: () => Promise<string>, target: ShotMirrorTarget, signal?: AbortSignal): Promise<ShotMirrors> {
  const shot = await openDocument(serverUrl, shotDocumentName(target.projectId, target.shotId, target.branchId), token, { signal });
  if (target.review) {
    return {
      shot,
      write(mirror) {
        const value: ShotRenderMirror = { ...mirror, updatedAt: new Date().toISOString() };
        shot.doc.transact(() => writeShotReviewMirror(shot.doc, target.branchId, value));
      },
      flush: () => shot.flush(),
      close: () => shot.close(),
    };
  }
  let render: SyncedDocument;
  try {
    render = await openDocument(serverUrl, renderDocumentName(target.projectId, target.episodeId, target.branchId), token, { signal });
  } catch (error) {
    shot.close();
    throw error;
  }
  return {
    shot,
    write(mirror) {
      const value: ShotRenderMirror = { ...mirror, updatedAt: new Date().toISOString() };
      shot.doc.transact(() => writeShotRenderMirror(shot.doc, target.branchId, value));
      render.doc.transact(() => writeEpisodeShotRender(render.doc, target.shotId, value));
    },
    async flush() {
      await Promise.all([shot.flush(), render.flush()]);
    },
    close() {
      shot.close();
      render.close();
    },
  };
}

export interface AnimaticMirrors {
  write(mirror: Omit<AnimaticMirror, "updatedAt">): void;
  flush(): Promise<void>;
  close(): void;
}

export async function openAnimaticMirror(serverUrl: string, token: () => Promise<string>, target: { projectId: string; branchId: string; episodeId: string }, signal?: AbortSignal): Promise<AnimaticMirrors> {
  const render = await openDocument(serverUrl, renderDocumentName(target.projectId, target.episodeId, target.branchId), token, { signal });
  return {
    write(mirror) {
      render.doc.transact(() => writeAnimaticMirror(render.doc, { ...mirror, updatedAt: new Date().toISOString() }));
    },
    flush: () => render.flush(),
    close: () => render.close(),
  };
}
