import { describe, expect, it } from "vitest";
import { parseAnimaticOptions, parseRenderJob, renderJobId } from "./jobs.js";

const P = "abcdefghijklmnop";
const S = "qrstuvwxyzabcdef";
const HASH = "0123456789abcdef0123456789abcdef";

describe("render job payloads", () => {
  it("accepts a shot job and a review copy job, and names them apart", () => {
    const clean = parseRenderJob({ type: "shot", projectId: P, branchId: "main", shotId: S, contentHash: HASH });
    const review = parseRenderJob({ type: "shot", projectId: P, branchId: "main", shotId: S, contentHash: HASH, review: true });
    expect(clean).toEqual({ type: "shot", projectId: P, branchId: "main", shotId: S, contentHash: HASH });
    expect(review).toEqual({ type: "shot", projectId: P, branchId: "main", shotId: S, contentHash: HASH, review: true });
    if ("error" in clean || "error" in review) throw new Error("expected jobs");
    expect(renderJobId(clean)).not.toBe(renderJobId(review));
    // BullMQ refuses custom ids with a colon.
    expect(renderJobId(review)).not.toContain(":");
  });

  it("refuses payloads that are not jobs, saying why", () => {
    expect(parseRenderJob(null)).toEqual({ error: "a job payload must be an object" });
    expect(parseRenderJob({ type: "shot", projectId: "../x", branchId: "main", shotId: S, contentHash: HASH })).toEqual({ error: "projectId is not an id" });
    expect(parseRenderJob({ type: "shot", projectId: P, branchId: "main", shotId: S, contentHash: "zz" })).toEqual({ error: "contentHash is not a content hash" });
    expect(parseRenderJob({ type: "shot", projectId: P, branchId: "main", shotId: S, contentHash: HASH, review: "yes" })).toEqual({ error: "review must be true when given" });
    expect(parseRenderJob({ type: "paint", projectId: P, branchId: "main" })).toEqual({ error: "type must be shot or animatic" });
  });

  it("fills animatic options with defaults and refuses bad ones", () => {
    expect(parseAnimaticOptions({})).toEqual({ transition: "cut", titleCards: false });
    expect(parseAnimaticOptions({ transition: "dissolve", titleCards: true })).toEqual({ transition: "dissolve", titleCards: true });
    expect(parseAnimaticOptions({ transition: "wipe" })).toEqual({ error: "transition must be cut or dissolve" });
    expect(parseAnimaticOptions({ titleCards: "yes" })).toEqual({ error: "titleCards must be true or false" });
    const job = parseRenderJob({ type: "animatic", projectId: P, branchId: "main", episodeId: S, options: { transition: "dissolve" } });
    expect(job).toEqual({ type: "animatic", projectId: P, branchId: "main", episodeId: S, options: { transition: "dissolve", titleCards: false } });
  });
});
