/**
 * The shot page's render panel: where the shot's render stands (none yet, queued, rendering with a live
 * progress bar, done, failed with its reason and a Retry button), the clip to play, its downloads, and —
 * for an AI provider — the prompt it is (or was) sent. Stale renders say so: a shot that is no longer
 * locked, or whose locked content has changed since, is not what the clip shows.
 *
 * Presentational: ShotRenderSection feeds it from the shot document and the render-context endpoint.
 */
import type { ReactNode } from "react";
import type { ShotRenderContextInfo, ShotRenderMirror } from "@aiuteur/shared";
import { withAccessToken } from "./artifactLinks";
import { ProgressBar } from "./ProgressBar";
import { progressPercent, providerName, renderStatusText } from "./renderText";

export interface ShotRenderPanelProps {
  shotNumber: string;
  /** This timeline's render of the shot, from the shot document; null before the first one. */
  mirror: ShotRenderMirror | null;
  locked: boolean;
  /** From GET …/render-context; undefined while loading or when it could not be read. */
  context: ShotRenderContextInfo | undefined;
  /** Null hides the Retry button (a role that may not ask for renders). */
  onRetry: (() => void) | null;
  retrying: boolean;
  retryError: string | null;
  /** The session token for the artifact links (<video> cannot send headers). */
  token: string | null;
  /** More about the shot's renders, at the end of the panel (the review copy). */
  children?: ReactNode;
}

/** Why the clip shown is not the shot as it is now, or null when it is current. */
export function staleReason(mirror: ShotRenderMirror | null, locked: boolean, context: ShotRenderContextInfo | undefined): string | null {
  if (!mirror) return null;
  if (!locked) return "This shot is not locked: the render shows it as it was when it was last locked.";
  if (context && context.contentHash !== null && context.contentHash !== mirror.contentHash) {
    return "The shot changed since this render; its new render is on the way.";
  }
  return null;
}

export function ShotRenderPanel(props: ShotRenderPanelProps) {
  const { mirror, locked, context, token } = props;
  const stale = staleReason(mirror, locked, context);
  const clip = mirror?.status === "done" ? (mirror.artifacts.mp4 ?? mirror.artifacts.webm ?? null) : null;
  const poster = mirror?.artifacts.poster ?? null;
  const provider = mirror?.provider ?? context?.provider ?? "builtin";
  const prompt = mirror?.prompt ?? context?.prompt ?? "";
  const status = mirror?.status ?? "none";

  return (
    <section className="shot-render" aria-label="Render" data-testid="shot-render" data-render-status={status}>
      <h2 className="shot-render-title">Render</h2>
      <p className={`shot-render-status render-${status}`} data-testid="render-status" role="status">
        {renderStatusText(mirror)}
      </p>
      {!mirror && (
        <p className="muted shot-render-hint">
          {locked ? "The render starts in a moment." : "Lock the shot to render it: its clip appears here for everyone a few seconds later."}
        </p>
      )}
      {(mirror?.status === "queued" || mirror?.status === "rendering") && (
        <ProgressBar value={progressPercent(mirror)} label={`Rendering shot ${props.shotNumber}`} testId="render-progress" />
      )}
      {mirror?.status === "failed" && (
        <div className="shot-render-failure" data-testid="render-failure">
          {mirror.attempts !== undefined && mirror.attempts > 0 && (
            <p className="muted">
              After {mirror.attempts} attempt{mirror.attempts === 1 ? "" : "s"}.
            </p>
          )}
          {props.onRetry && (
            <button type="button" className="button-secondary" data-testid="render-retry" disabled={props.retrying} onClick={props.onRetry}>
              {props.retrying ? "Retrying…" : "Retry"}
            </button>
          )}
        </div>
      )}
      {props.retryError && (
        <p className="render-error" role="alert">
          {props.retryError}
        </p>
      )}
      {stale && (
        <p className="shot-render-stale" role="note" data-testid="render-stale">
          {stale}
        </p>
      )}
      {clip && (
        <>
          <video
            className="shot-render-clip"
            data-testid="shot-clip"
            controls
            playsInline
            preload="metadata"
            src={withAccessToken(clip, token)}
            poster={poster ? withAccessToken(poster, token) : undefined}
            aria-label={`Clip of shot ${props.shotNumber}`}
          />
          <p className="shot-render-downloads">
            <a href={withAccessToken(clip, token)} download data-testid="render-download-mp4">
              Download {mirror?.artifacts.mp4 ? "MP4" : "WebM"}
            </a>
            {mirror?.artifacts.mp4 && mirror.artifacts.webm && (
              <a href={withAccessToken(mirror.artifacts.webm, token)} download data-testid="render-download-webm">
                Download WebM
              </a>
            )}
            {poster && (
              <a href={withAccessToken(poster, token)} download data-testid="render-download-poster">
                Download poster
              </a>
            )}
          </p>
        </>
      )}
      {provider !== "builtin" && prompt !== "" && (
        <details className="shot-render-prompt" open={!mirror} data-testid="render-prompt">
          <summary>Prompt sent to {providerName(provider)}</summary>
          <p>{prompt}</p>
          {context && !context.providerConfigured && (
            <p className="render-warning">{providerName(provider)} is not configured on this server: renders will fail until it is.</p>
          )}
        </details>
      )}
      {props.children}
    </section>
  );
}
