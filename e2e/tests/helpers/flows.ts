/** What a person does in the app, step by step, by the data-testid contract the client keeps. */
import type { Page } from "playwright-core";

export async function signUp(page: Page, baseUrl: string, name: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/signup`);
  await page.getByTestId("signup-email").fill(email);
  await page.getByTestId("signup-name").fill(name);
  await page.getByTestId("signup-password").fill("correct horse battery");
  await page.getByTestId("signup-submit").click();
  await page.getByTestId("new-project-title").waitFor();
}

export async function createProject(page: Page, title: string): Promise<void> {
  await page.getByTestId("new-project-title").fill(title);
  await page.getByTestId("new-project-submit").click();
  await page.getByTestId("project-link").filter({ hasText: title }).click();
  await page.getByTestId("new-episode-title").waitFor();
}

export async function createEpisode(page: Page, title: string): Promise<void> {
  await page.getByTestId("new-episode-title").fill(title);
  await page.getByTestId("new-episode-submit").click();
  await page.getByTestId("episode-link").filter({ hasText: title }).waitFor();
}

export async function addMember(page: Page, email: string, role: string): Promise<void> {
  await page.getByTestId("member-email").fill(email);
  await page.getByTestId("member-role").selectOption(role);
  await page.getByTestId("member-submit").click();
  await page.getByTestId("member-row").filter({ hasText: email }).waitFor();
}

export async function openEpisode(page: Page, title: string): Promise<void> {
  await page.getByTestId("episode-link").filter({ hasText: title }).click();
  await editor(page).waitFor();
  await page.locator('[data-testid="sync-status"][data-state="saved"]').waitFor({ timeout: 15_000 });
}

export function editor(page: Page) {
  return page.locator(".ProseMirror");
}

export async function editorText(page: Page): Promise<string> {
  return (await editor(page).innerText()).replace(/\s+/g, " ").trim();
}

/**
 * Puts the caret at the end of the script, as a writer does: click into the page, Ctrl+End, and take the
 * breath a person takes before typing on. (ProseMirror learns of a keyboard-moved caret from the browser's
 * asynchronous selectionchange event; a key sent in the same instant would act on the old caret.)
 */
export async function caretToEnd(page: Page): Promise<void> {
  await editor(page).click();
  await page.keyboard.press("Control+End");
  await page.waitForFunction(() => {
    const selection = document.getSelection();
    const blocks = document.querySelectorAll(".ProseMirror [data-type]");
    const last = blocks[blocks.length - 1];
    return !!selection?.anchorNode && !!last && last.contains(selection.anchorNode);
  });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}
