/**
 * A reviewer on a phone (375×812, touch) annotates a shot and comments on it while offline; when the
 * connection returns, the director — watching the same shot on a desktop — sees both.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { snapshot } from "./helpers/browser.js";
import { createCuttableLink, type CuttableLink } from "./helpers/cuttableLink.js";
import {
  dragOnPanel,
  shotUrl,
  strokeCount,
  tapOnPanel,
  testScript,
  touchDragOnPanel,
  waitForPanel,
  type ShotSetup,
} from "./helpers/shots.js";
import { PHONE, useShotStage } from "./helpers/stage.js";

describe("a reviewer on a phone, offline", () => {
  const stage = useShotStage(
    [{ name: "Dana" }, { name: "Rita", role: "reviewer", context: PHONE }],
    testScript("TestFDX-FD.fountain"),
  );
  let link: CuttableLink;
  let director: Page;
  let reviewer: Page;
  let setup: ShotSetup;
  beforeAll(async () => {
    [director, reviewer] = stage.pages as [Page, Page];
    setup = stage.setup;
    // The phone reaches the product through a link the test can cut.
    link = await createCuttableLink(stage.product.port);
  });
  afterAll(async () => {
    await link?.close();
  });

  it("opens the shot on the phone with only the annotation layer writable", async () => {
    await director.goto(shotUrl(stage.product.url, setup));
    await waitForPanel(director);
    await director.keyboard.press("r");
    await dragOnPanel(director, [0.3, 0.3], [0.6, 0.7]);
    await expect.poll(() => strokeCount(director, "sketch")).toBe(1);

    await reviewer.goto(shotUrl(link.url, setup));
    await waitForPanel(reviewer);
    await expect.poll(() => strokeCount(reviewer, "sketch")).toBe(1);
    expect(await reviewer.getByTestId("layer-sketch").isDisabled()).toBe(true);
    expect(await reviewer.getByTestId("panel-canvas").getAttribute("data-layer")).toBe("annotations");
    const box = await reviewer.getByTestId("panel-canvas").boundingBox();
    expect(box!.width).toBeLessThanOrEqual(375);
    expect(box!.width).toBeGreaterThan(300);
  });

  it("annotates and comments offline, and the director sees both after reconnecting", async () => {
    await link.cut();
    await reviewer.context().setOffline(true);
    await expect.poll(() => reviewer.getByTestId("sync-status").getAttribute("data-state")).toBe("offline");

    await reviewer.getByTestId("tool-arrow").tap();
    await touchDragOnPanel(reviewer, [0.15, 0.8], [0.45, 0.5]);
    await expect.poll(() => strokeCount(reviewer, "annotation")).toBe(1);
    expect(await strokeCount(reviewer, "sketch")).toBe(1); // a finger on the annotation layer never touches the sketch

    await reviewer.getByTestId("tool-comment").tap();
    await tapOnPanel(reviewer, [0.5, 0.4]);
    await reviewer.getByTestId("panel-comment-input").fill("Can we see her face here?");
    await reviewer.getByTestId("panel-comment-submit").tap();
    await expect.poll(() => reviewer.getByTestId("thread-card").allInnerTexts()).toEqual([expect.stringContaining("Can we see her face here?")]);
    await expect.poll(() => reviewer.getByTestId("panel-pin").count()).toBe(1);
    await snapshot(reviewer, "mobile-review-offline-phone");
    // Nothing has reached the director yet.
    expect(await strokeCount(director, "annotation")).toBe(0);

    await reviewer.context().setOffline(false);
    await link.restore();
    await expect.poll(() => strokeCount(director, "annotation"), { timeout: 20_000 }).toBe(1);
    await expect
      .poll(() => director.getByTestId("thread-card").allInnerTexts(), { timeout: 20_000 })
      .toEqual([expect.stringContaining("Can we see her face here?")]);
    await expect.poll(() => director.getByTestId("panel-pin").count()).toBe(1);
    await expect.poll(() => reviewer.getByTestId("sync-status").getAttribute("data-state"), { timeout: 20_000 }).toBe("saved");
    await snapshot(director, "mobile-review-director-desktop");
  });
});
