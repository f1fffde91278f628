/**
 * A review copy of a locked shot: the same clip with the reviewers' annotations burned in, to send to
 * someone outside the studio or to watch with the notes on. Asked for on demand (it is made of the notes as
 * they are at that moment), shown live from the shot document like the clean render.
 */
import type { ShotRenderMirror } from "@aiuteur/shared";
import { withAccessToken } from "./artifactLinks";
import { ProgressBar } from "./ProgressBar";
import { progressPercent } from "./renderText";

export interface ReviewCopyProps {
  shotNumber: string;
  mirror: ShotRenderMirror | null;
  locked: boolean;
  /** Null hides the button (a role that may not annotate). */
  onRequest: (() => void) | null;
  requesting: boolean;
  error: string | null;
  token: string | null;
}

function statusText(mirror: ShotRenderMirror | null): string {
  if (!mirror) return "No review copy yet.";
  switch (mirror.status) {
    case "queued":
      return mirror.error ? `Review copy waiting to try again: ${mirror.error}` : "Review copy queued…";
    case "rendering":
      return `Making the review copy… ${progressPercent(mirror)}%`;
    case "done":
      return `Review copy made ${mirror.updatedAt ? new Date(mirror.updatedAt).toLocaleString() : ""}`.trim();
    case "failed":
      return `Review copy failed: ${mirror.error ?? "unknown reason"}`;
  }
}

export function ReviewCopy({ shotNumber, mirror, locked, onRequest, requesting, error, token }: ReviewCopyProps) {
  const busy = mirror?.status === "queued" || mirror?.status === "rendering";
  const clip = mirror?.status === "done" ? (mirror.artifacts.mp4 ?? mirror.artifacts.webm ?? null) : null;
  return (
    <div className="shot-review-copy" data-testid="review-copy" data-review-status={mirror?.status ?? "none"}>
      <h3 className="shot-render-subtitle">Review copy</h3>
      <p className="muted" role="status" data-testid="review-copy-status">
        {locked || mirror ? statusText(mirror) : "Lock the shot to make a review copy with its annotations burned in."}
      </p>
      {busy && mirror && <ProgressBar value={progressPercent(mirror)} label={`Review copy of shot ${shotNumber}`} testId="review-copy-progress" />}
      {clip && (
        <p className="shot-render-downloads">
          <a href={withAccessToken(clip, token)} download data-testid="review-copy-download">
            Download review copy
          </a>
        </p>
      )}
      {onRequest && locked && (
        <button type="button" className="button-secondary" disabled={requesting || busy} onClick={onRequest} data-testid="review-copy-request">
          {requesting ? "Asking…" : clip ? "Make again with current notes" : "Make review copy"}
        </button>
      )}
      {error && (
        <p className="render-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
