/** Steps on the storyboard, by the data-testid contract that screen keeps. */
import type { Locator, Page } from "playwright-core";

export function sceneSection(page: Page, heading: string): Locator {
  return page.getByTestId("scene-storyboard").filter({ hasText: heading });
}

/** Shot numbers of a scene's panels, in grid order. */
export function panelNumbers(section: Locator): Promise<string[]> {
  return section.getByTestId("shot-panel").evaluateAll((panels) => panels.map((p) => (p as HTMLElement).dataset.shotNumber ?? "?"));
}

/**
 * Drags a panel by its handle onto another panel with real mouse events, in small steps: dnd-kit starts
 * a drag only after the pointer has moved past its activation distance, and tracks the target by moves.
 */
export async function dragPanel(page: Page, from: Locator, to: Locator): Promise<void> {
  const handle = from.getByTestId("shot-handle");
  await handle.scrollIntoViewIfNeeded();
  const start = await handle.boundingBox();
  const end = await to.boundingBox();
  if (!start || !end) throw new Error("The panels to drag between are not on screen.");
  const x0 = start.x + start.width / 2;
  const y0 = start.y + start.height / 2;
  const x1 = end.x + end.width / 2;
  const y1 = end.y + end.height / 2;
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  await page.mouse.move(x0 + 10, y0 + 2, { steps: 4 });
  await page.mouse.move(x1, y1, { steps: 20 });
  await page.waitForTimeout(150);
  await page.mouse.move(x1 + 2, y1, { steps: 2 });
  await page.mouse.up();
}
