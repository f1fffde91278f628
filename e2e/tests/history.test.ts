/**
 * A script's history through the product `npm start` serves: a writer saves a labelled version, writes
 * on, compares the version with now, and restores it; a colleague with the script open sees the old text
 * come back live, and sees the restore undone live too. Screens are photographed at desktop and phone size.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { snapshot } from "./helpers/browser.js";
import { caretToEnd, editor, editorText } from "./helpers/flows.js";
import { diffScenes, openScript, useTwoWriters } from "./helpers/timelines.js";

const SCRIPT = `INT. HARBOUR OFFICE - NIGHT

Rain streaks the window. MARA reads the tide tables.
`;

const LATER = "A gull screams at the glass.";

/** The history item whose title is exactly `label` (a "Before restoring “label”" item is another one). */
function versionItem(page: Page, label: string) {
  return page.getByTestId("version-item").filter({ has: page.locator(".version-title", { hasText: new RegExp(`^${label}$`) }) });
}

describe("a script's history", () => {
  const writers = useTwoWriters(SCRIPT);
  let ana: Page;
  let ben: Page;
  beforeAll(() => {
    [ana, ben] = writers.stage.pages as [Page, Page];
  });

  it("opens the script for two writers", async () => {
    await openScript(writers);
    await expect.poll(() => editorText(ben)).toContain("Rain streaks the window.");
  });

  it("saves a labelled version from the history panel (Ctrl+Alt+H)", async () => {
    await editor(ana).click();
    await ana.keyboard.press("Control+Alt+KeyH");
    await ana.getByTestId("history-panel").waitFor();
    await ana.getByTestId("save-version").click();
    await ana.getByTestId("version-label").fill("Before the gull");
    await ana.getByTestId("save-version-submit").click();
    await versionItem(ana, "Before the gull").waitFor();
    expect(await versionItem(ana, "Before the gull").innerText()).toContain("Ana");
    expect(await versionItem(ana, "Before the gull").innerText()).toContain("Saved");
  });

  it("writes on, and compares the version with now", async () => {
    await caretToEnd(ana);
    await ana.keyboard.press("Enter");
    await ana.keyboard.type(LATER);
    await expect.poll(() => editorText(ben)).toContain(LATER);
    await expect.poll(() => ana.getByTestId("sync-status").getAttribute("data-state"), { timeout: 15_000 }).toBe("saved");

    await versionItem(ana, "Before the gull").getByTestId("version-compare").click();
    await ana.getByTestId("version-compare-dialog").waitFor();
    await expect.poll(() => diffScenes(ana)).toContainEqual(["INT. HARBOUR OFFICE - NIGHT", "changed"]);
    await snapshot(ana, "history-compare");
    await ana.keyboard.press("Escape");

    await versionItem(ana, "Before the gull").getByTestId("version-open").click();
    await ana.getByTestId("version-open-dialog").waitFor();
    await expect.poll(() => ana.getByTestId("version-open-dialog").innerText()).toContain("Rain streaks the window.");
    expect(await ana.getByTestId("version-open-dialog").innerText()).not.toContain(LATER);
    await snapshot(ana, "history-open-version");
    await ana.getByTestId("version-open-dialog-close").click();
  });

  it("restores the version, and the colleague sees the old text live", async () => {
    await versionItem(ana, "Before the gull").getByTestId("version-restore").click();
    await snapshot(ana, "history-restore-confirm");
    await ana.getByTestId("restore-confirm").click();
    await ana.getByTestId("history-toast").waitFor();
    expect(await ana.getByTestId("history-toast").innerText()).toContain("Restored “Before the gull”.");

    await expect.poll(() => editorText(ben), { timeout: 15_000 }).not.toContain(LATER);
    expect(await editorText(ben)).toContain("Rain streaks the window.");
    await expect.poll(() => editorText(ana)).not.toContain(LATER);
    // The state before the restore was kept as a version.
    await expect.poll(() => ana.locator('[data-testid="version-item"][data-kind="restore"]').count()).toBe(1);
    await snapshot(ana, "history-restored");
  });

  it("undoes the restore, live for the colleague too", async () => {
    await ana.getByTestId("history-toast-action").click();
    await expect.poll(() => ana.getByTestId("history-toast").innerText()).toContain("Restore undone.");
    await expect.poll(() => editorText(ben), { timeout: 15_000 }).toContain(LATER);
    await expect.poll(() => editorText(ana)).toContain(LATER);
    expect((await editorText(ben)).split(LATER).length - 1).toBe(1);
  });

  it("shows the history as a bottom sheet on a phone", async () => {
    await ben.setViewportSize({ width: 375, height: 812 });
    await ben.getByRole("button", { name: "More" }).click();
    await ben.getByTestId("history-toggle").click();
    await versionItem(ben, "Before the gull").waitFor();
    const sheet = await ben.getByTestId("history-panel").boundingBox();
    expect(sheet?.width).toBe(375);
    expect((sheet?.y ?? 0) > 200).toBe(true);
    await snapshot(ben, "history-phone-sheet");
  });
});
