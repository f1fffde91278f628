/**
 * The animatic player's controls without a real video (jsdom plays nothing): the timeline slider scrubs
 * by keyboard, markers and the shot list jump to a shot, the playing shot is highlighted, and the
 * subtitle overlay follows the playhead when switched on.
 */
import { describe, expect, it } from "vitest";
import { act } from "react";
import type { AnimaticTimelineEntry } from "@aiuteur/shared";
import { useTestRoot } from "../testing/reactRoot";
import { AnimaticPlayer } from "./AnimaticPlayer";

const root = useTestRoot();
const ART = "/api/projects/projprojprojproj/artifacts/animatics/main/e/0123456789abcdef";

const TIMELINE: AnimaticTimelineEntry[] = [
  { shotId: "shot1", sceneId: "s1", sceneNumber: "1", shotNumber: "1", start: 0, duration: 2, subtitles: [], thumbnail: "/t/1.jpg" },
  { shotId: "shot2", sceneId: "s1", sceneNumber: "1", shotNumber: "2", start: 2, duration: 3, subtitles: [{ start: 2, end: 5, text: "ANNA: Now." }] },
  { shotId: "shot3", sceneId: "s2", sceneNumber: "2", shotNumber: "1", start: 5, duration: 5, subtitles: [] },
];

function mount() {
  root.render(<AnimaticPlayer projectId="projprojprojproj" branchId="main" src={`${ART}/animatic.mp4`} timeline={TIMELINE} token="tok" />);
}

function press(element: HTMLElement, key: string, shiftKey = false) {
  act(() => {
    element.dispatchEvent(new KeyboardEvent("keydown", { key, shiftKey, bubbles: true }));
  });
}

const current = () => root.findAll("animatic-shot").map((item) => item.dataset.current === "true");
const slider = () => root.find("animatic-timeline")!;

describe("the animatic player", () => {
  it("plays the MP4 with the token and shows a marker per shot at its start", () => {
    mount();
    expect(root.find("animatic-video")!.getAttribute("src")).toBe(`${ART}/animatic.mp4?access_token=tok`);
    const markers = root.findAll("animatic-marker");
    expect(markers.map((m) => m.style.left)).toEqual(["0%", "20%", "50%"]);
    expect(current()).toEqual([true, false, false]);
    expect(slider().getAttribute("aria-valuemax")).toBe("10");
  });

  it("scrubs by keyboard: L and arrows by a second, Shift by five, End and Home", () => {
    mount();
    press(slider(), "l");
    press(slider(), "ArrowRight");
    expect(slider().getAttribute("aria-valuenow")).toBe("2");
    expect(current()).toEqual([false, true, false]);
    expect(slider().getAttribute("aria-valuetext")).toBe("0:02 of 0:10, Scene 1, shot 2");
    press(slider(), "ArrowRight", true);
    expect(slider().getAttribute("aria-valuenow")).toBe("7");
    expect(current()).toEqual([false, false, true]);
    press(slider(), "j");
    expect(slider().getAttribute("aria-valuenow")).toBe("6");
    press(slider(), "Home");
    expect(current()).toEqual([true, false, false]);
    press(slider(), "End");
    expect(slider().getAttribute("aria-valuenow")).toBe("10");
  });

  it("takes the scrubbing keys anywhere in the player, and on the page when nothing is focused", () => {
    mount();
    press(root.find("animatic-player")!, "PageDown");
    press(root.find("animatic-player")!, "PageDown");
    expect(current()).toEqual([false, false, true]);
    expect(document.activeElement).toBe(document.body);
    press(document.body, "Home");
    expect(current()).toEqual([true, false, false]);
  });

  it("leaves keys typed into a field elsewhere on the page alone", () => {
    mount();
    const field = document.createElement("input");
    document.body.append(field);
    field.focus();
    press(field, "End");
    expect(current()).toEqual([true, false, false]);
    field.remove();
  });

  it("jumps to a shot from its marker and from the shot list", () => {
    mount();
    act(() => root.findAll("animatic-marker")[2]!.click());
    expect(current()).toEqual([false, false, true]);
    expect(root.find("animatic-time")!.textContent).toBe("0:05 / 0:10");
    act(() => root.findAll("animatic-shot")[1]!.querySelector("button")!.click());
    expect(current()).toEqual([false, true, false]);
    expect(root.findAll("animatic-shot")[1]!.getAttribute("aria-current")).toBe("true");
  });

  it("overlays the subtitle of the moment when switched on", () => {
    mount();
    act(() => root.findAll("animatic-marker")[1]!.click());
    expect(root.find("animatic-subtitle")).toBeNull();
    act(() => root.find("animatic-subtitles-toggle")!.click());
    expect(root.find("animatic-subtitle")!.textContent).toBe("ANNA: Now.");
    act(() => root.findAll("animatic-marker")[2]!.click());
    expect(root.find("animatic-subtitle")).toBeNull();
  });
});
