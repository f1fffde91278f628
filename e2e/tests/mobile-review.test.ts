/**
 * A reviewer on a phone (375×812, touch) annotates a shot and comments on it while offline; when the
 * connection returns, the director — watching the same shot on a desktop — sees both.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, snapshot } from "./helpers/browser.js";
import { createCuttableLink, type CuttableLink } from "./helpers/cuttableLink.js";
import { startProduct, type Product } from "./helpers/product.js";
import {
  createShotProject,
  dragOnPanel,
  shotUrl,
  signInContext,
  signUpApi,
  strokeCount,
  tapOnPanel,
  testScript,
  touchDragOnPanel,
  waitForPanel,
  type ShotSetup,
} from "./helpers/shots.js";

describe("a reviewer on a phone, offline", () => {
  let product: Product;
  let link: CuttableLink;
  let browser: Browser;
  let directorContext: BrowserContext;
  let reviewerContext: BrowserContext;
  let director: Page;
  let reviewer: Page;
  let setup: ShotSetup;

  beforeAll(async () => {
    product = await startProduct();
    link = await createCuttableLink(product.port);
    const dana = await signUpApi(product.url, "Dana");
    const rita = await signUpApi(product.url, "Rita");
    setup = await createShotProject(product.url, dana, [{ user: rita, role: "reviewer" }], testScript("TestFDX-FD.fountain"));
    browser = await launchBrowser();
    directorContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    reviewerContext = await browser.newContext({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    await signInContext(directorContext, dana);
    await signInContext(reviewerContext, rita);
    director = await directorContext.newPage();
    reviewer = await reviewerContext.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await link?.close();
    await product?.stop();
  });

  it("opens the shot on the phone with only the annotation layer writable", async () => {
    await director.goto(shotUrl(product.url, setup));
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
    await reviewerContext.setOffline(true);
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

    await reviewerContext.setOffline(false);
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
