/**
 * Two writers in two browsers co-write one screenplay through the product `npm start` serves: each sees
 * the other's words and caret, a reload keeps everything, and a writer who loses the connection keeps
 * writing and is caught up when it returns.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, snapshot } from "./helpers/browser.js";
import { createCuttableLink, type CuttableLink } from "./helpers/cuttableLink.js";
import { addMember, caretToEnd, createEpisode, createProject, editor, editorText, openEpisode, signUp } from "./helpers/flows.js";
import { startProduct, type Product } from "./helpers/product.js";

describe("a writers' room in two browsers", () => {
  let product: Product;
  let browser: Browser;
  let linkA: CuttableLink;
  let linkB: CuttableLink;
  let contextA: BrowserContext;
  let contextB: BrowserContext;
  let ana: Page;
  let ben: Page;
  const benEmail = `ben-${Date.now()}@example.test`;

  beforeAll(async () => {
    product = await startProduct();
    linkA = await createCuttableLink(product.port);
    linkB = await createCuttableLink(product.port);
    browser = await launchBrowser();
    contextA = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contextB = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    ana = await contextA.newPage();
    ben = await contextB.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await linkA?.close();
    await linkB?.close();
    await product?.stop();
  });

  it("signs up two writers, shares a project and opens the same episode", async () => {
    await signUp(ben, linkB.url, "Ben", benEmail);
    await signUp(ana, linkA.url, "Ana", `ana-${Date.now()}@example.test`);
    await createProject(ana, "Harbour Lights");
    await createEpisode(ana, "Pilot");
    await addMember(ana, benEmail, "writer");
    await openEpisode(ana, "Pilot");

    await ben.goto(`${linkB.url}/`);
    await ben.getByTestId("project-link").filter({ hasText: "Harbour Lights" }).click();
    await openEpisode(ben, "Pilot");
    await expect.poll(() => ana.getByTestId("presence-user").allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining("Ben")]),
    );
  });

  it("shows each writer's text and caret to the other as they type", async () => {
    await editor(ana).click();
    await ana.keyboard.type("INT. HARBOUR OFFICE - NIGHT");
    await ana.keyboard.press("Enter");
    await ana.keyboard.type("Rain streaks the window.");
    await expect.poll(() => editorText(ben)).toContain("INT. HARBOUR OFFICE - NIGHT Rain streaks the window.");

    await caretToEnd(ben);
    await ben.keyboard.press("Enter");
    await ben.keyboard.type("A foghorn sounds.");
    await expect.poll(() => editorText(ana)).toContain("Rain streaks the window. A foghorn sounds.");

    // Ben's caret, labelled with his name, is drawn in Ana's editor.
    await expect.poll(() => ana.locator(".collaboration-carets__label").allInnerTexts()).toContain("Ben");
    await expect.poll(() => ben.locator(".collaboration-carets__label").allInnerTexts()).toContain("Ana");
    await snapshot(ana, "writers-room-ana");
    await snapshot(ben, "writers-room-ben");
  });

  it("keeps everything across a reload", async () => {
    await expect.poll(() => ana.getByTestId("sync-status").getAttribute("data-state")).toBe("saved");
    await ana.reload();
    await editor(ana).waitFor();
    await expect.poll(() => editorText(ana)).toContain("INT. HARBOUR OFFICE - NIGHT Rain streaks the window. A foghorn sounds.");
  });

  it("lets a writer keep typing offline and delivers the text when the connection returns", async () => {
    await linkB.cut();
    await contextB.setOffline(true);
    await expect.poll(() => ben.getByTestId("sync-status").getAttribute("data-state"), { timeout: 15_000 }).toBe("offline");

    await caretToEnd(ben);
    await ben.keyboard.press("Enter");
    await ben.keyboard.type("Written in the tunnel.");
    await expect.poll(() => editorText(ben)).toContain("Written in the tunnel.");
    await snapshot(ben, "offline-ben");
    // Still only on Ben's device.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await editorText(ana)).not.toContain("Written in the tunnel.");

    // A reload while offline still shows the script, from the copy kept on the device.
    await ben.reload();
    await editor(ben).waitFor({ timeout: 15_000 });
    await expect.poll(() => editorText(ben)).toContain("Written in the tunnel.");

    await contextB.setOffline(false);
    await linkB.restore();
    await expect.poll(() => editorText(ana), { timeout: 30_000 }).toContain("A foghorn sounds. Written in the tunnel.");
    await expect.poll(() => ben.getByTestId("sync-status").getAttribute("data-state"), { timeout: 30_000 }).toBe("saved");
  });
});
