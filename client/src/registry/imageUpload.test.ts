import { describe, expect, it } from "vitest";
import { ASSET_LIMITS } from "@aiuteur/shared";
import { imageProblem } from "./imageUpload";

describe("checking a reference image before upload", () => {
  it("accepts the image types and sizes the server accepts", () => {
    expect(imageProblem({ name: "maya.png", type: "image/png", size: 120_000 })).toBeNull();
    expect(imageProblem({ name: "dock.jpg", type: "image/jpeg", size: ASSET_LIMITS.maxBytes })).toBeNull();
  });

  it("names the file and the accepted types when the type is wrong", () => {
    expect(imageProblem({ name: "notes.pdf", type: "application/pdf", size: 1000 })).toBe(
      "“notes.pdf” is not an image we can use: reference images must be PNG, JPEG, WebP or GIF.",
    );
  });

  it("gives the file's size and the limit when it is too big", () => {
    expect(imageProblem({ name: "huge.png", type: "image/png", size: 12 * 1024 * 1024 })).toBe(
      "“huge.png” is 12 MB: reference images can be at most 8 MB.",
    );
  });
});
