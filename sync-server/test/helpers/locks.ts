/** Locking through the REST API and reading what storage really holds, for the lock tests. */
import * as decoding from "lib0/decoding";
import * as Y from "yjs";
import type { LockEvent, LockInfo, SceneListItem, ShotInfo } from "@aiuteur/shared";
import type { ApiClient, ApiResult } from "./api.js";
import { waitFor, type CollabClient } from "./collab.js";
import type { RawSocket } from "./rawSocket.js";
import type { TestServer } from "./server.js";
import type { Team } from "./team.js";

export function lockDocument(client: ApiClient, projectId: string, document: string): Promise<ApiResult<any>> {
  return client.request("POST", `/api/projects/${projectId}/locks`, { document });
}

export function unlockDocument(client: ApiClient, projectId: string, document: string): Promise<ApiResult<any>> {
  return client.request("DELETE", `/api/projects/${projectId}/locks/${encodeURIComponent(document)}`);
}

export async function listLocks(client: ApiClient, projectId: string, query = ""): Promise<LockInfo[]> {
  const result = await client.request<LockInfo[]>("GET", `/api/projects/${projectId}/locks${query}`);
  if (result.status !== 200) throw new Error(`GET locks failed: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}

export async function lockEvents(client: ApiClient, projectId: string, document: string): Promise<LockEvent[]> {
  const result = await client.request<LockEvent[]>("GET", `/api/projects/${projectId}/locks/${encodeURIComponent(document)}/events`);
  if (result.status !== 200) throw new Error(`GET lock events failed: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}

/** The episode's scenes as the API lists them. */
export async function scenesOf(team: Team, episodeId = team.episode.id): Promise<SceneListItem[]> {
  const result = await team.as.owner.request<SceneListItem[]>("GET", `/api/projects/${team.project.id}/episodes/${episodeId}/scenes`);
  if (result.status !== 200) throw new Error(`GET scenes failed: ${result.status}`);
  return result.body;
}

/** A new shot in a scene, made by the director. */
export async function newShot(team: Team, sceneId: string, episodeId = team.episode.id): Promise<ShotInfo> {
  const path = `/api/projects/${team.project.id}/episodes/${episodeId}/scenes/${sceneId}/shots`;
  const result = await team.as.director.request<ShotInfo[]>("POST", path, {});
  if (result.status !== 201) throw new Error(`POST shots failed: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body[0]!;
}

/** What storage holds for a document (compacted state plus log), read apart from any live copy. */
export async function storedDocument(server: TestServer, name: string): Promise<Y.Doc> {
  const stored = await server.services.documents.load(name);
  if (!stored) throw new Error(`No stored document ${name}`);
  const doc = new Y.Doc();
  if (stored.state) Y.applyUpdate(doc, stored.state);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}

const MESSAGE_SYNC_STATUS = 8;

/**
 * Resolves with the server's answer to the next update a raw socket sends: true when it was applied,
 * false when it was refused. Call it before sending.
 */
export function nextSyncStatus(raw: RawSocket): Promise<boolean> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      decoding.readVarString(decoder);
      if (decoding.readVarUint(decoder) !== MESSAGE_SYNC_STATUS) return;
      raw.socket.off("message", onMessage);
      resolve(decoding.readVarUint(decoder) === 1);
    };
    raw.socket.on("message", onMessage);
  });
}

let markers = 0;

/**
 * Waits until the server has handled everything `sender` sent so far: a connection's messages are handled
 * in order, so once `observer` sees the awareness marker sent last, the earlier updates were applied or
 * refused (awareness passes even on a read-only connection).
 */
export async function afterEverythingSent(sender: CollabClient, observer: CollabClient): Promise<void> {
  markers += 1;
  const marker = markers;
  sender.provider.setAwarenessField("marker", marker);
  const clientId = sender.doc.clientID;
  await waitFor(
    () => (observer.provider.awareness?.getStates().get(clientId) as { marker?: number } | undefined)?.marker === marker,
    "the sender's marker to reach the observer",
  );
}

/** Polls an asynchronous condition (a REST answer) until it holds. */
export async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
