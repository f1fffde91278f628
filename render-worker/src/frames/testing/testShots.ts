/** Shot inputs for the frame and clip tests (and the benchmark): plain data, as readShotRenderInput returns. */
import { DEFAULT_SHOT_FIELDS, type ShotFields, type ShotRenderInput, type Stroke } from "@aiuteur/shared";

export function testStroke(tool: Stroke["tool"], points: number[], extra: Partial<Stroke> = {}): Stroke {
  return { id: `s-${tool}-${points.join("-")}`, tool, points, color: "#111111", width: 4, text: "", author: "u1", createdAt: 0, ...extra };
}

export function testShot(fields: Partial<ShotFields> = {}, extra: Partial<ShotRenderInput> = {}): ShotRenderInput {
  return {
    shotId: "shot-1",
    sceneNumber: "3",
    sceneHeading: "INT. KITCHEN - NIGHT",
    fields: { ...DEFAULT_SHOT_FIELDS, number: "2", sceneId: "scene-1", ...fields },
    sketch: [],
    annotations: [],
    resolution: "720p",
    burnAnnotations: false,
    ...extra,
  };
}
