/**
 * Creating shots: rows and documents in one database transaction, then the ids inserted into the scene's
 * storyboard THROUGH the live document, so every connected client sees the new panels at once and the
 * persistence extension logs the change like any other.
 *
 * Numbers follow production practice (shots.ts): an inserted shot gets a pick-up number between its
 * neighbours; suggested shots continue after the highest number. Creations in one scene are serialised
 * on this instance so two requests do not pick the same number.
 */
import * as Y from "yjs";
import {
  addShotToStoryboard,
  initShotDocument,
  migrateDocument,
  newId,
  nextShotNumbers,
  readShotFields,
  readShotOrder,
  shotDocumentName,
  shotNumberBetween,
  storyboardDocumentName,
  type ShotFields,
  type ShotInfo,
  type SuggestedShot,
} from "@aiuteur/shared";
import type { Services } from "../services.js";

export interface ShotRequest {
  projectId: string;
  /** The story branch whose storyboard gets the shots; their documents exist on that branch only. */
  branchId: string;
  episodeId: string;
  sceneId: string;
  userId: string;
}

/** What to create: one empty shot at an index of the storyboard, or the suggested shots appended. */
export type ShotPlan = { kind: "one"; index?: number } | { kind: "suggested"; shots: SuggestedShot[] };

const sceneQueues = new Map<string, Promise<unknown>>();

/** Runs `work` after every earlier creation in the same scene has finished. */
async function serialised<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = sceneQueues.get(key) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(work);
  sceneQueues.set(key, run);
  try {
    return await run;
  } finally {
    if (sceneQueues.get(key) === run) sceneQueues.delete(key);
  }
}

function initialState(fields: Partial<ShotFields> & { number: string; sceneId: string }): Uint8Array {
  const doc = new Y.Doc();
  initShotDocument(doc, fields);
  migrateDocument(doc, "shot");
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

/** The number of every shot in the storyboard, in storyboard order ("" for one that cannot be read). */
async function shotNumbers(services: Services, projectId: string, branchId: string, order: readonly string[]): Promise<string[]> {
  return Promise.all(
    order.map(async (shotId) => {
      const doc = await services.readDocument(shotDocumentName(projectId, shotId, branchId));
      return doc ? readShotFields(doc).number : "";
    }),
  );
}

function plannedFields(plan: ShotPlan, order: readonly string[], numbers: readonly string[], sceneId: string) {
  if (plan.kind === "suggested") {
    const fresh = nextShotNumbers(numbers, plan.shots.length);
    return plan.shots.map((shot, i) => ({ ...shot, number: fresh[i] ?? String(i + 1), sceneId }));
  }
  const index = Math.min(plan.index ?? order.length, order.length);
  const number = shotNumberBetween(numbers[index - 1] || undefined, numbers[index] || undefined, numbers);
  return [{ number, sceneId }];
}

export async function createShots(services: Services, request: ShotRequest, plan: ShotPlan): Promise<ShotInfo[]> {
  const { projectId, branchId, episodeId, sceneId, userId } = request;
  if (plan.kind === "suggested" && plan.shots.length === 0) return [];
  return serialised(`${projectId}/${branchId}/${sceneId}`, async () => {
    const storyboard = await services.openLiveDocument(storyboardDocumentName(projectId, sceneId, branchId));
    try {
      const order = readShotOrder(storyboard.doc);
      const numbers = await shotNumbers(services, projectId, branchId, order);
      const planned = plannedFields(plan, order, numbers, sceneId).map((fields) => ({ id: newId(), fields }));
      const created = await services.db.transaction(async (tx) => {
        const infos: ShotInfo[] = [];
        for (const { id, fields } of planned) {
          const state = initialState(fields);
          infos.push(await services.storyboards.insertShot(tx, { id, projectId, episodeId, sceneId, createdBy: userId, state }, branchId));
        }
        return infos;
      });
      const index = plan.kind === "one" ? plan.index : undefined;
      await storyboard.transact((doc) => {
        planned.forEach(({ id }, i) => addShotToStoryboard(doc, id, index === undefined ? undefined : index + i));
      });
      services.log.info("shots.created", { projectId, branchId, sceneId, count: created.length, suggested: plan.kind === "suggested" });
      return created;
    } finally {
      await storyboard.close();
    }
  });
}
