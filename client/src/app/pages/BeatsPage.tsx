/**
 * "/projects/:projectId/episodes/:episodeId/beats": the episode's beat board, live with collaborators and
 * usable offline (the beats document comes from IndexedDB first, like the script). The script is opened
 * alongside, only to list its scenes for linking.
 */
import { useParams } from "react-router";
import { addBeat, applyBeatTemplate } from "@aiuteur/shared";
import { BeatBoard } from "../../beats/BeatBoard";
import { UndoToast } from "../../beats/UndoToast";
import { useBeatDeletion } from "../../beats/useBeatDeletion";
import { useBeats } from "../../beats/useBeats";
import "../../beats/beats.css";
import "../../scenes/episodeView.css";
import { EpisodeViewFrame } from "../../scenes/EpisodeViewFrame";
import { episodeGate, viewAccess } from "../../scenes/EpisodeViewStatus";
import { useScriptScenes } from "../../scenes/useScriptScenes";
import { ErrorBoundary } from "../components/ErrorBoundary";
import { useCollabDocument } from "../hooks/useCollabDocument";
import { useConnection } from "../hooks/useConnection";
import { useDocumentTitle } from "../hooks/useDocumentTitle";
import { useEpisodeData } from "../hooks/useEpisodeData";
import { HistoryButton } from "../../history/HistoryButton";
import { HistoryPanel } from "../../history/HistoryPanel";
import { useHistoryPanel } from "../../history/useHistoryPanel";
import { LockControl } from "../../locks/LockControl";
import { withLock } from "../../locks/lockAccess";
import { alternativeBranchName } from "../../locks/lockText";
import { useLockAwareConnection } from "../../locks/useLockAwareScope";
import { useLockMirror } from "../../locks/useLockMirror";

export function BeatsPage() {
  const { projectId = "", episodeId = "" } = useParams();
  const data = useEpisodeData(projectId, episodeId);
  const documents = data.episode.data?.documents;
  const beatsCollab = useCollabDocument(documents?.beats ?? null, data.identity);
  const scriptCollab = useCollabDocument(documents?.script ?? null, data.identity);
  const lock = useLockMirror(beatsCollab?.doc, beatsCollab?.documentName ?? null);
  const connection = useLockAwareConnection(useConnection(beatsCollab?.provider ?? null), lock);
  const beatsDoc = beatsCollab?.ready ? beatsCollab.doc : null;
  const beats = useBeats(beatsDoc);
  const scenes = useScriptScenes(scriptCollab?.ready ? scriptCollab.doc : null);
  const deletion = useBeatDeletion(beatsDoc);
  const history = useHistoryPanel();

  const title = data.episode.data?.title;
  useDocumentTitle(title ? `Beats — ${title}` : null);

  const gate = episodeGate({ data, what: "Beat board" });
  if (gate) return gate;
  const access = withLock(viewAccess(data.role, "beats", connection, "this beat board", data.project.loading), lock);

  const addCard = () => {
    if (!beatsDoc) return;
    const last = beats?.[beats.length - 1];
    const id = addBeat(beatsDoc, { act: last?.act ?? 1, color: last?.color ?? "grey" });
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-beat-id="${CSS.escape(id)}"] .beat-title`)?.focus());
  };

  return (
    <EpisodeViewFrame
      data={data}
      className="beats-page"
      provider={beatsCollab?.provider ?? null}
      access={access}
      connection={connection}
      loading={beatsDoc === null || beats === null ? "Opening the beat board…" : null}
      lock={lock}
      headerExtra={
        <>
          <HistoryButton panel={history} />
          <LockControl
            projectId={projectId}
            document={documents?.beats ?? null}
            mirror={lock}
            role={data.role}
            what="the beat board"
            branchName={alternativeBranchName(title ?? "")}
          />
        </>
      }
      after={
        <>
          {deletion.lastDeleted && (
            <UndoToast
              message={`Deleted “${deletion.lastDeleted.title.trim() || "untitled beat"}”`}
              onUndo={deletion.undo}
              onDismiss={deletion.dismiss}
            />
          )}
          <HistoryPanel projectId={projectId} document={documents?.beats ?? null} liveDoc={beatsDoc} role={data.role} panel={history} />
        </>
      }
    >
      {beatsDoc !== null && beats !== null && (
        <ErrorBoundary what="The beat board" key={beatsCollab?.documentName}>
          <div className="beats-toolbar">
            <h2 className="beats-heading">
              {beats.length === 1 ? "1 beat" : `${beats.length} beats`}
              {scenes !== null && <span className="muted"> · {scenes.length === 1 ? "1 scene" : `${scenes.length} scenes`} in the script</span>}
            </h2>
            {!access.readOnly && (
              <button type="button" className="button-primary" data-testid="add-beat" onClick={addCard}>
                Add beat
              </button>
            )}
          </div>
          {beats.length === 0 ? (
            <div className="beats-empty" data-testid="beats-empty">
              <p>No beats yet.{access.readOnly ? "" : " Add one, or start from a classic structure."}</p>
              {!access.readOnly && (
                <button
                  type="button"
                  className="button-secondary"
                  data-testid="apply-beat-template"
                  onClick={() => applyBeatTemplate(beatsDoc)}
                >
                  Start from the 15-beat template
                </button>
              )}
            </div>
          ) : (
            <BeatBoard doc={beatsDoc} beats={beats} scenes={scenes} readOnly={access.readOnly} onDelete={deletion.remove} />
          )}
        </ErrorBoundary>
      )}
    </EpisodeViewFrame>
  );
}
