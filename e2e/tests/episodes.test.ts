/**
 * Episodes as a screenwriter meets them: importing a real Fountain file through the file picker,
 * exporting it back, a broken upload refused with a clear message, a reviewer who can read but not
 * type, and the script page on a phone.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, snapshot } from "./helpers/browser.js";
import { addMember, createProject, editor, editorText, openEpisode, signUp } from "./helpers/flows.js";
import { startProduct, type Product } from "./helpers/product.js";

const FOUNTAIN_DIR = fileURLToPath(new URL("../../../shared/data/fountain/", import.meta.url));

describe("episodes, import and export, roles and phones", () => {
  let product: Product;
  let browser: Browser;
  let owner: Page;
  const reviewerEmail = `rev-${Date.now()}@example.test`;

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    const reviewerPage = await (await browser.newContext()).newPage();
    await signUp(reviewerPage, product.url, "Rita", reviewerEmail);
    await reviewerPage.context().close();
    owner = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await signUp(owner, product.url, "Olive", `olive-${Date.now()}@example.test`);
    await createProject(owner, "Imports");
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it("imports a real .fountain file through the file picker and opens it as a formatted script", async () => {
    await owner.getByTestId("import-fountain-input").setInputFiles(`${FOUNTAIN_DIR}TestFDX-FD.fountain`);
    const link = owner.getByTestId("episode-link").first();
    await link.waitFor();
    await link.click();
    await editor(owner).waitFor();
    const scenes = readFileSync(`${FOUNTAIN_DIR}TestFDX-FD.fountain`, "utf8").split("\n").filter((l) => /^(INT|EXT)[. ]/.test(l.trim()));
    expect(scenes.length).toBeGreaterThan(1);
    await expect.poll(() => owner.locator(".ProseMirror [data-type='sceneHeading']").count()).toBe(scenes.length);
    await expect.poll(() => owner.getByTestId("scene-nav-item").count()).toBe(scenes.length);
    expect(await owner.locator(".ProseMirror [data-type='character']").count()).toBeGreaterThan(0);
    expect(await owner.locator(".ProseMirror [data-type='dialogue']").count()).toBeGreaterThan(0);
    await snapshot(owner, "imported-script");
  });

  it("exports the script back as a .fountain download that re-imports to the same scenes", async () => {
    const downloadPromise = owner.waitForEvent("download");
    await owner.getByTestId("export-fountain").first().click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/\.fountain$/);
    const text = readFileSync((await download.path())!, "utf8");
    const original = readFileSync(`${FOUNTAIN_DIR}TestFDX-FD.fountain`, "utf8");
    const headings = (s: string) => s.split("\n").filter((line) => /^(INT|EXT)[. ]/.test(line.trim())).map((l) => l.trim().replace(/\s*#.*#$/, ""));
    expect(headings(text)).toEqual(headings(original));
  });

  it("refuses a binary file with a clear message and creates nothing", async () => {
    await owner.goBack();
    await owner.getByTestId("import-fountain-input").waitFor({ state: "attached" });
    const before = await owner.getByTestId("episode-link").count();
    await owner.getByTestId("import-fountain-input").setInputFiles({
      name: "poster.fountain",
      mimeType: "application/octet-stream",
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    });
    await expect.poll(() => owner.getByTestId("error-message").first().innerText()).toMatch(/\S/);
    expect(await owner.getByTestId("episode-link").count()).toBe(before);
  });

  it("lets a reviewer read the script but not change it", async () => {
    await addMember(owner, reviewerEmail, "reviewer");
    const reviewer = await (await browser.newContext()).newPage();
    await reviewer.goto(`${product.url}/login`);
    await reviewer.getByTestId("login-email").fill(reviewerEmail);
    await reviewer.getByTestId("login-password").fill("correct horse battery");
    await reviewer.getByTestId("login-submit").click();
    await reviewer.getByTestId("project-link").filter({ hasText: "Imports" }).click();
    await openEpisode(reviewer, await owner.getByTestId("episode-link").first().innerText().then((t) => t.split("\n")[0]!.trim()));
    await reviewer.getByTestId("read-only-banner").waitFor();
    const before = await editorText(reviewer);
    await editor(reviewer).click();
    await reviewer.keyboard.type("reviewer typing");
    expect(await editorText(reviewer)).toBe(before);
    expect(await editor(reviewer).getAttribute("contenteditable")).toBe("false");
    await reviewer.context().close();
  });

  it("fits the script page on a phone screen without sideways scrolling", async () => {
    const phone = await (await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true })).newPage();
    await phone.goto(`${product.url}/login`);
    await phone.getByTestId("login-email").fill(reviewerEmail);
    await phone.getByTestId("login-password").fill("correct horse battery");
    await phone.getByTestId("login-submit").click();
    await phone.getByTestId("project-link").filter({ hasText: "Imports" }).click();
    await phone.getByTestId("episode-link").first().click();
    await editor(phone).waitFor();
    await expect.poll(() => editorText(phone)).toMatch(/\S/);
    const overflow = await phone.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await snapshot(phone, "phone-script");
    await phone.context().close();
  });
});
