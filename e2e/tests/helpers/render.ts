/**
 * Render e2e helpers: approving (locking) an episode's script and shots through the REST API the lock
 * control uses, waiting for the render worker's results through the same API, watching a progress bar
 * that may only show for a moment, and screenshots into /tmp/render-shots/.
 */
import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import type { ShotRenderInfo } from "@aiuteur/shared";
import type { ApiUser, ShotSetup } from "./shots.js";

export const RENDER_SHOTS_DIR = "/tmp/render-shots/";

async function call<T>(baseUrl: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${await response.text()}`);
  const text = await response.text();
  return (text === "" ? undefined : JSON.parse(text)) as T;
}

const projectPath = (setup: ShotSetup) => `/api/projects/${encodeURIComponent(setup.projectId)}`;

/** Locks the episode's script (shots can only be locked after it). */
export async function lockScript(baseUrl: string, director: ApiUser, setup: ShotSetup): Promise<void> {
  const episode = await call<{ documents: { script: string } }>(baseUrl, director.token, "GET", `${projectPath(setup)}/episodes/${encodeURIComponent(setup.episodeId)}`);
  await call(baseUrl, director.token, "POST", `${projectPath(setup)}/locks`, { document: episode.documents.script });
}

/** Locks one shot, as the shot page's Lock button does. */
export async function lockShot(baseUrl: string, director: ApiUser, setup: ShotSetup, shotId: string): Promise<void> {
  const shot = await call<{ documents: { shot: string } }>(baseUrl, director.token, "GET", `${projectPath(setup)}/shots/${encodeURIComponent(shotId)}`);
  await call(baseUrl, director.token, "POST", `${projectPath(setup)}/locks`, { document: shot.documents.shot });
}

export function shotRenders(baseUrl: string, user: ApiUser, setup: ShotSetup, shotId: string): Promise<ShotRenderInfo[]> {
  return call<ShotRenderInfo[]>(baseUrl, user.token, "GET", `${projectPath(setup)}/shots/${encodeURIComponent(shotId)}/renders`);
}

/** The newest render's status of a shot, or "none". */
export async function latestRenderStatus(baseUrl: string, user: ApiUser, setup: ShotSetup, shotId: string): Promise<string> {
  const renders = await shotRenders(baseUrl, user, setup, shotId);
  return renders[0]?.status ?? "none";
}

/**
 * Starts recording, inside the page, every value a progress bar with this test id shows — a short render
 * can show its bar for a fraction of a second, too short for polling to be sure of catching it.
 */
export async function recordProgressBars(page: Page, testId: string): Promise<void> {
  await page.evaluate((id) => {
    const seen: number[] = [];
    (window as unknown as { __progressSeen: number[] }).__progressSeen = seen;
    const look = () => {
      for (const bar of Array.from(document.querySelectorAll(`[data-testid="${id}"][role="progressbar"]`))) seen.push(Number(bar.getAttribute("aria-valuenow")));
    };
    look();
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-valuenow"] });
  }, testId);
}

/** The progress values recorded since recordProgressBars. */
export function progressSeen(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __progressSeen?: number[] }).__progressSeen ?? []);
}

/** Whether a <video> has decoded a frame (readyState ≥ HAVE_CURRENT_DATA) and, after play(), its time advances. */
export async function videoPlays(page: Page, testId: string): Promise<{ readyState: number; advanced: boolean; error: string | null }> {
  return page.getByTestId(testId).evaluate(async (element) => {
    const video = element as HTMLVideoElement;
    video.muted = true;
    const start = video.currentTime;
    try {
      await video.play();
    } catch (error) {
      return { readyState: video.readyState, advanced: false, error: String(error) };
    }
    await new Promise((resolve) => setTimeout(resolve, 700));
    video.pause();
    return { readyState: video.readyState, advanced: video.currentTime > start, error: video.error ? `media error ${video.error.code}` : null };
  });
}

export async function readyState(page: Page, testId: string): Promise<number> {
  return page.getByTestId(testId).evaluate((element) => (element as HTMLVideoElement).readyState);
}

/** A full-page screenshot into /tmp/render-shots/ (to be looked at, not compared). */
export async function renderSnapshot(page: Page, name: string): Promise<void> {
  mkdirSync(RENDER_SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: `${RENDER_SHOTS_DIR}${name}.png`, fullPage: true });
}

/** Chooses how the project's shots are rendered (owners and directors). */
export async function setRenderProvider(baseUrl: string, owner: ApiUser, setup: ShotSetup, provider: string): Promise<void> {
  await call(baseUrl, owner.token, "PATCH", `${projectPath(setup)}/render-settings`, { renderProvider: provider });
}

/** Adds one empty shot at the end of the setup's scene and returns its id. */
export async function addShot(baseUrl: string, owner: ApiUser, setup: ShotSetup): Promise<string> {
  const created = await call<{ id: string }[]>(
    baseUrl,
    owner.token,
    "POST",
    `${projectPath(setup)}/episodes/${encodeURIComponent(setup.episodeId)}/scenes/${encodeURIComponent(setup.sceneId)}/shots`,
    {},
  );
  const id = created[0]?.id;
  if (!id) throw new Error("no shot was created");
  return id;
}
