/**
 * Drawing on a shot's panel in two browsers: a director draws an arrow and an artist sees it appear,
 * with the director's live pointer; the artist's undo never removes the director's stroke.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { snapshot } from "./helpers/browser.js";
import {
  dragOnPanel,
  shotUrl,
  strokeCount,
  testScript,
  waitForPanel,
  type ShotSetup,
} from "./helpers/shots.js";
import { useShotStage } from "./helpers/stage.js";

describe("drawing on a shot panel together", () => {
  const stage = useShotStage([{ name: "Dana" }, { name: "Arlo", role: "artist" }], testScript("TestFDX-FD.fountain"), 2);
  let director: Page;
  let artist: Page;
  let setup: ShotSetup;
  beforeAll(() => {
    [director, artist] = stage.pages as [Page, Page];
    setup = stage.setup;
  });

  it("shows a director's arrow to an artist in another browser", async () => {
    await director.goto(shotUrl(stage.product.url, setup));
    await artist.goto(shotUrl(stage.product.url, setup));
    await waitForPanel(director);
    await waitForPanel(artist);
    expect(await strokeCount(artist, "sketch")).toBe(0);

    await director.keyboard.press("a"); // the arrow tool
    await expect.poll(() => director.getByTestId("panel-canvas").getAttribute("data-tool")).toBe("arrow");
    await dragOnPanel(director, [0.2, 0.6], [0.7, 0.3]);

    await expect.poll(() => strokeCount(director, "sketch")).toBe(1);
    await expect.poll(() => strokeCount(artist, "sketch"), { timeout: 10_000 }).toBe(1);
    // The director's pointer, with their name, is over the artist's panel.
    await director.getByTestId("panel-canvas").hover({ position: { x: 100, y: 100 } });
    await expect.poll(() => artist.getByTestId("remote-pointer").allInnerTexts(), { timeout: 10_000 }).toContain("Dana");
    await snapshot(artist, "drawing-artist-sees-arrow");
  });

  it("undoes only the artist's own stroke", async () => {
    await artist.keyboard.press("p");
    await dragOnPanel(artist, [0.1, 0.1], [0.3, 0.2]);
    await expect.poll(() => strokeCount(director, "sketch"), { timeout: 10_000 }).toBe(2);

    await artist.keyboard.press("Control+z");
    await expect.poll(() => strokeCount(artist, "sketch")).toBe(1);
    await artist.keyboard.press("Control+z"); // nothing more of the artist's: the arrow stays
    await expect.poll(() => strokeCount(director, "sketch"), { timeout: 10_000 }).toBe(1);
    expect(await strokeCount(artist, "sketch")).toBe(1);
  });

  it("places text with the text tool and deletes it with the select tool", async () => {
    const canvas = director.getByTestId("panel-canvas");
    await director.keyboard.press("t");
    await canvas.click({ position: { x: 500, y: 80 } });
    await director.getByTestId("panel-text-input").fill("RAIN");
    await director.keyboard.press("Enter");
    await expect.poll(() => strokeCount(artist, "sketch"), { timeout: 10_000 }).toBe(2);

    await director.keyboard.press("v");
    await canvas.click({ position: { x: 505, y: 85 } });
    await expect.poll(() => director.getByTestId("delete-stroke").isEnabled()).toBe(true);
    await director.keyboard.press("Delete");
    await expect.poll(() => strokeCount(artist, "sketch"), { timeout: 10_000 }).toBe(1);
  });

  it("moves to the next shot of the scene from the keyboard", async () => {
    await director.keyboard.press("]");
    await expect.poll(() => director.url()).toContain(setup.shotIds[1]);
    await waitForPanel(director);
    expect(await strokeCount(director, "sketch")).toBe(0);
    await director.keyboard.press("[");
    await expect.poll(() => director.url()).toContain(setup.shotIds[0]);
    await expect.poll(() => strokeCount(director, "sketch")).toBe(1);
    await snapshot(director, "drawing-panel-desktop");
  });
});
