/**
 * Two writers outline an episode together: the beat board starts from the 15-beat template, a beat's
 * description typed in one browser appears in the other, a beat is linked to a scene of the script and the
 * scene list (derived live from the script) shows it, and beats are reordered from the keyboard. Screens
 * are photographed at desktop and phone sizes.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { snapshot } from "./helpers/browser.js";
import { beatCard, beatCards, beatTitles, importScript, openEpisodeView, waitForSaved } from "./helpers/beats.js";
import { addMember, createProject, signUp } from "./helpers/flows.js";
import type { Product } from "./helpers/product.js";
import { DESKTOP, useStage } from "./helpers/stage.js";

/** A 1×1 PNG. */
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

const SCRIPT = `Title: Ferry Tales

INT. KITCHEN - NIGHT

Maya scrubs a pan. Leo watches from the door.

MAYA
You're late.

LEO
The ferry was late.

EXT. HARBOUR - DAY

Gulls wheel over the water as the ferry docks.

MAYA
Next time, swim.
`;

describe("the beat board and the scene list", () => {
  const stage = useStage([DESKTOP, DESKTOP]);
  let product: Product;
  let ana: Page;
  let ben: Page;
  const benEmail = `ben-beats-${Date.now()}@example.test`;
  beforeAll(() => {
    product = stage.product;
    [ana, ben] = stage.pages as [Page, Page];
  });

  it("lets a writer import a script and start the board from the 15-beat template", async () => {
    await signUp(ben, product.url, "Ben", benEmail);
    await signUp(ana, product.url, "Ana", `ana-beats-${Date.now()}@example.test`);
    await createProject(ana, "Harbour Lights");
    await addMember(ana, benEmail, "writer");
    await importScript(ana, "ferry.fountain", SCRIPT);
    // From the script, by the episode's view tabs.
    await ana.getByTestId("episode-link").filter({ hasText: "Ferry Tales" }).click();
    await ana.getByTestId("tab-beats").click();

    await ana.getByTestId("beats-empty").waitFor();
    await ana.getByTestId("apply-beat-template").click();
    await expect.poll(() => beatCards(ana).count()).toBe(15);
    expect((await beatTitles(ana)).slice(0, 3)).toEqual(["Opening image", "Theme stated", "Set-up"]);
    await waitForSaved(ana);
  });

  it("shows one writer's edit to a beat to the other as it is typed", async () => {
    await ben.goto(`${product.url}/`);
    await ben.getByTestId("project-link").filter({ hasText: "Harbour Lights" }).click();
    // From the project page's Story panel.
    await openEpisodeView(ben, "Ferry Tales", "beats");
    await expect.poll(() => beatCards(ben).count()).toBe(15);

    const description = beatCard(ben, "Catalyst").getByTestId("beat-description");
    await description.click();
    await ben.keyboard.press("Control+A");
    await ben.keyboard.type("Leo misses the last ferry and Maya has to choose.");
    await expect
      .poll(() => beatCard(ana, "Catalyst").getByTestId("beat-description").inputValue())
      .toBe("Leo misses the last ferry and Maya has to choose.");

    // Both see each other on the board.
    await expect.poll(() => ana.getByTestId("presence-user").allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining("Ben")]));
  });

  it("links a beat to a scene, and the scene list shows the beat", async () => {
    await beatCard(ana, "Catalyst").getByTestId("beat-link-scene").selectOption({ label: "2 · EXT. HARBOUR - DAY" });
    await expect.poll(() => beatCard(ana, "Catalyst").getByTestId("beat-scene-chip").allInnerTexts()).toEqual([
      expect.stringContaining("2 · EXT. HARBOUR - DAY"),
    ]);
    await expect.poll(() => beatCard(ben, "Catalyst").getByTestId("beat-scene-chip").allInnerTexts()).toEqual([
      expect.stringContaining("2 · EXT. HARBOUR - DAY"),
    ]);

    await ana.getByTestId("tab-scenes").click();
    const rows = ana.getByTestId("scene-row");
    await expect.poll(() => rows.count()).toBe(2);
    const harbour = rows.filter({ hasText: "EXT. HARBOUR - DAY" });
    await expect.poll(() => harbour.getByTestId("scene-beats").innerText()).toContain("Catalyst");
    expect(await rows.filter({ hasText: "INT. KITCHEN - NIGHT" }).innerText()).toContain("MAYA, LEO");
    expect(await harbour.innerText()).toContain("DAY");
    expect(await ana.getByTestId("scene-totals").innerText()).toContain("2 scenes");

    // The filter narrows by character.
    await ana.getByTestId("scene-filter").fill("leo");
    await expect.poll(() => rows.count()).toBe(1);
    await snapshot(ana, "scene-list-filtered-desktop");
    await ana.getByTestId("scene-filter").fill("");
    await expect.poll(() => rows.count()).toBe(2);
    await snapshot(ana, "scene-list-desktop");
  });

  it("reorders beats from the keyboard, and the other writer sees the new order", async () => {
    await ana.getByTestId("tab-beats").click();
    await expect.poll(() => beatCards(ana).count()).toBe(15);

    // Alt+Down on a focused card moves it one place later.
    await beatCard(ana, "Opening image").getByTestId("beat-handle").focus();
    await ana.keyboard.press("Alt+ArrowDown");
    await expect.poll(async () => (await beatTitles(ana)).slice(0, 3)).toEqual(["Theme stated", "Opening image", "Set-up"]);
    // Focus stays on the moved card, so a second press keeps going.
    await ana.keyboard.press("Alt+ArrowDown");
    await expect.poll(async () => (await beatTitles(ana)).slice(0, 3)).toEqual(["Theme stated", "Set-up", "Opening image"]);

    // Space picks a card up, arrows move it, Space drops it (the drag and drop keyboard sensor).
    await beatCard(ana, "Set-up").getByTestId("beat-handle").focus();
    // (A person's pace: the sensor starts listening for arrows a frame after the pick-up.)
    for (const key of ["Space", "ArrowLeft", "Space"]) {
      await ana.keyboard.press(key);
      await ana.waitForTimeout(150);
    }
    await expect.poll(async () => (await beatTitles(ana)).slice(0, 3)).toEqual(["Set-up", "Theme stated", "Opening image"]);

    await expect.poll(async () => (await beatTitles(ben)).slice(0, 3)).toEqual(["Set-up", "Theme stated", "Opening image"]);
    await waitForSaved(ana);
    await snapshot(ana, "beat-board-desktop");
  });

  it("deletes a beat and undoes the deletion", async () => {
    await beatCard(ana, "Debate").getByTestId("beat-delete").click();
    await expect.poll(() => beatCards(ana).count()).toBe(14);
    await ana.getByTestId("undo-button").click();
    await expect.poll(() => beatCards(ana).count()).toBe(15);
    await expect.poll(() => beatCards(ben).count()).toBe(15);
  });

  it("lists the script's characters and locations in the registry", async () => {
    await ana.goto(`${product.url}/`);
    await ana.getByTestId("project-link").filter({ hasText: "Harbour Lights" }).click();
    await ana.getByTestId("registry-link").click();
    const item = (kind: string, name: string) => ana.locator(`[data-testid="registry-item"][data-kind="${kind}"][data-name="${name}"]`);
    await item("character", "MAYA").waitFor();
    await item("character", "LEO").waitFor();
    await item("location", "KITCHEN").waitFor();
    await item("location", "HARBOUR").waitFor();
    expect(await item("character", "MAYA").innerText()).toContain("In Ferry Tales");
  });

  it("lets the owner describe a character, add a prop and its reference image, and a writer read them", async () => {
    const item = (kind: string, name: string) => ana.locator(`[data-testid="registry-item"][data-kind="${kind}"][data-name="${name}"]`);

    await item("character", "MAYA").getByTestId("registry-description").click();
    await ana.keyboard.type("Runs the ferry café; never late.");
    await ana.getByTestId("registry-add-name").fill("Pocket watch");
    await ana.getByTestId("registry-add").click();
    await item("prop", "Pocket watch").waitFor();

    // A file that is not an image is refused with a clear message before any upload.
    const watch = item("prop", "Pocket watch");
    await watch.getByTestId("registry-image-input").setInputFiles({ name: "notes.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4") });
    await expect.poll(() => watch.getByTestId("error-message").innerText()).toContain("must be PNG, JPEG, WebP or GIF");
    await watch.getByTestId("registry-image-input").setInputFiles({ name: "watch.png", mimeType: "image/png", buffer: Buffer.from(PNG, "base64") });
    await expect.poll(() => watch.getByTestId("registry-image").count()).toBe(1);
    await expect.poll(() => watch.locator("img").count()).toBe(1);
    await waitForSaved(ana);

    // The other writer reads it (writers don't edit the registry).
    await ben.goto(`${product.url}/`);
    await ben.getByTestId("project-link").filter({ hasText: "Harbour Lights" }).click();
    await ben.getByTestId("registry-link").click();
    const benMaya = ben.locator('[data-testid="registry-item"][data-kind="character"][data-name="MAYA"]');
    await expect.poll(() => benMaya.getByTestId("registry-description").inputValue()).toBe("Runs the ferry café; never late.");
    expect(await benMaya.getByTestId("registry-description").getAttribute("readonly")).not.toBeNull();
    await snapshot(ana, "registry-desktop");
  });

  it("fits a phone screen", async () => {
    await ana.setViewportSize({ width: 375, height: 812 });
    await snapshot(ana, "registry-phone");
    await ana.goto(`${product.url}/`);
    await ana.getByTestId("project-link").filter({ hasText: "Harbour Lights" }).click();
    await openEpisodeView(ana, "Ferry Tales", "beats");
    await expect.poll(() => beatCards(ana).count()).toBe(15);
    await waitForSaved(ana);
    await snapshot(ana, "beat-board-phone");
    await ana.getByTestId("tab-scenes").click();
    await expect.poll(() => ana.getByTestId("scene-row").count()).toBe(2);
    await waitForSaved(ana);
    await snapshot(ana, "scene-list-phone");
    // Nothing wider than the screen: the page does not scroll sideways.
    const overflow = await ana.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
