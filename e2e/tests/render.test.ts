/**
 * Renders in real browsers against the product (in-process render worker, no Redis): a director locks a
 * shot and watches its progress bar, then plays the clip and makes a review copy; with three shots locked, the storyboard shows
 * each one rendered, the episode's animatic renders, plays, and scrubs to the third shot (marker click and
 * keys) with that shot highlighted. A reviewer on a phone sees the same animatic. With an AI provider that
 * this deployment has not configured, the prompt is shown before rendering and the render ends as a
 * visible failure, on the shot and in the project's failed renders, with Retry. Screenshots at desktop
 * and phone sizes go to /tmp/render-shots/.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { addShot, lockScript, lockShot, latestRenderStatus, setRenderProvider, progressSeen, readyState, recordProgressBars, renderSnapshot, videoPlays } from "./helpers/render.js";
import { dragOnPanel, shotUrl, strokeCount, waitForPanel, type ShotSetup } from "./helpers/shots.js";
import { PHONE, useShotStage } from "./helpers/stage.js";

const SCRIPT = `Title: Pilot

INT. KITCHEN - NIGHT

Maya scrubs a pan. Leo watches from the door.

MAYA
You're late.

EXT. HARBOUR - DAY

Gulls wheel over the water as the ferry docks.
`;

const RENDER_TIMEOUT = 90_000;

describe("renders in the browser", () => {
  const stage = useShotStage([{ name: "Dana" }, { name: "Rhea", role: "reviewer", context: PHONE }], SCRIPT, 3);
  let director: Page;
  let reviewer: Page;
  let setup: ShotSetup;
  let url: string;
  beforeAll(() => {
    [director, reviewer] = stage.pages as [Page, Page];
    setup = stage.setup;
    url = stage.product.url;
  });

  const animaticUrl = () => `${url}/projects/${encodeURIComponent(setup.projectId)}/episodes/${encodeURIComponent(setup.episodeId)}/animatic`;
  const shots = (page: Page): Locator => page.getByTestId("animatic-shot");
  const currentShots = (page: Page) => shots(page).evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.current === "true"));

  it("shows a live progress bar when a shot is locked, then a clip that plays", async () => {
    await lockScript(url, stage.users[0]!, setup);
    await director.goto(shotUrl(url, setup));
    await waitForPanel(director);
    // A sketch, so the clip and the animatic's thumbnails show something of the shot.
    await director.keyboard.press("p");
    await dragOnPanel(director, [0.2, 0.3], [0.7, 0.6]);
    await dragOnPanel(director, [0.3, 0.7], [0.6, 0.2]);
    await expect.poll(() => strokeCount(director, "sketch")).toBe(2);
    const panel = director.getByTestId("shot-render");
    expect(await panel.getByTestId("render-status").innerText()).toBe("No render yet");

    await recordProgressBars(director, "render-progress");
    const lock = director.getByTestId("shot-lock").getByTestId("lock-button");
    await expect.poll(() => lock.isEnabled(), { timeout: 10_000 }).toBe(true);
    await lock.click();
    // The worker's progress reaches the page through the shot document: the bar shows without any reload.
    await expect.poll(() => progressSeen(director), { timeout: RENDER_TIMEOUT }).not.toEqual([]);
    await renderSnapshot(director, "shot-rendering-desktop");

    await expect.poll(() => panel.getAttribute("data-render-status"), { timeout: RENDER_TIMEOUT }).toBe("done");
    expect(await panel.getByTestId("render-status").innerText()).toBe("Rendered");
    const clip = director.getByTestId("shot-clip");
    await expect.poll(() => readyState(director, "shot-clip"), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    const played = await videoPlays(director, "shot-clip");
    expect(played).toEqual({ readyState: expect.any(Number), advanced: true, error: null });
    expect(played.readyState).toBeGreaterThanOrEqual(2);
    expect(await clip.getAttribute("src")).toMatch(/\/artifacts\/shots\/[0-9a-f]+\/clip\.mp4\?access_token=/);
    expect(await director.getByTestId("render-download-mp4").count()).toBe(1);
    await panel.scrollIntoViewIfNeeded();
    await renderSnapshot(director, "shot-rendered-desktop");
  });

  it("makes a review copy of the locked shot from its page, with a download when done", async () => {
    const block = director.getByTestId("review-copy");
    await block.scrollIntoViewIfNeeded();
    expect(await block.getByTestId("review-copy-status").innerText()).toBe("No review copy yet.");
    await block.getByTestId("review-copy-request").click();
    await expect.poll(() => block.getAttribute("data-review-status"), { timeout: RENDER_TIMEOUT }).toBe("done");
    const href = await block.getByTestId("review-copy-download").getAttribute("href");
    expect(href).toMatch(/\/artifacts\/shots\/[0-9a-f]+\/clip\.mp4\?access_token=/);
    // A different file from the clean clip: the review copy is named by its own content (annotations included).
    expect(href).not.toBe(await director.getByTestId("shot-clip").getAttribute("src"));
    await renderSnapshot(director, "shot-review-copy-desktop");
  });

  it("shows every locked shot's render on the storyboard", async () => {
    const owner = stage.users[0]!;
    for (const shotId of setup.shotIds.slice(1)) await lockShot(url, owner, setup, shotId);
    for (const shotId of setup.shotIds) {
      await expect.poll(() => latestRenderStatus(url, owner, setup, shotId), { timeout: RENDER_TIMEOUT }).toBe("done");
    }
    await director.goto(`${url}/projects/${encodeURIComponent(setup.projectId)}/episodes/${encodeURIComponent(setup.episodeId)}/storyboard`);
    await expect
      .poll(() => director.getByTestId("render-badge").allInnerTexts(), { timeout: 20_000 })
      .toEqual(["▶ rendered", "▶ rendered", "▶ rendered"]);
    await renderSnapshot(director, "storyboard-rendered-desktop");
  });

  it("renders the episode's animatic, plays it and scrubs to the third shot", async () => {
    await director.goto(animaticUrl());
    await director.getByTestId("animatic-empty").waitFor({ timeout: 15_000 });
    await director.getByTestId("animatic-render").click();
    await director.getByTestId("animatic-player").waitFor({ timeout: RENDER_TIMEOUT });
    await expect.poll(() => director.getByTestId("animatic-marker").count()).toBe(3);
    expect(await shots(director).evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.shotId))).toEqual(setup.shotIds);
    await expect.poll(() => readyState(director, "animatic-video"), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    expect((await videoPlays(director, "animatic-video")).advanced).toBe(true);

    // A click on the third marker jumps there: the third shot is highlighted and the video is at its start.
    await director.getByTestId("animatic-marker").nth(2).click();
    await expect.poll(() => currentShots(director)).toEqual([false, false, true]);
    const third = await director.getByTestId("animatic-marker").nth(2).getAttribute("style");
    expect(third).toMatch(/left: \d/);
    const videoTime = await director.getByTestId("animatic-video").evaluate((video) => (video as HTMLVideoElement).currentTime);
    expect(videoTime).toBeGreaterThan(0);

    // By keys: Home back to the first shot, then PageDown twice to the third.
    const timeline = director.getByTestId("animatic-timeline");
    await timeline.focus();
    await director.keyboard.press("Home");
    await expect.poll(() => currentShots(director)).toEqual([true, false, false]);
    await director.keyboard.press("PageDown");
    await director.keyboard.press("PageDown");
    await expect.poll(() => currentShots(director)).toEqual([false, false, true]);
    expect(await timeline.getAttribute("aria-valuetext")).toMatch(/shot 3$/);

    for (const kind of ["mp4", "otio", "fcpxml", "edl"]) {
      expect(await director.getByTestId(`animatic-download-${kind}`).getAttribute("href")).toMatch(/\/artifacts\/animatics\/.+\?access_token=/);
    }
    await timeline.hover();
    await renderSnapshot(director, "animatic-desktop");
  });

  it("plays the same animatic on a reviewer's phone, stacked, with tappable controls", async () => {
    await reviewer.goto(animaticUrl());
    await reviewer.getByTestId("animatic-player").waitFor({ timeout: 20_000 });
    await expect.poll(() => reviewer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const play = await reviewer.getByTestId("animatic-play").boundingBox();
    expect(play!.height).toBeGreaterThanOrEqual(40);
    await reviewer.getByTestId("animatic-marker").nth(2).tap();
    await expect.poll(() => currentShots(reviewer)).toEqual([false, false, true]);
    await renderSnapshot(reviewer, "animatic-phone");

    await reviewer.goto(shotUrl(url, setup, setup.shotIds[2]));
    await reviewer.getByTestId("shot-clip").waitFor({ timeout: 20_000 });
    await reviewer.getByTestId("shot-render").scrollIntoViewIfNeeded();
    await renderSnapshot(reviewer, "shot-rendered-phone");
  });

  it("shows an AI provider's prompt before rendering, then its failure with the reason and Retry", async () => {
    const owner = stage.users[0]!;
    await setRenderProvider(url, owner, setup, "comfyui");
    const shotId = await addShot(url, owner, setup);
    await director.setViewportSize({ width: 1280, height: 900 });
    await director.goto(shotUrl(url, setup, shotId));
    await waitForPanel(director);
    const prompt = director.getByTestId("render-prompt");
    await expect.poll(() => prompt.innerText(), { timeout: 10_000 }).toContain("Prompt sent to ComfyUI");
    expect(await prompt.innerText()).toContain("not configured");

    await director.getByTestId("shot-lock").getByTestId("lock-button").click();
    const panel = director.getByTestId("shot-render");
    // No COMFYUI_URL: the same answer on every attempt, so it fails at once and the reason stays visible.
    await expect.poll(() => panel.getAttribute("data-render-status"), { timeout: RENDER_TIMEOUT }).toBe("failed");
    expect(await panel.getByTestId("render-status").innerText()).toMatch(/^Render failed: ComfyUI is not configured/);
    expect(await panel.getByTestId("render-retry").isEnabled()).toBe(true);
    await panel.scrollIntoViewIfNeeded();
    await renderSnapshot(director, "shot-failed-desktop");

    await director.goto(`${url}/projects/${encodeURIComponent(setup.projectId)}`);
    const failed = director.getByTestId("failed-render");
    await expect.poll(() => failed.count(), { timeout: 10_000 }).toBe(1);
    expect(await failed.innerText()).toContain("ComfyUI is not configured");
    expect(await failed.getByRole("link").getAttribute("href")).toContain(shotId);
    await renderSnapshot(director, "failed-renders-desktop");
    // Retry queues it again: it leaves the list (until it fails once more).
    await failed.getByTestId("failed-render-retry").click();
    await expect.poll(() => failed.count()).toBe(0);
  });

  it("lets the owner choose the render settings on the project page; a WebM project gets WebM clips too", async () => {
    const owner = stage.users[0]!;
    await setRenderProvider(url, owner, setup, "comfyui");
    await director.goto(`${url}/projects/${encodeURIComponent(setup.projectId)}`);
    const settings = director.getByTestId("render-settings");
    const provider = settings.getByTestId("render-setting-provider");
    // ComfyUI is chosen, and this server has not configured it: the panel says so.
    await expect.poll(() => provider.inputValue(), { timeout: 10_000 }).toBe("comfyui");
    expect(await settings.innerText()).toContain("ComfyUI is not configured on this server");
    await provider.selectOption("builtin");
    await expect.poll(() => settings.getByRole("alert").count()).toBe(0);
    await settings.getByTestId("render-setting-format").selectOption("webm");
    await expect.poll(() => settings.getByTestId("render-setting-format").isEnabled()).toBe(true);
    await renderSnapshot(director, "render-settings-desktop");
    await director.reload();
    await expect.poll(() => director.getByTestId("render-setting-format").inputValue(), { timeout: 10_000 }).toBe("webm");
    expect(await director.getByTestId("render-setting-provider").inputValue()).toBe("builtin");

    // A reviewer sees the settings but cannot change them.
    await reviewer.goto(`${url}/projects/${encodeURIComponent(setup.projectId)}`);
    await expect.poll(() => reviewer.getByTestId("render-setting-format").inputValue(), { timeout: 10_000 }).toBe("webm");
    expect(await reviewer.getByTestId("render-setting-format").isDisabled()).toBe(true);

    const shotId = await addShot(url, owner, setup);
    await lockScript(url, owner, setup); // already locked when the whole file runs: locking again is a no-op
    await lockShot(url, owner, setup, shotId);
    await director.goto(shotUrl(url, setup, shotId));
    const panel = director.getByTestId("shot-render");
    await expect.poll(() => panel.getAttribute("data-render-status"), { timeout: RENDER_TIMEOUT }).toBe("done");
    expect(await director.getByTestId("render-download-webm").getAttribute("href")).toMatch(/\/clip\.webm\?access_token=/);
    expect(await director.getByTestId("shot-clip").getAttribute("src")).toMatch(/\/clip\.mp4\?access_token=/);
  });
});
