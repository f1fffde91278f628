import { describe, expect, it } from "vitest";
import { ASSET_LIMITS } from "@aiuteur/shared";
import { readPointer } from "./livePointers";
import { referenceImageProblem } from "./ReferenceImageButton";
import { asShotInfo } from "./useShotInfo";

describe("what the shot page accepts from outside", () => {
  it("refuses a reference image of the wrong type or too large, with a message that says why", () => {
    expect(referenceImageProblem({ name: "frame.png", type: "image/png", size: 1000 })).toBeNull();
    expect(referenceImageProblem({ name: "notes.pdf", type: "application/pdf", size: 1000 })).toMatch(/notes\.pdf.*isn't a PNG, JPEG, WebP or GIF/);
    expect(referenceImageProblem({ name: "huge.jpg", type: "image/jpeg", size: ASSET_LIMITS.maxBytes + 1 })).toMatch(/at most 8\.0 MB/);
  });

  it("shows a collaborator's pointer only when it is well formed", () => {
    expect(readPointer(7, { pointer: { x: 0.5, y: 0.25, name: "Dana", color: "#e53935", tool: "pen" } })).toEqual({
      clientId: 7,
      x: 0.5,
      y: 0.25,
      name: "Dana",
      color: "#e53935",
      tool: "pen",
    });
    expect(readPointer(7, { pointer: null })).toBeNull();
    expect(readPointer(7, { pointer: { x: "1", y: 0 } })).toBeNull();
    expect(readPointer(7, { pointer: { x: 40, y: 0 } })).toBeNull();
    expect(readPointer(7, { pointer: { x: 0.1, y: 0.1, color: "red;background:url(x)" } })?.color).toBe("#868e96");
  });

  it("treats a damaged offline copy of a shot as absent", () => {
    const shot = { id: "s", sceneId: "c", episodeId: "e", documents: { shot: "a", notes: "b" } };
    expect(asShotInfo(shot)).toEqual(shot);
    expect(asShotInfo({ ...shot, documents: { shot: "a" } })).toBeNull();
    expect(asShotInfo("nonsense")).toBeNull();
  });
});
