/**
 * Writing a scene from the keyboard alone, as a Final Draft user would, in the real browser: Enter and
 * Tab choose the next element, cues and headings come out in capitals, a known name autocompletes, and
 * the exported Fountain is a properly formatted scene.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, snapshot } from "./helpers/browser.js";
import { caretToEnd, createEpisode, createProject, openEpisode, signUp } from "./helpers/flows.js";
import { startProduct, type Product } from "./helpers/product.js";

const elementTypes = (page: Page) =>
  page.locator(".ProseMirror [data-type]").evaluateAll((nodes) =>
    nodes.map((node) => [node.getAttribute("data-type"), (node as HTMLElement).innerText.trim()]),
  );

describe("screenwriting from the keyboard", () => {
  let product: Product;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await signUp(page, product.url, "Kit", `kit-${Date.now()}@example.test`);
    await createProject(page, "Keys");
    await createEpisode(page, "Cold Open");
    await openEpisode(page, "Cold Open");
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it("moves between elements with Enter and Tab and writes cues and headings in capitals", async () => {
    await caretToEnd(page);
    await page.keyboard.type("int. lighthouse - night", { delay: 5 });
    await page.keyboard.press("Enter");
    await page.keyboard.type("The lamp turns.", { delay: 5 });
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await page.keyboard.type("mara", { delay: 5 });
    await page.keyboard.press("Enter");
    await page.keyboard.type("Someone has to keep it lit.", { delay: 5 });
    await page.keyboard.press("Enter");
    // Dialogue → Enter gives the next cue; a name already in the script is offered as you type.
    await page.keyboard.type("ma", { delay: 5 });
    await page.getByTestId("character-suggestions").waitFor();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Every night.", { delay: 5 });

    await expect.poll(() => elementTypes(page)).toEqual([
      ["sceneHeading", "INT. LIGHTHOUSE - NIGHT"],
      ["action", "The lamp turns."],
      ["character", "MARA"],
      ["dialogue", "Someone has to keep it lit."],
      ["character", "MARA"],
      ["dialogue", "Every night."],
    ]);
    // Tab never took the focus away from the page.
    expect(await page.evaluate(() => document.activeElement?.classList.contains("ProseMirror"))).toBe(true);
    await snapshot(page, "keyboard-scene");
  });

  it("fills in the title page", async () => {
    await page.getByTestId("open-title-page").click();
    await page.getByTestId("title-page-title").fill("The Keeper");
    await page.getByTestId("title-page-author").fill("Kit Marlowe");
    await page.getByTestId("title-page-author").press("Enter");
    await page.getByTestId("title-page-close").click();
    await page.getByTestId("title-page-dialog").waitFor({ state: "detached" });
    // Reopened, it shows what was saved.
    await page.getByTestId("open-title-page").click();
    expect(await page.getByTestId("title-page-title").inputValue()).toBe("The Keeper");
    await snapshot(page, "title-page");
    await page.keyboard.press("Escape");
    await page.getByTestId("title-page-dialog").waitFor({ state: "detached" });
  });

  it("exports what was typed as a formatted Fountain scene, title page first", async () => {
    await expect.poll(() => page.getByTestId("sync-status").getAttribute("data-state")).toBe("saved");
    const download = page.waitForEvent("download");
    await page.getByTestId("export-fountain").first().click();
    const file = await (await download).path();
    const { readFileSync } = await import("node:fs");
    const text = readFileSync(file!, "utf8");
    expect(text.startsWith("Title: The Keeper\nAuthor: Kit Marlowe\n\n")).toBe(true);
    expect(text).toContain("INT. LIGHTHOUSE - NIGHT\n\nThe lamp turns.\n\nMARA\nSomeone has to keep it lit.\n\nMARA\nEvery night.");
  });
});
