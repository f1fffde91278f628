/**
 * Setting up a shot for panel tests through the REST API (the same calls the storyboard makes), and
 * signing a browser context in with an API session, so a test spends its time on the panel itself.
 */
import { readFileSync } from "node:fs";
import type { BrowserContext, Page } from "playwright-core";

export interface ApiUser {
  token: string;
  user: { id: string; email: string; displayName: string };
}

/** A Fountain script from the shared test data (read in place, never copied into the repo). */
export function testScript(name: string): string {
  return readFileSync(`/work/shared/data/fountain/${name}`, "utf8");
}

async function call<T>(baseUrl: string, token: string | null, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export function signUpApi(baseUrl: string, displayName: string): Promise<ApiUser> {
  const email = `${displayName.toLowerCase()}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.test`;
  return call<ApiUser>(baseUrl, null, "POST", "/api/auth/signup", { email, password: "correct horse battery", displayName });
}

export interface ShotSetup {
  projectId: string;
  episodeId: string;
  sceneId: string;
  shotIds: string[];
}

/** A project owned by `owner` with the given members, an episode from `fountain`, and `count` shots in its first scene. */
export async function createShotProject(
  baseUrl: string,
  owner: ApiUser,
  members: { user: ApiUser; role: string }[],
  fountain: string,
  count = 1,
): Promise<ShotSetup> {
  const project = await call<{ id: string }>(baseUrl, owner.token, "POST", "/api/projects", { title: "Panel tests" });
  for (const member of members) {
    await call(baseUrl, owner.token, "POST", `/api/projects/${project.id}/members`, { email: member.user.user.email, role: member.role });
  }
  const episode = await call<{ id: string }>(baseUrl, owner.token, "POST", `/api/projects/${project.id}/episodes`, { title: "Pilot", fountain });
  const scenes = await call<{ sceneId: string }[]>(baseUrl, owner.token, "GET", `/api/projects/${project.id}/episodes/${episode.id}/scenes`);
  const sceneId = scenes[0]?.sceneId;
  if (!sceneId) throw new Error("the script has no scenes");
  const shotIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const created = await call<{ id: string }[]>(baseUrl, owner.token, "POST", `/api/projects/${project.id}/episodes/${episode.id}/scenes/${sceneId}/shots`, {});
    shotIds.push(...created.map((shot) => shot.id));
  }
  return { projectId: project.id, episodeId: episode.id, sceneId, shotIds };
}

/** Signs a browser context in as `auth` (the app keeps its session in localStorage), before any page loads. */
export async function signInContext(context: BrowserContext, auth: ApiUser): Promise<void> {
  await context.addInitScript(
    ({ token, user }) => {
      if (!localStorage.getItem("aiuteur:token")) {
        localStorage.setItem("aiuteur:token", token);
        localStorage.setItem("aiuteur:user", JSON.stringify(user));
      }
    },
    { token: auth.token, user: auth.user },
  );
}

export function shotUrl(baseUrl: string, setup: ShotSetup, shotId = setup.shotIds[0]): string {
  return `${baseUrl}/projects/${encodeURIComponent(setup.projectId)}/shots/${encodeURIComponent(shotId ?? "")}`;
}

/** The panel's stroke count on one layer, as the canvas wrapper exposes it. */
export async function strokeCount(page: Page, layer: "sketch" | "annotation"): Promise<number> {
  return Number(await page.getByTestId("panel-canvas").getAttribute(`data-${layer}-count`));
}

/** Drags across the panel from one normalised point to another with the mouse. */
export async function dragOnPanel(page: Page, from: [number, number], to: [number, number]): Promise<void> {
  const box = await page.getByTestId("panel-canvas").boundingBox();
  if (!box) throw new Error("the panel is not on screen");
  const at = ([x, y]: [number, number]) => [box.x + x * box.width, box.y + y * box.height] as const;
  await page.mouse.move(...at(from));
  await page.mouse.down();
  await page.mouse.move(...at(to), { steps: 8 });
  await page.mouse.up();
}

/** The panel is mounted and both of its documents are in sync with the server. */
export async function waitForPanel(page: Page): Promise<void> {
  await page.getByTestId("panel-canvas").waitFor({ timeout: 15_000 });
  await page.locator('[data-testid="sync-status"][data-state="saved"]').first().waitFor({ timeout: 15_000 });
}

/**
 * A one-finger drag across the panel as a phone's touchscreen sends it (real touch events through the
 * DevTools protocol, which Chromium turns into touch pointer events), between normalised points.
 */
export async function touchDragOnPanel(page: Page, from: [number, number], to: [number, number], steps = 8): Promise<void> {
  const box = await page.getByTestId("panel-canvas").boundingBox();
  if (!box) throw new Error("the panel is not on screen");
  const at = (t: number) => ({
    x: box.x + (from[0] + (to[0] - from[0]) * t) * box.width,
    y: box.y + (from[1] + (to[1] - from[1]) * t) * box.height,
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [at(0)] });
  for (let i = 1; i <= steps; i++) {
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [at(i / steps)] });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await cdp.detach();
  // A finger takes a moment to come back: Chromium's gesture recogniser swallows the click of a tap that
  // lands within its double-tap window right after a drag.
  await page.waitForTimeout(400);
}

/** A tap on the panel at a normalised point. */
export async function tapOnPanel(page: Page, point: [number, number]): Promise<void> {
  const box = await page.getByTestId("panel-canvas").boundingBox();
  if (!box) throw new Error("the panel is not on screen");
  await page.touchscreen.tap(box.x + point[0] * box.width, box.y + point[1] * box.height);
}
