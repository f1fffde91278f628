/** Steps on the beat board and the scene list, by the data-testid contract those screens keep. */
import type { Page } from "playwright-core";

/** Imports a Fountain script as a new episode from the project page (the file never touches disk). */
export async function importScript(page: Page, fileName: string, fountain: string): Promise<void> {
  await page.getByTestId("import-fountain-input").setInputFiles({
    name: fileName,
    mimeType: "text/plain",
    buffer: Buffer.from(fountain, "utf8"),
  });
}

/** Opens one of an episode's views (beats, scenes, storyboard) from the project page's Story panel. */
export async function openEpisodeView(page: Page, episodeTitle: string, view: "beats" | "scenes" | "storyboard"): Promise<void> {
  await page.getByTestId("story-episode").filter({ hasText: episodeTitle }).getByTestId(`episode-${view}-link`).click();
}

export function beatCards(page: Page) {
  return page.getByTestId("beat-card");
}

/** The card whose title field holds `title`. */
export function beatCard(page: Page, title: string) {
  return beatCards(page).filter({ has: page.locator(`[data-testid="beat-title"][value="${title}"]`) });
}

/** Beat titles in board order. */
export function beatTitles(page: Page): Promise<string[]> {
  return page.locator('[data-testid="beat-title"]').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
}

export async function waitForSaved(page: Page): Promise<void> {
  await page.locator('[data-testid="sync-status"][data-state="saved"]').waitFor({ timeout: 15_000 });
}
