import { describe, expect, it } from "vitest";
import type { DerivedScene, ShotInfo } from "@aiuteur/shared";
import { dropIndex, keyboardMoveIndex, orphanedShots, sceneTitle, setAsideShots, storyboardScenes } from "./storyboardLayout";

function scene(sceneId: string, number: string, heading = `INT. ROOM ${number} - DAY`): DerivedScene {
  return { sceneId, number, heading, intExt: "INT", location: "ROOM", timeOfDay: "DAY", eighths: 8, characters: [], startIndex: 0, endIndex: 1, idProblem: sceneId === "" ? "missing" : null };
}
function shot(id: string, sceneId: string): ShotInfo {
  return { id, sceneId, episodeId: "ep1", documents: { shot: `p/x/b/main/shot/${id}`, notes: `p/x/b/main/notes/shot/${id}` } };
}

describe("storyboard layout", () => {
  const scenes = [scene("s1", "1"), scene("", "2"), scene("s3", "3")];

  it("gives a section to every scene that has its own id, in script order", () => {
    expect(storyboardScenes(scenes).map((s) => s.sceneId)).toEqual(["s1", "s3"]);
  });

  it("finds the shots whose scene heading was deleted, and only those", () => {
    const shots = [shot("a", "s1"), shot("b", "gone"), shot("c", "s3"), shot("d", "gone2")];
    expect(orphanedShots(shots, scenes).map((s) => s.id)).toEqual(["b", "d"]);
    // The heading comes back (undo): its shots are no longer orphans.
    expect(orphanedShots(shots, [...scenes, scene("gone", "4")]).map((s) => s.id)).toEqual(["d"]);
  });

  it("lists a scene's shots that were taken off its storyboard", () => {
    const shots = [shot("a", "s1"), shot("b", "s1"), shot("c", "s3")];
    expect(setAsideShots(shots, "s1", ["a"]).map((s) => s.id)).toEqual(["b"]);
    expect(setAsideShots(shots, "s1", ["b", "a"])).toEqual([]);
  });

  it("drops a dragged shot at the position of the panel it is released on", () => {
    const order = ["a", "b", "c", "d"];
    expect(dropIndex(order, "a", "c")).toBe(2);
    expect(dropIndex(order, "d", "a")).toBe(0);
    expect(dropIndex(order, "b", "b")).toBeNull();
    expect(dropIndex(order, "b", null)).toBeNull();
    expect(dropIndex(order, "x", "a")).toBeNull();
  });

  it("moves a panel one place with Alt+Arrow, and not past either end", () => {
    const order = ["a", "b", "c"];
    expect(keyboardMoveIndex(order, "b", -1)).toBe(0);
    expect(keyboardMoveIndex(order, "b", 1)).toBe(2);
    expect(keyboardMoveIndex(order, "a", -1)).toBeNull();
    expect(keyboardMoveIndex(order, "c", 1)).toBeNull();
  });

  it("titles a section with the scene number and heading", () => {
    expect(sceneTitle(scene("s1", "12", "INT. KITCHEN - NIGHT"))).toBe("12 · INT. KITCHEN - NIGHT");
  });
});
