/**
 * Story timelines through the product `npm start` serves: a writer forks a timeline from the episode,
 * rewrites the story there (a new scene) while a colleague stays on main and sees nothing of it, compares
 * the timeline with main scene by scene, previews and merges it, and main — the writer's and the
 * colleague's open script alike — now has the new scene; undoing the merge takes it out again, live.
 * Screens are photographed at desktop and phone size.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { snapshot } from "./helpers/browser.js";
import { waitForSaved } from "./helpers/beats.js";
import { caretToEnd, editor, editorText } from "./helpers/flows.js";
import { currentTimeline, diffScenes, openScript, openTimelineMenu, useTwoWriters } from "./helpers/timelines.js";

const SCRIPT = `INT. HARBOUR OFFICE - NIGHT

Rain streaks the window. MARA reads the tide tables.

EXT. PIER - DAWN

Gulls circle the empty boats.
`;

const NEW_HEADING = "INT. LIGHTHOUSE - NIGHT";
const NEW_ACTION = "The lamp goes dark. Mara climbs alone.";

describe("a story timeline forked, compared and merged", () => {
  const writers = useTwoWriters(SCRIPT);
  let ana: Page;
  let ben: Page;
  beforeAll(() => {
    [ana, ben] = writers.stage.pages as [Page, Page];
  });

  it("shows the main timeline's name in the header of both writers", async () => {
    await openScript(writers);
    for (const page of [ana, ben]) expect(await currentTimeline(page)).toBe("main");
  });

  it("forks a timeline from the episode and opens the episode on it", async () => {
    await openTimelineMenu(ana);
    await snapshot(ana, "branches-menu-main");
    await ana.getByTestId("branch-new").click();
    await ana.getByTestId("branch-name").fill("Darker act 3");
    await ana.getByTestId("branch-create").click();

    await expect.poll(() => new URL(ana.url()).searchParams.get("branch")).toMatch(/^[a-z2-7]{16}$/);
    await expect.poll(() => currentTimeline(ana)).toBe("Darker act 3");
    await editor(ana).waitFor();
    await expect.poll(() => editorText(ana)).toContain("Gulls circle the empty boats.");
    // The other views keep the timeline.
    expect(await ana.getByTestId("tab-beats").getAttribute("href")).toContain(`branch=${new URL(ana.url()).searchParams.get("branch")}`);
  });

  it("rewrites the story on the timeline without touching main", async () => {
    await waitForSaved(ana);
    await caretToEnd(ana);
    await ana.keyboard.press("Enter");
    await ana.keyboard.type(NEW_HEADING);
    await ana.keyboard.press("Enter");
    await ana.keyboard.type(NEW_ACTION);
    await expect.poll(() => editorText(ana)).toContain(`${NEW_HEADING} ${NEW_ACTION}`);
    await expect.poll(() => ana.getByTestId("sync-status").getAttribute("data-state"), { timeout: 15_000 }).toBe("saved");

    // Ben, on main all along, has none of it.
    expect(await editorText(ben)).not.toContain(NEW_HEADING);
    expect(await currentTimeline(ben)).toBe("main");
    await snapshot(ana, "branches-script-on-timeline");
  });

  it("compares the timeline with main scene by scene", async () => {
    await openTimelineMenu(ana);
    await ana.getByTestId("branch-compare").click();
    await ana.getByTestId("compare-dialog").waitFor();
    await expect.poll(() => diffScenes(ana)).toContainEqual([NEW_HEADING, "added"]);
    expect(await ana.getByTestId("diff-summary").innerText()).toContain("1 added");
    await snapshot(ana, "branches-compare");
  });

  it("previews the merge, merges, and main shows the new scene for both writers", async () => {
    await ana.getByTestId("merge-preview").click();
    await ana.getByTestId("merge-dialog").waitFor();
    await expect.poll(() => ana.getByTestId("merge-changes").innerText()).toContain("1 script changed");
    await expect.poll(() => diffScenes(ana)).toContainEqual([NEW_HEADING, "added"]);
    await snapshot(ana, "branches-merge-preview");

    await ana.getByTestId("merge-confirm").click();
    await expect.poll(() => new URL(ana.url()).searchParams.get("branch")).toBeNull();
    await expect.poll(() => currentTimeline(ana)).toBe("main");
    await ana.getByTestId("merge-toast").waitFor();
    expect(await ana.getByTestId("merge-toast").innerText()).toContain("Merged “Darker act 3” into main.");
    await expect.poll(() => editorText(ana), { timeout: 15_000 }).toContain(`${NEW_HEADING} ${NEW_ACTION}`);

    // Ben never reloaded: the merge reached his open copy of main live.
    await expect.poll(() => editorText(ben), { timeout: 15_000 }).toContain(`${NEW_HEADING} ${NEW_ACTION}`);
    // Each side's text exactly once.
    expect((await editorText(ben)).split(NEW_HEADING).length - 1).toBe(1);
    expect((await editorText(ben)).split("Gulls circle the empty boats.").length - 1).toBe(1);
    await snapshot(ana, "branches-merged-main");
    await snapshot(ben, "branches-merged-main-ben");
  });

  it("undoes the merge from its message, live for both writers", async () => {
    await ana.getByTestId("merge-toast-action").click();
    await expect.poll(() => ana.getByTestId("merge-toast").innerText()).toContain("Merge undone.");
    await expect.poll(() => editorText(ana), { timeout: 15_000 }).not.toContain(NEW_HEADING);
    await expect.poll(() => editorText(ben), { timeout: 15_000 }).not.toContain(NEW_HEADING);
    expect(await editorText(ben)).toContain("Gulls circle the empty boats.");
    await ana.getByTestId("merge-toast").getByRole("button", { name: "Dismiss" }).click();
  });

  it("keeps the timeline usable at phone width", async () => {
    await ana.setViewportSize({ width: 375, height: 812 });
    await openTimelineMenu(ana);
    await ana.getByTestId("branch-option").filter({ hasText: "Darker act 3" }).click();
    await expect.poll(() => currentTimeline(ana)).toBe("Darker act 3");
    await snapshot(ana, "branches-phone-header");
    await openTimelineMenu(ana);
    await snapshot(ana, "branches-phone-menu");
    await ana.getByTestId("branch-compare").click();
    await ana.getByTestId("compare-dialog").waitFor();
    // The merge was undone on main, so the timeline's scene is new to main again.
    await expect.poll(() => diffScenes(ana)).toContainEqual([NEW_HEADING, "added"]);
    await snapshot(ana, "branches-phone-compare");
    await ana.setViewportSize({ width: 1280, height: 900 });
  });
});
