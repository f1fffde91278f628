/**
 * What the shot page's render panel shows for each state of the shot document's render mirror, live as the
 * render worker writes it: nothing yet, queued, rendering with a progress bar, done with a playable clip
 * and downloads, failed with its reason and Retry; stale renders and AI-provider prompts.
 */
import { describe, expect, it, vi } from "vitest";
import { act } from "react";
import * as Y from "yjs";
import { writeShotRenderMirror, type ShotRenderContextInfo, type ShotRenderMirror } from "@aiuteur/shared";
import { useTestRoot } from "../testing/reactRoot";
import { ShotRenderPanel } from "./ShotRenderPanel";
import { useShotRenderMirror } from "./useRenderMirrors";

const root = useTestRoot();
const HASH = "0123456789abcdef0123456789abcdef";
const ART = "/api/projects/projprojprojproj/artifacts/shots/0123456789abcdef0123456789abcdef";

function mirror(over: Partial<ShotRenderMirror> = {}): ShotRenderMirror {
  return { contentHash: HASH, status: "queued", progress: 0, artifacts: {}, updatedAt: "2026-01-01T00:00:00Z", ...over };
}

function context(over: Partial<ShotRenderContextInfo> = {}): ShotRenderContextInfo {
  return {
    projectId: "projprojprojproj",
    branchId: "main",
    shotId: "shotaaaaaaaaaaaa",
    episodeId: "e",
    sceneId: "s",
    sceneNumber: "1",
    sceneHeading: "INT. KITCHEN - NIGHT",
    resolution: "720p",
    format: "mp4",
    provider: "builtin",
    providerConfigured: true,
    prompt: "A wide shot of a kitchen at night.",
    referenceImage: null,
    contentHash: HASH,
    ...over,
  };
}

interface LiveProps {
  doc: Y.Doc;
  locked?: boolean;
  info?: ShotRenderContextInfo;
  onRetry?: (() => void) | null;
  branchId?: string;
}

/** The panel over a live shot document, the way ShotRenderSection wires it. */
function LivePanel({ doc, locked = true, info = context(), onRetry = null, branchId = "main" }: LiveProps) {
  const render = useShotRenderMirror(doc, branchId);
  return <ShotRenderPanel shotNumber="3" mirror={render} locked={locked} context={info} onRetry={onRetry} retrying={false} retryError={null} token="tok en" />;
}

describe("the shot render panel", () => {
  it("says there is no render yet, and how to get one", () => {
    root.render(<LivePanel doc={new Y.Doc()} locked={false} />);
    expect(root.find("render-status")!.textContent).toBe("No render yet");
    expect(root.text()).toContain("Lock the shot to render it");
    expect(root.find("render-progress")).toBeNull();
    expect(root.find("shot-clip")).toBeNull();
  });

  it("follows the worker live: queued, rendering with a progress bar, then the clip", () => {
    const doc = new Y.Doc();
    root.render(<LivePanel doc={doc} />);
    act(() => writeShotRenderMirror(doc, "main", mirror()));
    expect(root.find("render-status")!.textContent).toBe("Queued for rendering");
    expect(root.find("render-progress")!.getAttribute("aria-valuenow")).toBe("0");

    act(() => writeShotRenderMirror(doc, "main", mirror({ status: "rendering", progress: 42.4 })));
    expect(root.find("render-status")!.textContent).toBe("Rendering… 42%");
    const bar = root.find("render-progress")!;
    expect(bar.getAttribute("role")).toBe("progressbar");
    expect(bar.getAttribute("aria-valuenow")).toBe("42");

    act(() =>
      writeShotRenderMirror(doc, "main", mirror({ status: "done", progress: 100, artifacts: { mp4: `${ART}/clip.mp4`, poster: `${ART}/poster.png`, thumbnail: `${ART}/thumb.jpg` } })),
    );
    expect(root.find("render-status")!.textContent).toBe("Rendered");
    expect(root.find("render-progress")).toBeNull();
    const video = root.find<HTMLVideoElement>("shot-clip")!;
    // <video> cannot send an Authorization header: the token rides in the query, encoded.
    expect(video.getAttribute("src")).toBe(`${ART}/clip.mp4?access_token=tok%20en`);
    expect(video.getAttribute("poster")).toBe(`${ART}/poster.png?access_token=tok%20en`);
    expect(video.hasAttribute("controls")).toBe(true);
    expect(root.find("render-download-mp4")!.getAttribute("href")).toBe(`${ART}/clip.mp4?access_token=tok%20en`);
    expect(root.find("render-download-poster")!.getAttribute("href")).toBe(`${ART}/poster.png?access_token=tok%20en`);
    expect(root.find("render-stale")).toBeNull();
  });

  it("shows a failure with its reason and attempts, and a Retry that asks again", () => {
    const doc = new Y.Doc();
    const onRetry = vi.fn();
    writeShotRenderMirror(doc, "main", mirror({ status: "failed", error: "ComfyUI answered 500", attempts: 3 }));
    root.render(<LivePanel doc={doc} onRetry={onRetry} />);
    expect(root.find("render-status")!.textContent).toBe("Render failed: ComfyUI answered 500");
    expect(root.find("render-failure")!.textContent).toContain("After 3 attempts.");
    act(() => root.find("render-retry")!.click());
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it("hides Retry from a role that may not ask for renders", () => {
    const doc = new Y.Doc();
    writeShotRenderMirror(doc, "main", mirror({ status: "failed", error: "boom" }));
    root.render(<LivePanel doc={doc} onRetry={null} />);
    expect(root.find("render-failure")).not.toBeNull();
    expect(root.find("render-retry")).toBeNull();
  });

  it("says a render is stale when the shot was unlocked or its locked content changed", () => {
    const doc = new Y.Doc();
    writeShotRenderMirror(doc, "main", mirror({ status: "done", progress: 100, artifacts: { mp4: `${ART}/clip.mp4` } }));
    root.render(<LivePanel doc={doc} locked={false} />);
    expect(root.find("render-stale")!.textContent).toContain("not locked");
    root.render(<LivePanel doc={doc} info={context({ contentHash: "ffffffffffffffffffffffffffffffff" })} />);
    expect(root.find("render-stale")!.textContent).toContain("changed since this render");
    root.render(<LivePanel doc={doc} />);
    expect(root.find("render-stale")).toBeNull();
  });

  it("shows the prompt an AI provider is sent, and warns when it is not configured", () => {
    root.render(<LivePanel doc={new Y.Doc()} info={context({ provider: "comfyui", providerConfigured: false })} />);
    const prompt = root.find("render-prompt")!;
    expect(prompt.textContent).toContain("Prompt sent to ComfyUI");
    expect(prompt.textContent).toContain("A wide shot of a kitchen at night.");
    expect(prompt.textContent).toContain("not configured");
    root.render(<LivePanel doc={new Y.Doc()} />);
    expect(root.find("render-prompt")).toBeNull();
  });

  it("shows only its own timeline's render of the shot", () => {
    const doc = new Y.Doc();
    writeShotRenderMirror(doc, "branchbranchbran", mirror({ status: "rendering", progress: 50 }));
    root.render(<LivePanel doc={doc} />);
    expect(root.find("render-status")!.textContent).toBe("No render yet");
    root.render(<LivePanel doc={doc} branchId="branchbranchbran" />);
    expect(root.find("render-status")!.textContent).toBe("Rendering… 50%");
  });
});
