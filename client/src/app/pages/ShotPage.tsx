/**
 * "/projects/:projectId/shots/:shotId": one shot — its panel (sketch and annotations), its fields and its
 * comment threads, live with collaborators and usable offline.
 *
 * Two documents: the shot (fields + sketch; artists and directors write it) and the shot's notes
 * (annotations + threads; reviewers write it too). Offline, the shot description comes from the
 * localStorage copy, the role from the project cache, and both documents from IndexedDB.
 */
import { useEffect, useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import { canWrite, readShotFields, shotFieldsMap, storyboardDocumentName, type Thread } from "@aiuteur/shared";
import { useMembers, useThreads } from "../../comments";
import { PanelEditor } from "../../drawing/PanelEditor";
import type { Pin } from "../../drawing/PanelOverlay";
import { ReferenceImageButton } from "../../drawing/ReferenceImageButton";
import { ShotComments } from "../../drawing/ShotComments";
import { ShotHeader } from "../../drawing/ShotHeader";
import { useLivePointers } from "../../drawing/livePointers";
import type { CommentAnchor } from "../../drawing/usePanelInput";
import { useShotInfo } from "../../drawing/useShotInfo";
import { useBranchId } from "../../branches/branchContext";
import { HistoryButton } from "../../history/HistoryButton";
import { HistoryPanel } from "../../history/HistoryPanel";
import { useHistoryPanel } from "../../history/useHistoryPanel";
import { LockBanner } from "../../locks/LockBanner";
import { isLocked, lockedSketchNote } from "../../locks/lockText";
import { ShotLockControl } from "../../locks/ShotLockControl";
import { useLockAwareConnection } from "../../locks/useLockAwareScope";
import { useLockMirror } from "../../locks/useLockMirror";
import { ShotRenderSection } from "../../render/ShotRenderSection";
import { DocumentPoolScope } from "../../storyboard/useSharedDocument";
import { useShotNeighbours } from "../../drawing/useShotNeighbours";
import { useYValue } from "../../drawing/useYValue";
import "../../drawing/drawing.css";
import { ShotFieldsForm } from "../../storyboard/ShotFieldsForm";
import { ApiError, messageOf } from "../api";
import { ErrorBoundary } from "../components/ErrorBoundary";
import { ErrorMessage } from "../components/ErrorMessage";
import { useAssetUrl } from "../hooks/useAssetUrl";
import { useCollabDocument } from "../hooks/useCollabDocument";
import { useConnection, type ConnectionState } from "../hooks/useConnection";
import { useIdentity, useProjectData } from "../hooks/useEpisodeData";
import { withArticle } from "../roleText";

function writable(connection: ConnectionState): boolean {
  const blocked = connection.problem?.kind === "auth" && !connection.problem.signInAgain;
  return connection.scope !== "readonly" && !blocked;
}

function isPanelThread(thread: Thread, shotId: string): thread is Thread & { anchor: Pin["anchor"] & { type: "point" | "region" } } {
  return (thread.anchor.type === "point" || thread.anchor.type === "region") && thread.anchor.shotId === shotId;
}

export function ShotPage() {
  const { projectId = "", shotId = "" } = useParams();
  const project = useProjectData(projectId);
  const info = useShotInfo(projectId, shotId);
  const identity = useIdentity();
  const role = project.data?.role ?? null;

  const shotCollab = useCollabDocument(info.data?.documents.shot ?? null, identity);
  const notesCollab = useCollabDocument(info.data?.documents.notes ?? null, identity);
  const branchId = useBranchId();
  const storyboardName = info.data ? storyboardDocumentName(projectId, info.data.sceneId, branchId) : null;
  const storyboardCollab = useCollabDocument(storyboardName, identity);
  // A lock closes the sketch and the fields the moment its mirror arrives; notes (annotations, comments) stay open.
  const lock = useLockMirror(shotCollab?.doc, shotCollab?.documentName ?? null);
  const shotConnection = useLockAwareConnection(useConnection(shotCollab?.provider ?? null), lock);
  const notesConnection = useConnection(notesCollab?.provider ?? null);

  const shotDoc = shotCollab?.ready ? shotCollab.doc : null;
  const notesDoc = notesCollab?.ready ? notesCollab.doc : null;
  const canSketch = role !== null && canWrite(role, "shot") && writable(shotConnection) && !isLocked(lock);
  const canAnnotate = role !== null && canWrite(role, "notes") && writable(notesConnection);
  const sketchLockedReason = canSketch
    ? null
    : role !== null && !canWrite(role, "shot")
      ? `Only artists and directors draw the sketch — you are ${withArticle(role)}. Use the Annotations layer.`
      : (lockedSketchNote(lock) ?? "The server allows you to read this shot, not change it.");

  const fieldsMap = useMemo(() => (shotDoc ? shotFieldsMap(shotDoc) : null), [shotDoc]);
  const fields = useYValue(fieldsMap, () => (shotDoc ? readShotFields(shotDoc) : null), null);
  const backgroundUrl = useAssetUrl(projectId, fields?.referenceImage || null);
  const neighbours = useShotNeighbours(storyboardCollab?.ready ? storyboardCollab.doc : null, shotId);

  const threads = useThreads(notesDoc);
  const members = useMembers(projectId);
  const author = useMemo(() => ({ id: identity.id, name: identity.name }), [identity.id, identity.name]);
  const [pending, setPending] = useState<CommentAnchor | null>(null);
  const [activeThreadId, setActiveThreadId] = useState<string | null>(null);
  const pins = useMemo(() => {
    const list: Pin[] = threads
      .filter((t) => isPanelThread(t, shotId))
      .map((t, i) => ({ threadId: t.id, number: i + 1, anchor: t.anchor as Pin["anchor"], resolved: t.status === "resolved" }));
    if (pending) list.push({ threadId: "pending", number: 0, anchor: { type: "pending", ...pending }, resolved: false });
    return list;
  }, [threads, shotId, pending]);
  const pointers = useLivePointers(notesCollab?.provider ?? null, identity);
  const history = useHistoryPanel();

  useEffect(() => {
    document.title = fields ? `Shot ${fields.number} — Aiuteur` : "Shot — Aiuteur";
    return () => {
      document.title = "Aiuteur";
    };
  }, [fields]);
  // A new shot starts with nothing pending or focused.
  useEffect(() => {
    setPending(null);
    setActiveThreadId(null);
  }, [shotId]);

  const refusal = [info.error, project.error].find((e): e is ApiError => e instanceof ApiError && (e.status === 403 || e.status === 404));
  if (refusal) return <ShotUnavailable projectId={projectId} message={refusal.message} />;
  if (info.data === undefined) {
    if (info.loading) return <p className="page muted">Opening shot…</p>;
    const offline = info.error instanceof ApiError && info.error.isNetworkError;
    return (
      <ShotUnavailable
        projectId={projectId}
        message={offline ? "This shot hasn't been opened on this device yet, so it isn't available offline. Open it once while online." : messageOf(info.error)}
      />
    );
  }

  const problem = shotConnection.problem ?? notesConnection.problem;
  return (
    <div className="shot-page">
      <ShotHeader
        projectId={projectId}
        episodeId={info.data.episodeId}
        shotNumber={fields?.number ?? ""}
        previous={neighbours.previous}
        next={neighbours.next}
        position={neighbours.position}
        role={role}
        provider={shotCollab?.provider ?? null}
        syncProvider={(canSketch || !canAnnotate ? shotCollab?.provider : notesCollab?.provider) ?? null}
        readOnly={!canSketch && !canAnnotate}
      >
        <HistoryButton panel={history} />
      </ShotHeader>
      {role !== null && !canWrite(role, "notes") && (
        <p className="read-only-banner" role="note" data-testid="read-only-banner">
          Read only — you are {withArticle(role)}
        </p>
      )}
      {problem && (
        <div className="problem-banner" role="alert" data-testid="error-message">
          {problem.message}
        </div>
      )}
      <LockBanner mirror={lock} />
      <main className="shot-body">
        <section className="shot-panel-column" aria-label="Panel">
          {shotDoc && notesDoc ? (
            <ErrorBoundary what="The panel" key={shotId}>
              <PanelEditor
                shotDoc={shotDoc}
                notesDoc={notesDoc}
                canSketch={canSketch}
                sketchLockedReason={sketchLockedReason}
                canAnnotate={canAnnotate}
                author={identity.id}
                movementLabel={fields?.movement ?? ""}
                backgroundUrl={backgroundUrl}
                pins={pins}
                activeThreadId={activeThreadId}
                onPinClick={(id) => setActiveThreadId(id === "pending" ? null : id)}
                onComment={(anchor) => {
                  setPending(anchor);
                  setActiveThreadId(null);
                }}
                pointers={pointers.others}
                publishPointer={pointers.publish}
              />
              {canSketch && <ReferenceImageButton projectId={projectId} doc={shotDoc} hasImage={Boolean(fields?.referenceImage)} />}
            </ErrorBoundary>
          ) : (
            <p className="muted" role="status">
              Opening the panel…
            </p>
          )}
        </section>
        <aside className="shot-side-column">
          {/* One pool serves the script to the lock gate and to the script links. */}
          <DocumentPoolScope>
            <ShotLockControl
              projectId={projectId}
              episodeId={info.data.episodeId}
              branchId={branchId}
              shotDocument={info.data.documents.shot}
              shotNumber={fields?.number ?? ""}
              mirror={lock}
              role={role}
            />
            <ErrorBoundary what="The render panel" key={`render-${shotId}`}>
              <ShotRenderSection
                projectId={projectId}
                shotId={shotId}
                branchId={branchId}
                shotNumber={fields?.number ?? ""}
                shotDoc={shotCollab?.doc ?? null}
                lock={lock}
                role={role}
              />
            </ErrorBoundary>
            {shotDoc && (
              <section className="shot-fields" aria-label="Shot details">
                <ErrorBoundary what="The shot details" key={shotId}>
                  <ShotFieldsForm doc={shotDoc} editable={canSketch} projectId={projectId} episodeId={info.data.episodeId} />
                </ErrorBoundary>
              </section>
            )}
            {notesDoc && (
              <div className="shot-comments">
                <ShotComments
                  doc={notesDoc}
                  shotId={shotId}
                  sceneId={info.data.sceneId}
                  threads={threads}
                  user={author}
                  members={members}
                  editable={canAnnotate}
                  pending={pending}
                  onPendingDone={(id) => {
                    setPending(null);
                    setActiveThreadId(id);
                  }}
                  activeThreadId={activeThreadId}
                  onFocusThread={setActiveThreadId}
                />
              </div>
            )}
          </DocumentPoolScope>
        </aside>
      </main>
      <HistoryPanel projectId={projectId} document={info.data.documents.shot} liveDoc={shotDoc} role={role} panel={history} />
    </div>
  );
}

function ShotUnavailable({ projectId, message }: { projectId: string; message: string }) {
  return (
    <main className="page">
      <h1>Shot not available</h1>
      <ErrorMessage message={message} />
      <p>
        <Link to={`/projects/${encodeURIComponent(projectId)}`}>Back to the project</Link> · <Link to="/">Your projects</Link>
      </p>
    </main>
  );
}
