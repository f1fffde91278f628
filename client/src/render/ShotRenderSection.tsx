/**
 * The render panel wired to its sources: the shot document's render mirror (live), the render context
 * (prompt, provider, the locked content's hash — reloaded whenever the lock or the render changes), and
 * the Retry action.
 */
import { useState } from "react";
import type * as Y from "yjs";
import { canWrite, type LockMirror, type Role } from "@aiuteur/shared";
import { api, messageOf } from "../app/api";
import { useResource } from "../app/hooks/useResource";
import { currentToken } from "../app/session";
import { isLocked } from "../locks/lockText";
import { ShotRenderPanel } from "./ShotRenderPanel";
import { useShotRenderMirror } from "./useRenderMirrors";
import "./render.css";

interface Props {
  projectId: string;
  shotId: string;
  branchId: string;
  shotNumber: string;
  shotDoc: Y.Doc | null;
  lock: LockMirror;
  role: Role | null;
}

export function ShotRenderSection({ projectId, shotId, branchId, shotNumber, shotDoc, lock, role }: Props) {
  const mirror = useShotRenderMirror(shotDoc, branchId);
  const contextKey = `render-context:${projectId}:${shotId}:${branchId}:${lock.status}:${lock.at}:${mirror?.contentHash ?? ""}`;
  const context = useResource(contextKey, (signal) => api.getRenderContext(projectId, shotId, signal, branchId));
  const [retrying, setRetrying] = useState(false);
  const [retryError, setRetryError] = useState<string | null>(null);

  const retry = async () => {
    setRetrying(true);
    setRetryError(null);
    try {
      await api.retryShotRender(projectId, shotId, branchId);
    } catch (error) {
      setRetryError(messageOf(error));
    } finally {
      setRetrying(false);
    }
  };

  return (
    <ShotRenderPanel
      shotNumber={shotNumber}
      mirror={mirror}
      locked={isLocked(lock)}
      context={context.data}
      onRetry={role !== null && canWrite(role, "shot") ? () => void retry() : null}
      retrying={retrying}
      retryError={retryError}
      token={currentToken()}
    />
  );
}
