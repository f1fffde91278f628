/**
 * The render panel wired to its sources: the shot document's render and review copy mirrors (live), the
 * render context (prompt, provider, the locked content's hash — reloaded whenever the lock or the render
 * changes), and the Retry and review copy actions.
 */
import type * as Y from "yjs";
import { canWrite, type LockMirror, type Role } from "@aiuteur/shared";
import { api } from "../app/api";
import { useRequestAction } from "../app/hooks/useRequestAction";
import { useResource } from "../app/hooks/useResource";
import { currentToken } from "../app/session";
import { isLocked } from "../locks/lockText";
import { ReviewCopy } from "./ReviewCopy";
import { ShotRenderPanel } from "./ShotRenderPanel";
import { useShotRenderMirror, useShotReviewMirror } from "./useRenderMirrors";
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
  const review = useShotReviewMirror(shotDoc, branchId);
  const contextKey = `render-context:${projectId}:${shotId}:${branchId}:${lock.status}:${lock.at}:${mirror?.contentHash ?? ""}`;
  const context = useResource(contextKey, (signal) => api.getRenderContext(projectId, shotId, signal, branchId));
  const retry = useRequestAction(() => api.retryShotRender(projectId, shotId, branchId));
  const reviewCopy = useRequestAction(() => api.requestReviewCopy(projectId, shotId, branchId));
  const token = currentToken();

  return (
    <ShotRenderPanel
      shotNumber={shotNumber}
      mirror={mirror}
      locked={isLocked(lock)}
      context={context.data}
      onRetry={role !== null && canWrite(role, "shot") ? retry.run : null}
      retrying={retry.busy}
      retryError={retry.error}
      token={token}
    >
      <ReviewCopy
        shotNumber={shotNumber}
        mirror={review}
        locked={isLocked(lock)}
        onRequest={role !== null && canWrite(role, "notes") ? reviewCopy.run : null}
        requesting={reviewCopy.busy}
        error={reviewCopy.error}
        token={token}
      />
    </ShotRenderPanel>
  );
}
