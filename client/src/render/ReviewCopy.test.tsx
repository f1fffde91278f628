/**
 * The review copy block of the shot page: asked for on a locked shot, followed live from the shot
 * document's review entry (never confused with the clean render), downloadable when done.
 */
import { describe, expect, it, vi } from "vitest";
import { act } from "react";
import * as Y from "yjs";
import { writeShotRenderMirror, writeShotReviewMirror, type ShotRenderMirror } from "@aiuteur/shared";
import { useTestRoot } from "../testing/reactRoot";
import { ReviewCopy } from "./ReviewCopy";
import { useShotReviewMirror } from "./useRenderMirrors";

const root = useTestRoot();
const ART = "/api/projects/projprojprojproj/artifacts/shots/fedcba9876543210fedcba9876543210";

function mirror(over: Partial<ShotRenderMirror> = {}): ShotRenderMirror {
  return { contentHash: "fedcba9876543210fedcba9876543210", status: "queued", progress: 0, artifacts: {}, updatedAt: "2026-01-01T00:00:00Z", ...over };
}

function Live({ doc, locked = true, onRequest = null }: { doc: Y.Doc; locked?: boolean; onRequest?: (() => void) | null }) {
  const review = useShotReviewMirror(doc, "main");
  return <ReviewCopy shotNumber="3" mirror={review} locked={locked} onRequest={onRequest} requesting={false} error={null} token="tok" />;
}

describe("the review copy", () => {
  it("is offered only on a locked shot, to those who may annotate", () => {
    root.render(<Live doc={new Y.Doc()} locked={false} onRequest={() => undefined} />);
    expect(root.find("review-copy-status")!.textContent).toContain("Lock the shot");
    expect(root.find("review-copy-request")).toBeNull();

    root.render(<Live doc={new Y.Doc()} locked onRequest={null} />);
    expect(root.find("review-copy-request")).toBeNull();
  });

  it("asks for one, then follows it live to a download, ignoring the clean render", () => {
    const doc = new Y.Doc();
    const onRequest = vi.fn();
    root.render(<Live doc={doc} onRequest={onRequest} />);
    expect(root.find("review-copy-status")!.textContent).toBe("No review copy yet.");
    act(() => root.find("review-copy-request")!.click());
    expect(onRequest).toHaveBeenCalledTimes(1);

    // The clean render lives under the branch key; the review copy block does not show it.
    act(() => writeShotRenderMirror(doc, "main", mirror({ status: "done", progress: 100, artifacts: { mp4: `${ART}/clip.mp4` } })));
    expect(root.find("review-copy-status")!.textContent).toBe("No review copy yet.");

    act(() => writeShotReviewMirror(doc, "main", mirror({ status: "rendering", progress: 30 })));
    expect(root.find("review-copy-status")!.textContent).toBe("Making the review copy… 30%");
    expect(root.find("review-copy-progress")!.getAttribute("aria-valuenow")).toBe("30");
    expect(root.find<HTMLButtonElement>("review-copy-request")!.disabled).toBe(true);

    act(() => writeShotReviewMirror(doc, "main", mirror({ status: "done", progress: 100, artifacts: { mp4: `${ART}/clip.mp4` } })));
    expect(root.find("review-copy-progress")).toBeNull();
    expect(root.find("review-copy-download")!.getAttribute("href")).toBe(`${ART}/clip.mp4?access_token=tok`);
    expect(root.find("review-copy-request")!.textContent).toBe("Make again with current notes");
  });

  it("shows why a review copy failed", () => {
    const doc = new Y.Doc();
    writeShotReviewMirror(doc, "main", mirror({ status: "failed", error: "ffmpeg exited with 1" }));
    root.render(<Live doc={doc} />);
    expect(root.find("review-copy-status")!.textContent).toBe("Review copy failed: ffmpeg exited with 1");
  });
});
