/**
 * Approving work with locks, in real browsers against the product: a director cannot lock a shot before
 * the episode's script ("Lock the script of episode 1 first", in visible text), locks the script, then
 * the shot — and the artist, whose shot page is already open in another browser, finds the canvas
 * read-only at once (sketch tools disabled, a stroke adds nothing to the sketch) while annotations stay
 * open. A scene change after the script is unlocked invalidates the shot until it is re-approved; the
 * shot can be unlocked on a new story timeline. Screens are photographed at desktop and phone sizes.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { snapshot } from "./helpers/browser.js";
import { caretBefore } from "./helpers/comments.js";
import { editor } from "./helpers/flows.js";
import { dragOnPanel, shotUrl, strokeCount, waitForPanel, type ShotSetup } from "./helpers/shots.js";
import { useShotStage } from "./helpers/stage.js";

const SCRIPT = `Title: Pilot

INT. KITCHEN - NIGHT

Maya scrubs a pan. Leo watches from the door.

EXT. HARBOUR - DAY

Gulls wheel over the water as the ferry docks.
`;

describe("locks in the browser", () => {
  const stage = useShotStage(
    [{ name: "Olga", browser: false }, { name: "Dana", role: "director" }, { name: "Arlo", role: "artist" }],
    SCRIPT,
  );
  let director: Page;
  let artist: Page;
  let setup: ShotSetup;
  let url: string;
  beforeAll(() => {
    [director, artist] = stage.pages as [Page, Page];
    setup = stage.setup;
    url = stage.product.url;
  });

  const episodeUrl = (view = "") =>
    `${url}/projects/${encodeURIComponent(setup.projectId)}/episodes/${encodeURIComponent(setup.episodeId)}${view ? `/${view}` : ""}`;
  const shotLock = (page: Page): Locator => page.getByTestId("shot-lock");
  const statusOf = (control: Locator) => control.getByTestId("lock-status").innerText();

  it("refuses to lock a shot before its script, and says why in visible text", async () => {
    await artist.goto(shotUrl(url, setup));
    await director.goto(shotUrl(url, setup));
    await waitForPanel(artist);
    await waitForPanel(director);

    // The artist draws while the shot is open.
    await artist.keyboard.press("p");
    await dragOnPanel(artist, [0.2, 0.2], [0.5, 0.6]);
    await expect.poll(() => strokeCount(director, "sketch")).toBe(1);

    const control = shotLock(director);
    await expect.poll(() => control.getByTestId("lock-why").innerText()).toBe("Lock the script of episode 1 first");
    expect(await control.getByTestId("lock-button").isDisabled()).toBe(true);
    expect(await statusOf(control)).toBe("Not locked");
    // An artist cannot lock at all, and is told so.
    expect(await shotLock(artist).getByTestId("lock-button").isDisabled()).toBe(true);
    expect(await shotLock(artist).getByTestId("lock-why").innerText()).toBe("Only owners and directors can lock");
    await snapshot(director, "locks-shot-gated");
  });

  it("locks the script, which turns its editor read-only and enables the shot's Lock button live", async () => {
    const scriptPage = await director.context().newPage();
    await scriptPage.goto(episodeUrl());
    await editor(scriptPage).waitFor();
    expect(await editor(scriptPage).getAttribute("contenteditable")).toBe("true");

    const control = scriptPage.getByTestId("lock-control");
    await control.getByTestId("lock-button").click();
    await expect.poll(() => statusOf(control)).toMatch(/^Locked by Dana · \d\d:\d\d$/);
    await expect.poll(() => editor(scriptPage).getAttribute("contenteditable")).toBe("false");
    expect(await scriptPage.getByTestId("lock-banner").innerText()).toMatch(/^Locked — approved by Dana on .+; comments stay open$/);
    await snapshot(scriptPage, "locks-script-locked");
    await scriptPage.close();

    // The director's shot page, open all along, sees the script's lock arrive.
    const shotControl = shotLock(director);
    await expect.poll(() => shotControl.getByTestId("lock-button").isEnabled(), { timeout: 10_000 }).toBe(true);
    expect(await shotControl.getByTestId("lock-why").count()).toBe(0);
  });

  it("locks the shot, and the artist's open canvas turns read-only at once while annotations stay open", async () => {
    expect(await artist.getByTestId("layer-sketch").isEnabled()).toBe(true);
    await shotLock(director).getByTestId("lock-button").click();
    await expect.poll(() => statusOf(shotLock(director))).toMatch(/^Locked by Dana · \d\d:\d\d$/);

    // The artist did nothing: the lock reached their page by itself.
    await expect.poll(() => artist.getByTestId("layer-sketch").isDisabled(), { timeout: 10_000 }).toBe(true);
    expect(await artist.getByTestId("panel-canvas").getAttribute("data-layer")).toBe("annotations");
    expect(await artist.getByTestId("lock-banner").innerText()).toMatch(/^Locked — approved by Dana on .+; comments stay open$/);
    expect(await artist.getByTestId("sketch-locked-note").innerText()).toMatch(
      /^Locked by Dana · \d\d:\d\d\. The sketch can't change; annotations and comments stay open\.$/,
    );
    expect(await artist.getByTestId("shot-duration").getAttribute("readonly")).not.toBeNull();
    expect(await statusOf(shotLock(artist))).toMatch(/^Locked by Dana/);

    // A stroke now lands on the annotations, never on the locked sketch.
    await dragOnPanel(artist, [0.6, 0.2], [0.8, 0.5]);
    await expect.poll(() => strokeCount(artist, "annotation")).toBe(1);
    expect(await strokeCount(artist, "sketch")).toBe(1);
    await expect.poll(() => strokeCount(director, "annotation"), { timeout: 10_000 }).toBe(1);
    expect(await strokeCount(director, "sketch")).toBe(1);
    await snapshot(artist, "locks-artist-canvas-locked");
  });

  it("shows the lock on the storyboard panel and in the scene list", async () => {
    const page = await director.context().newPage();
    await page.goto(episodeUrl("storyboard"));
    const panel = page.locator(`[data-testid="shot-panel"][data-shot-id="${setup.shotIds[0]}"]`);
    await expect.poll(() => panel.getByTestId("lock-badge").innerText(), { timeout: 10_000 }).toBe("Locked");
    await snapshot(page, "locks-storyboard-badge");

    await page.goto(episodeUrl("scenes"));
    const kitchen = page.locator('[data-testid="scene-row"]').first();
    await expect.poll(() => kitchen.getByTestId("shot-lock-counts").innerText(), { timeout: 10_000 }).toContain("1 locked");
    await page.close();
  });

  it("invalidates the shot when its scene changes after the script is unlocked, until it is re-approved", async () => {
    const scriptPage = await director.context().newPage();
    await scriptPage.goto(episodeUrl());
    await editor(scriptPage).waitFor();
    const scriptLock = scriptPage.getByTestId("lock-control");
    await scriptLock.getByTestId("unlock-button").click();
    await scriptPage.getByTestId("unlock-here").click();
    await expect.poll(() => editor(scriptPage).getAttribute("contenteditable")).toBe("true");

    await caretBefore(scriptPage, "Leo watches");
    await scriptPage.keyboard.type("A plate breaks. ");
    await expect.poll(() => statusOf(shotLock(artist)), { timeout: 15_000 }).toBe("Invalidated: Scene 1 changed in the script");
    expect(await artist.getByTestId("layer-sketch").isDisabled()).toBe(true);
    expect(await artist.getByTestId("lock-banner").innerText()).toMatch(/^Invalidated — Scene 1 changed in the script\./);
    await snapshot(artist, "locks-shot-invalidated");

    // The director approves the new script, then the shot again.
    await scriptLock.getByTestId("lock-button").click();
    await expect.poll(() => statusOf(scriptLock)).toMatch(/^Locked by Dana/);
    await scriptPage.close();
    const control = shotLock(director);
    await expect.poll(() => statusOf(control)).toBe("Invalidated: Scene 1 changed in the script");
    await control.getByTestId("reapprove-button").click();
    await expect.poll(() => statusOf(control)).toMatch(/^Locked by Dana/);
    await expect.poll(() => statusOf(shotLock(artist)), { timeout: 10_000 }).toMatch(/^Locked by Dana/);
  });

  it("locks the beat board: its cards can no longer be added or edited", async () => {
    const page = await director.context().newPage();
    await page.goto(episodeUrl("beats"));
    await page.getByTestId("apply-beat-template").click();
    await expect.poll(() => page.getByTestId("beat-card").count()).toBe(15);
    const control = page.getByTestId("lock-control");
    await control.getByTestId("lock-button").click();
    await expect.poll(() => statusOf(control)).toMatch(/^Locked by Dana/);
    await expect.poll(() => page.getByTestId("add-beat").count()).toBe(0);
    expect(await page.getByTestId("beat-title").first().getAttribute("readonly")).not.toBeNull();
    expect(await page.getByTestId("lock-banner").innerText()).toMatch(/^Locked — approved by Dana/);
    await snapshot(page, "locks-beats-locked");
    await page.close();
  });

  it("unlocks the shot on a new story timeline, leaving it locked on main", async () => {
    await shotLock(director).getByTestId("unlock-button").click();
    const dialog = director.getByTestId("unlock-dialog");
    expect(await dialog.getByTestId("unlock-branch-name").inputValue()).toBe("Pilot — alternative");
    await dialog.getByTestId("unlock-branch-name").fill("Pilot — softer ending");
    await snapshot(director, "locks-unlock-dialog");
    await dialog.getByTestId("unlock-on-branch").click();

    await expect.poll(() => new URL(director.url()).searchParams.get("branch")).toMatch(/^[A-Za-z0-9_-]+$/);
    await waitForPanel(director);
    await expect.poll(() => statusOf(shotLock(director))).toBe("Not locked");
    expect(await director.getByTestId("layer-sketch").isEnabled()).toBe(true);
    // Main keeps its approved shot.
    expect(await statusOf(shotLock(artist))).toMatch(/^Locked by Dana/);
    expect(await artist.getByTestId("layer-sketch").isDisabled()).toBe(true);
  });

  it("fits the locked shot page on a phone", async () => {
    await artist.setViewportSize({ width: 375, height: 812 });
    await expect.poll(() => artist.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shotLock(artist).scrollIntoViewIfNeeded();
    expect(await shotLock(artist).getByTestId("lock-why").isVisible()).toBe(true);
    await snapshot(artist, "locks-shot-phone");
  });
});
