/**
 * Comments on script words between a writer and a reviewer in two browsers: the writer comments on
 * selected words, the reviewer (whose script is read-only) sees the highlight and the thread and replies
 * with an @mention, the writer resolves it; text typed above keeps the highlight on the same words.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, snapshot } from "./helpers/browser.js";
import { caretBefore, highlightTexts, openCommentsPanel, scriptWords, selectWords } from "./helpers/comments.js";
import { addMember, createEpisode, createProject, editor, editorText, openEpisode, signUp } from "./helpers/flows.js";
import { startProduct, type Product } from "./helpers/product.js";

describe("script comments between a writer and a reviewer", () => {
  let product: Product;
  let browser: Browser;
  let writerContext: BrowserContext;
  let reviewerContext: BrowserContext;
  let ana: Page;
  let rui: Page;
  const ruiEmail = `rui-${Date.now()}@example.test`;

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    writerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    reviewerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    ana = await writerContext.newPage();
    rui = await reviewerContext.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it("a writer selects words and comments on them", async () => {
    await signUp(rui, product.url, "Rui Reviewer", ruiEmail);
    await signUp(ana, product.url, "Ana Writer", `ana-${Date.now()}@example.test`);
    await createProject(ana, "Night Ferry");
    await createEpisode(ana, "Pilot");
    await addMember(ana, ruiEmail, "reviewer");
    await openEpisode(ana, "Pilot");

    await editor(ana).click();
    await ana.keyboard.type("INT. FERRY DECK - NIGHT");
    await ana.keyboard.press("Enter");
    await ana.keyboard.type("Waves slam the hull. Mara grips the rail.");
    await expect.poll(() => editorText(ana)).toContain("Mara grips the rail.");

    await selectWords(ana, "grips the rail");
    await ana.getByTestId("comment-selection").click();
    await ana.getByTestId("new-comment-input").fill("Can we see her knuckles whiten?");
    await ana.getByTestId("new-comment-submit").click();

    await expect.poll(() => highlightTexts(ana)).toEqual(["grips the rail"]);
    const card = ana.getByTestId("thread-card");
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.innerText()).toContain("Can we see her knuckles whiten?");
    await expect.poll(() => ana.getByTestId("comments-open-count").innerText()).toContain("1");
  });

  it("a reviewer sees the highlight and the thread, and replies with an @mention", async () => {
    await rui.goto(`${product.url}/`);
    await rui.getByTestId("project-link").filter({ hasText: "Night Ferry" }).click();
    await openEpisode(rui, "Pilot");
    await rui.getByTestId("read-only-banner").waitFor();

    await expect.poll(() => highlightTexts(rui), { timeout: 15_000 }).toEqual(["grips the rail"]);
    // Clicking the highlighted words opens the thread in the panel.
    await rui.locator(".ProseMirror .comment-highlight").click();
    const card = rui.getByTestId("thread-card");
    await card.waitFor();
    expect(await card.getAttribute("aria-current")).toBe("true");
    expect(await card.innerText()).toContain("Can we see her knuckles whiten?");

    await card.getByTestId("thread-reply").click();
    const reply = card.getByTestId("thread-reply-input");
    await reply.pressSequentially("Yes, and @An");
    await rui.getByTestId("mention-option").filter({ hasText: "Ana Writer" }).waitFor();
    await reply.press("Enter");
    await reply.pressSequentially("hold on her face.");
    expect(await reply.inputValue()).toBe("Yes, and @Ana Writer hold on her face.");
    await reply.press("Control+Enter");
    await expect.poll(() => card.getByTestId("thread-message").count()).toBe(2);
    await snapshot(rui, "comments-reviewer-desktop");
  });

  it("the writer sees the reply with the mention, and text typed above keeps the highlight on its words", async () => {
    const card = ana.getByTestId("thread-card");
    await expect.poll(() => card.getByTestId("thread-message").count(), { timeout: 15_000 }).toBe(2);
    expect(await card.getByTestId("comment-mention").innerText()).toBe("@Ana Writer");

    // A new element above the commented one, and words typed before them in the same element.
    await caretBefore(ana, "Waves slam");
    await ana.keyboard.type("Fog everywhere.");
    await ana.keyboard.press("Enter");
    await caretBefore(ana, "Mara");
    await ana.keyboard.type("Suddenly, ");
    await expect.poll(() => scriptWords(rui), { timeout: 15_000 }).toContain("Suddenly, Mara grips the rail.");
    expect(await scriptWords(rui)).toContain("Fog everywhere. Waves slam");
    await expect.poll(() => highlightTexts(ana)).toEqual(["grips the rail"]);
    await expect.poll(() => highlightTexts(rui)).toEqual(["grips the rail"]);
  });

  it("shows the script with the comments panel on a phone", async () => {
    const phone = await reviewerContext.newPage();
    await phone.setViewportSize({ width: 375, height: 812 });
    await phone.goto(rui.url());
    await editor(phone).waitFor();
    await expect.poll(() => highlightTexts(phone), { timeout: 15_000 }).toEqual(["grips the rail"]);
    await openCommentsPanel(phone);
    await phone.getByTestId("thread-card").waitFor();
    // A bottom sheet: the top of the script stays visible above it, and nothing is wider than the phone.
    const sheet = await phone.locator("#script-comments-panel").boundingBox();
    expect(sheet).not.toBeNull();
    expect(sheet!.y).toBeGreaterThan(812 * 0.3);
    expect(sheet!.width).toBeLessThanOrEqual(375);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await snapshot(phone, "comments-reviewer-phone");
    await phone.close();
  });

  it("the writer resolves the thread: the highlight goes and the reviewer sees it resolved", async () => {
    await ana.getByTestId("thread-card").getByTestId("thread-resolve").click();
    await expect.poll(() => highlightTexts(ana)).toEqual([]);
    await expect.poll(() => highlightTexts(rui), { timeout: 15_000 }).toEqual([]);
    await expect.poll(() => rui.getByTestId("comments-open-count").innerText()).toContain("0");
    await rui.getByTestId("comments-filter-resolved").click();
    const card = rui.getByTestId("thread-card");
    await expect.poll(() => card.getAttribute("data-status")).toBe("resolved");
    await snapshot(ana, "comments-writer-desktop");
  });
});
