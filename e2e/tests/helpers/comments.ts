/** Script comments as a person uses them: select words on the page, read the highlights and threads. */
import type { Page } from "playwright-core";

/**
 * Selects the first occurrence of `words` in the script, as a drag of the mouse would (a DOM selection,
 * which works in a read-only page too), then waits for the page to notice it.
 */
export async function selectWords(page: Page, words: string): Promise<void> {
  await page.evaluate((target) => {
    const root = document.querySelector(".ProseMirror");
    if (!root) throw new Error("no script on the page");
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(target) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + target.length);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`"${target}" is not in one text node of the script`);
  }, words);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

/** Puts the caret just before `words` (in an editable script), ready to type. */
export async function caretBefore(page: Page, words: string): Promise<void> {
  await page.locator(".ProseMirror").focus();
  await page.evaluate((target) => {
    const root = document.querySelector(".ProseMirror")!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(target) ?? -1;
      if (at < 0) continue;
      document.getSelection()!.collapse(node, at);
      return;
    }
    throw new Error(`"${target}" is not in the script`);
  }, words);
  // ProseMirror reads the new caret from the asynchronous selectionchange event.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

/** The text of every comment highlight in the script, in order. */
export function highlightTexts(page: Page): Promise<string[]> {
  return page.locator(".ProseMirror .comment-highlight").allInnerTexts();
}

export async function openCommentsPanel(page: Page): Promise<void> {
  const toggle = page.getByTestId("comments-toggle");
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  await page.getByTestId("comments-panel").waitFor();
}

/** The script's words, without collaborators' caret labels (which sit inside the text). */
export function scriptWords(page: Page): Promise<string> {
  return page.evaluate(() => {
    const copy = document.querySelector(".ProseMirror")?.cloneNode(true) as HTMLElement | undefined;
    if (!copy) return "";
    copy.querySelectorAll(".collaboration-carets__caret").forEach((caret) => caret.remove());
    return Array.from(copy.children, (block) => block.textContent ?? "")
      .join(" ")
      .replace(/\s+/g, " ")
      .trim();
  });
}
