/**
 * A director breaks an episode into shots: "Suggest shots" fills a scene's storyboard, a panel is dragged
 * to a new place with the mouse and the order holds after a reload and for a reviewer in another browser,
 * and a duration the shot cannot have is refused with a message. The storyboard is photographed at
 * desktop and phone sizes.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { snapshot } from "./helpers/browser.js";
import { importScript, waitForSaved } from "./helpers/beats.js";
import { addMember, createProject, signUp } from "./helpers/flows.js";
import type { Product } from "./helpers/product.js";
import { DESKTOP, useStage } from "./helpers/stage.js";
import { dragPanel, panelNumbers, sceneSection } from "./helpers/storyboard.js";

const SCRIPT = `Title: Night Ferry

INT. KITCHEN - NIGHT

Maya scrubs a pan. Leo watches from the door.

MAYA
You're late.

LEO
The ferry was late.

Leo drops his bag and sits.

EXT. HARBOUR - DAY

Gulls wheel over the water as the ferry docks.

MAYA
Next time, swim.
`;

const KITCHEN = "INT. KITCHEN - NIGHT";
const HARBOUR = "EXT. HARBOUR - DAY";

describe("the storyboard", () => {
  const stage = useStage([DESKTOP, DESKTOP]);
  let product: Product;
  let director: Page;
  let reviewer: Page;
  let storyboardUrl = "";
  const reviewerEmail = `rita-board-${Date.now()}@example.test`;
  beforeAll(() => {
    product = stage.product;
    [director, reviewer] = stage.pages as [Page, Page];
  });

  it("suggests shots for a scene and shows them as panels", async () => {
    await signUp(reviewer, product.url, "Rita", reviewerEmail);
    await signUp(director, product.url, "Dora", `dora-board-${Date.now()}@example.test`);
    await createProject(director, "Ferry Pictures");
    await addMember(director, reviewerEmail, "reviewer");
    await importScript(director, "night-ferry.fountain", SCRIPT);
    await director.getByTestId("episode-link").filter({ hasText: "Night Ferry" }).click();
    await director.getByTestId("tab-storyboard").click();
    storyboardUrl = director.url();

    const kitchen = sceneSection(director, KITCHEN);
    await kitchen.waitFor();
    expect(await kitchen.locator("h2").innerText()).toBe(`1 · ${KITCHEN}`);
    await expect.poll(() => sceneSection(director, HARBOUR).locator("h2").innerText()).toBe(`2 · ${HARBOUR}`);

    await kitchen.getByTestId("suggest-shots").click();
    // Action, the exchange, action: three shots numbered 1, 2, 3.
    await expect.poll(() => panelNumbers(kitchen), { timeout: 15_000 }).toEqual(["1", "2", "3"]);
    expect(await kitchen.getByTestId("shot-panel").first().getByTestId("shot-specs").innerText()).toMatch(/^WS · static · /);
    await expect.poll(() => kitchen.getByTestId("shot-panel").nth(1).innerText()).toContain("MAYA: You're late.");
    expect(await kitchen.getByTestId("scene-running-time").innerText()).toMatch(/^3 shots · \d/);

    await sceneSection(director, HARBOUR).getByTestId("suggest-shots").click();
    await expect.poll(() => panelNumbers(sceneSection(director, HARBOUR)), { timeout: 15_000 }).toEqual(["1", "2"]);
  });

  it("reorders a shot by dragging it with the mouse; the order holds after reload and for a reviewer", async () => {
    const kitchen = sceneSection(director, KITCHEN);
    const panels = kitchen.getByTestId("shot-panel");
    await dragPanel(director, panels.nth(0), panels.nth(2));
    await expect.poll(() => panelNumbers(kitchen)).toEqual(["2", "3", "1"]);
    await waitForSaved(director);

    await director.reload();
    await expect.poll(() => panelNumbers(sceneSection(director, KITCHEN)), { timeout: 15_000 }).toEqual(["2", "3", "1"]);

    await reviewer.goto(storyboardUrl);
    const seen = sceneSection(reviewer, KITCHEN);
    await expect.poll(() => panelNumbers(seen), { timeout: 15_000 }).toEqual(["2", "3", "1"]);
    // A reviewer reads the storyboard: no handles, no quick edit, no shot buttons.
    expect(await reviewer.getByTestId("read-only-banner").innerText()).toContain("reviewer");
    expect(await seen.getByTestId("shot-handle").count()).toBe(0);
    expect(await seen.getByTestId("shot-duration").count()).toBe(0);
    expect(await reviewer.getByTestId("suggest-shots").count()).toBe(0);
  });

  it("refuses a duration that is not a number, with a message, and keeps the shot's duration", async () => {
    const panel = sceneSection(director, KITCHEN).getByTestId("shot-panel").first();
    const duration = panel.getByTestId("shot-duration");
    const before = await duration.inputValue();
    await duration.fill("abc");
    expect(await panel.getByTestId("shot-duration-problem").innerText()).toBe("Duration must be a number of seconds, such as 2.5.");
    await snapshot(director, "storyboard-duration-problem");
    // Not written: the reviewer still sees the old duration.
    const seen = sceneSection(reviewer, KITCHEN).getByTestId("shot-panel").first().getByTestId("shot-specs");
    expect(await seen.innerText()).toContain(`${before} s`);

    await duration.fill("4.5");
    expect(await panel.getByTestId("shot-duration-problem").count()).toBe(0);
    const directorSees = panel.getByTestId("shot-specs");
    await expect.poll(() => directorSees.innerText(), { timeout: 5_000 }).toContain("4.5 s");
    try {
      await expect.poll(() => seen.innerText(), { timeout: 20_000 }).toContain("4.5 s");
    } catch (error) {
      // Seen once on CI: the reviewer never got the new duration. Say what the server reported meanwhile.
      throw new Error(`${(error as Error).message}\nserver warnings:\n${product.warnings()}`);
    }
  });

  it("looks right on a desktop and on a phone", async () => {
    await director.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await snapshot(director, "storyboard-desktop");
    await reviewer.setViewportSize({ width: 375, height: 812 });
    await snapshot(reviewer, "storyboard-phone-reviewer");
    await director.setViewportSize({ width: 375, height: 812 });
    await snapshot(director, "storyboard-phone");
  });
});
