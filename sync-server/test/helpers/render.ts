/**
 * For render tests: the render worker's service token (minted the way the worker mints it, with the secret
 * every test server is given), a queue that records the jobs the server produces (the producer-side test
 * seam Services allows), and a locked shot with content.
 */
import { addStroke, renderJobId, SKETCH_ARRAY, writeShotFields, type RenderJob, type ShotInfo } from "@aiuteur/shared";
import { createServiceToken, type RenderQueue } from "@aiuteur/render-worker";
import { expect } from "vitest";
import { ApiClient } from "./api.js";
import { connect, waitForAcknowledged } from "./collab.js";
import { lockDocument, newShot, scenesOf } from "./locks.js";
import type { Team } from "./team.js";

/** The JWT secret startTestServer gives every test server. */
export const TEST_JWT_SECRET = "test-secret-test-secret-test-secret-0123";

export function serviceToken(): Promise<string> {
  return createServiceToken(new TextEncoder().encode(TEST_JWT_SECRET));
}

/** Records jobs like a queue that never runs them; `lose()` forgets them, as a flushed Redis would. */
export class RecordingQueue implements RenderQueue {
  readonly added: RenderJob[] = [];
  private readonly waiting = new Map<string, RenderJob>();

  async add(job: RenderJob): Promise<void> {
    const id = renderJobId(job);
    if (this.waiting.has(id)) return;
    this.waiting.set(id, job);
    this.added.push(job);
  }

  async has(jobId: string): Promise<boolean> {
    return this.waiting.has(jobId);
  }

  lose(): void {
    this.waiting.clear();
  }

  async close(): Promise<void> {}
}

/** A new shot in the first scene with the given fields and a stroke, then the script and the shot locked. */
export async function lockedShot(
  base: string,
  team: Team,
  fields: { action?: string; duration?: number; movement?: "static" | "dolly in" } = {},
): Promise<ShotInfo> {
  const projectId = team.project.id;
  const [kitchen] = await scenesOf(team);
  const shot = await newShot(team, kitchen!.sceneId);
  const director = connect(base, shot.documents.shot, team.as.director.token!);
  try {
    expect(await director.ready).toEqual({ synced: true });
    director.doc.transact(() => {
      writeShotFields(director.doc, { duration: fields.duration ?? 2, movement: fields.movement ?? "static", action: fields.action ?? "MARA pours coffee." });
      addStroke(director.doc.getArray(SKETCH_ARRAY), { tool: "pen", points: [0.1, 0.1, 0.5, 0.5], color: "#202020", width: 3, text: "", author: team.userIds.director });
    });
    await waitForAcknowledged(director);
  } finally {
    director.destroy();
  }
  const client = new ApiClient(base, team.as.director.token);
  const script = await lockDocument(client, projectId, team.episode.documents.script);
  expect([200, 201], JSON.stringify(script.body)).toContain(script.status);
  const locked = await lockDocument(client, projectId, shot.documents.shot);
  expect(locked.status, JSON.stringify(locked.body)).toBe(201);
  return shot;
}
