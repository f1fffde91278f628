/** Steps with story timelines and the history panel, by the data-testid contract those screens keep. */
import type { Page } from "playwright-core";
import { waitForSaved } from "./beats.js";
import { editor } from "./flows.js";
import { createShotProject, signUpApi, type ShotSetup } from "./shots.js";
import { DESKTOP, useStage, type Stage } from "./stage.js";

export interface TwoWriters {
  /** Ana (the owner) and Ben (a writer), in that order, each in a desktop browser context. */
  stage: Stage;
  /** Ana's project with Ben as a writer and one episode from the given script. */
  setup: ShotSetup;
}

/** Registers the file's stage: two writers signed in, sharing a project with an episode from `fountain`. */
export function useTwoWriters(fountain: string): TwoWriters {
  const writers = {} as TwoWriters;
  writers.stage = useStage([DESKTOP, DESKTOP], async (product) => {
    const ana = await signUpApi(product.url, "Ana");
    const ben = await signUpApi(product.url, "Ben");
    writers.setup = await createShotProject(product.url, ana, [{ user: ben, role: "writer" }], fountain, 0);
    return [ana, ben];
  });
  return writers;
}

/** Opens the episode's script in each page and waits until each is in sync. */
export async function openScript(writers: TwoWriters): Promise<void> {
  for (const page of writers.stage.pages) {
    await page.goto(scriptUrl(writers.stage.product.url, writers.setup));
    await editor(page).waitFor();
    await waitForSaved(page);
  }
}

export function scriptUrl(baseUrl: string, setup: ShotSetup): string {
  return `${baseUrl}/projects/${encodeURIComponent(setup.projectId)}/episodes/${encodeURIComponent(setup.episodeId)}`;
}

/** The timeline name the header shows. */
export function currentTimeline(page: Page): Promise<string> {
  return page.getByTestId("current-branch-name").innerText();
}

export async function openTimelineMenu(page: Page): Promise<void> {
  await page.getByTestId("branch-switcher").click();
  await page.getByTestId("branch-menu").waitFor();
}

/** The scenes of the open comparison with their status, e.g. ["INT. LIGHTHOUSE - NIGHT", "added"]. */
export function diffScenes(page: Page): Promise<[string, string][]> {
  return page.locator('[data-testid="diff-scene"]').evaluateAll((items) =>
    items.map((item) => [item.querySelector(".script-diff-heading")?.textContent ?? "", (item as HTMLElement).dataset.status ?? ""]),
  );
}

