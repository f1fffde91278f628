/**
 * The project's failed renders: each shot whose render failed after its retries, with the reason, the
 * attempts and a Retry. Not live (failures are rare and this is a list, not a document): it loads with the
 * page and after each retry. Nothing at all is shown while there are none.
 */
import { useState } from "react";
import { Link } from "react-router";
import { canWrite, type FailedRenderInfo, type Role } from "@aiuteur/shared";
import { api, messageOf } from "../app/api";
import { ErrorMessage } from "../app/components/ErrorMessage";
import { shotPath } from "../app/episode/EpisodeTabs";
import { useResource } from "../app/hooks/useResource";
import "./render.css";

export function FailedRendersPanel({ projectId, branchId, role }: { projectId: string; branchId: string; role: Role | null }) {
  const failed = useResource(`failed-renders:${projectId}:${branchId}`, (signal) => api.listFailedRenders(projectId, signal, branchId));
  const [retrying, setRetrying] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mayRetry = role !== null && canWrite(role, "shot");

  const retry = async (render: FailedRenderInfo) => {
    setRetrying(render.shotId);
    setError(null);
    try {
      await api.retryShotRender(projectId, render.shotId, render.branchId);
      // Queued again: it leaves this list (a new failure brings it back on the next load).
      failed.setData((list) => list?.filter((r) => !(r.shotId === render.shotId && r.branchId === render.branchId)));
    } catch (cause) {
      setError(`Couldn't retry shot ${render.shotNumber}: ${messageOf(cause)}`);
    } finally {
      setRetrying(null);
    }
  };

  // A list that could not load shows nothing rather than an error on every project visit (offline, an
  // older server): the shot page shows each failure on its own.
  if (!failed.data?.length && !error) return null;
  return (
    <section className="panel failed-renders" aria-labelledby="failed-renders-heading" data-testid="failed-renders">
      <h2 id="failed-renders-heading">Failed renders</h2>
      <ErrorMessage message={error} />
      <ul className="failed-render-list">
        {failed.data?.map((render) => (
          <li key={`${render.branchId}:${render.shotId}:${render.contentHash}`} className="failed-render" data-testid="failed-render">
            <Link to={shotPath(projectId, render.shotId, render.branchId)}>
              Scene {render.sceneNumber || "?"}, shot {render.shotNumber || "?"}
            </Link>
            <span className="failed-render-reason">{render.error}</span>
            <span className="muted">
              {render.attempts} attempt{render.attempts === 1 ? "" : "s"}
            </span>
            {mayRetry && (
              <button type="button" className="button-secondary" disabled={retrying === render.shotId} onClick={() => void retry(render)} data-testid="failed-render-retry">
                {retrying === render.shotId ? "Retrying…" : "Retry"}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
