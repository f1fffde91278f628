/**
 * The animatic tab's body: render (or re-render) the episode's animatic, its progress live from the render
 * document, then the player and the downloads. Everything shown comes from the document's "animatic" mirror.
 */
import { useState } from "react";
import type { AnimaticMirror, AnimaticOptions } from "@aiuteur/shared";
import { api, messageOf } from "../app/api";
import { ErrorMessage } from "../app/components/ErrorMessage";
import { currentToken } from "../app/session";
import { AnimaticDownloads } from "./AnimaticDownloads";
import { AnimaticPlayer } from "./AnimaticPlayer";
import { AnimaticRenderForm } from "./AnimaticRenderForm";
import { ProgressBar } from "./ProgressBar";
import "./render.css";

interface Props {
  projectId: string;
  episodeId: string;
  branchId: string;
  mirror: AnimaticMirror | null;
  /** The render document has synced (before that, "no animatic yet" may be wrong). */
  ready: boolean;
  /** Whether this role may ask for an animatic (those who write shots); everyone watches it. */
  mayRender: boolean;
}

export function AnimaticView({ projectId, episodeId, branchId, mirror, ready, mayRender }: Props) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const token = currentToken();

  const render = async (options: AnimaticOptions) => {
    setAsking(true);
    setError(null);
    try {
      await api.renderAnimatic(projectId, episodeId, options, branchId);
    } catch (cause) {
      setError(messageOf(cause));
    } finally {
      setAsking(false);
    }
  };

  const running = mirror?.status === "queued" || mirror?.status === "rendering";
  const mp4 = mirror?.artifacts.mp4;
  return (
    <div className="animatic-view" data-testid="animatic-view" data-animatic-status={mirror?.status ?? "none"}>
      <div className="animatic-toolbar">
        <h2 className="animatic-heading">Animatic</h2>
        {mayRender ? (
          <AnimaticRenderForm busy={asking || running} onRender={(options) => void render(options)} label={mirror ? "Render again" : "Render animatic"} />
        ) : (
          <p className="muted">Owners, directors and artists render the animatic; everyone can watch it.</p>
        )}
      </div>
      <ErrorMessage message={error} />
      {!ready && (
        <p className="muted" role="status">
          Opening the animatic…
        </p>
      )}
      {ready && !mirror && (
        <p className="muted" data-testid="animatic-empty">
          No animatic yet. It strings the episode's locked shots together in scene and shot order; shots still rendering are left out.
        </p>
      )}
      {running && (
        <div className="animatic-running" role="status">
          <span>{mirror.status === "queued" ? "Queued…" : `Rendering the animatic… ${Math.round(mirror.progress)}%`}</span>
          <ProgressBar value={mirror.progress} label="Rendering the animatic" testId="animatic-progress" />
        </div>
      )}
      {mirror?.status === "failed" && <ErrorMessage message={`The animatic could not be rendered${mirror.error ? `: ${mirror.error}` : "."}`} />}
      {mp4 && mirror && (
        <>
          <AnimaticPlayer key={mp4} projectId={projectId} branchId={branchId} src={mp4} timeline={mirror.timeline} token={token} />
          <AnimaticDownloads artifacts={mirror.artifacts} token={token} />
        </>
      )}
    </div>
  );
}
