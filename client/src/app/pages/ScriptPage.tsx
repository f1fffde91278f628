/**
 * "/projects/:projectId/episodes/:episodeId": one episode's screenplay, live with collaborators and
 * usable offline.
 *
 * Offline: the project and episode descriptions come from the offline cache (refreshed on every online
 * visit), the script from IndexedDB via useCollabDocument, and `editable` follows the last-known role.
 * Nothing waits for the network before the editor is shown when this device has a copy.
 */
import { useCallback, useMemo, useState } from "react";
import { useParams } from "react-router";
import { useMembers, useNotesDocument, useThreads } from "../../comments";
import { ScriptComments } from "../../comments/script/ScriptComments";
import { useModAltShortcut } from "../../comments/useModAltShortcut";
import { episodeGate, ViewBanners, viewAccess } from "../../scenes/EpisodeViewStatus";
import { ErrorBoundary } from "../components/ErrorBoundary";
import { ErrorMessage } from "../components/ErrorMessage";
import { ScriptHeader } from "../components/ScriptHeader";
import { ScriptWorkspace } from "../components/ScriptWorkspace";
import { TitlePageDialog } from "../components/TitlePageDialog";
import { useCollabDocument } from "../hooks/useCollabDocument";
import { useConnection } from "../hooks/useConnection";
import { useDocumentTitle } from "../hooks/useDocumentTitle";
import { useEpisodeData } from "../hooks/useEpisodeData";
import { HistoryButton } from "../../history/HistoryButton";
import { HistoryPanel } from "../../history/HistoryPanel";
import { useHistoryPanel } from "../../history/useHistoryPanel";
import { LockBanner } from "../../locks/LockBanner";
import { LockControl } from "../../locks/LockControl";
import { withLock } from "../../locks/lockAccess";
import { alternativeBranchName } from "../../locks/lockText";
import { useLockAwareConnection } from "../../locks/useLockAwareScope";
import { useLockMirror } from "../../locks/useLockMirror";

export function ScriptPage() {
  const { projectId = "", episodeId = "" } = useParams();
  const data = useEpisodeData(projectId, episodeId);
  const { project, episode, identity } = data;

  const collab = useCollabDocument(episode.data?.documents.script ?? null, identity);
  // A lock turns the editor read-only the moment its mirror arrives, for everyone who has the script open.
  const lock = useLockMirror(collab?.doc, collab?.documentName ?? null);
  const connection = useLockAwareConnection(useConnection(collab?.provider ?? null), lock);
  const [navigatorOpen, setNavigatorOpen] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const closeNavigator = useCallback(() => setNavigatorOpen(false), []);
  const [titlePageOpen, setTitlePageOpen] = useState(false);
  const closeTitlePage = useCallback(() => setTitlePageOpen(false), []);

  // Comments live in the episode's notes document, writable by reviewers even where the script is not.
  const role = data.role;
  const notes = useNotesDocument(episode.data?.documents.notes ?? null, identity, role);
  const threads = useThreads(notes.doc);
  const members = useMembers(projectId);
  const author = useMemo(() => ({ id: identity.id, name: identity.name }), [identity.id, identity.name]);
  const [commentsOpen, setCommentsOpen] = useState(false);
  const toggleComments = useCallback(() => setCommentsOpen((open) => !open), []);
  const openComments = useCallback(() => setCommentsOpen(true), []);
  const closeComments = useCallback(() => setCommentsOpen(false), []);
  useModAltShortcut("KeyC", toggleComments);
  const history = useHistoryPanel();
  const openThreadCount = notes.doc ? threads.filter((t) => t.status === "open").length : null;

  useDocumentTitle(episode.data?.title);

  const gate = episodeGate({ data, what: "Script" });
  if (gate || episode.data === undefined) return gate;
  const access = withLock(viewAccess(role, "script", connection, "this script", project.loading), lock);
  const readOnly = access.readOnly;

  return (
    <div className={`script-page${navigatorOpen ? " navigator-open" : ""}${commentsOpen ? " comments-open" : ""}`}>
      <ScriptHeader
        projectId={projectId}
        projectTitle={project.data?.title ?? null}
        episodeId={episodeId}
        episodeTitle={episode.data.title}
        role={role}
        provider={collab?.provider ?? null}
        readOnly={readOnly}
        navigatorOpen={navigatorOpen}
        onToggleNavigator={() => setNavigatorOpen((open) => !open)}
        onExportError={setExportError}
        onOpenTitlePage={() => setTitlePageOpen(true)}
        commentsOpen={commentsOpen}
        openComments={openThreadCount}
        onToggleComments={toggleComments}
      >
        <HistoryButton panel={history} />
        <LockControl
          projectId={projectId}
          document={episode.data.documents.script}
          mirror={lock}
          role={role}
          what="the script"
          branchName={alternativeBranchName(episode.data.title)}
        />
      </ScriptHeader>
      <ViewBanners access={access} connection={connection} />
      <LockBanner mirror={lock} />
      <ErrorMessage message={exportError} />
      {titlePageOpen && collab && (
        <TitlePageDialog doc={collab.doc} editable={!readOnly} onClose={closeTitlePage} />
      )}
      {collab?.ready ? (
        <ErrorBoundary what="The editor" key={collab.documentName}>
          <ScriptWorkspace
            doc={collab.doc}
            provider={collab.provider}
            user={identity}
            editable={!readOnly}
            navigatorOpen={navigatorOpen}
            onCloseNavigator={closeNavigator}
            renderComments={(editor, narrow) => (
              <ScriptComments
                editor={editor}
                notesDoc={notes.doc}
                threads={threads}
                user={author}
                members={members}
                editable={notes.editable}
                open={commentsOpen}
                onOpen={openComments}
                onClose={closeComments}
                narrow={narrow}
                problem={notes.problem ? `Comments: ${notes.problem.message}` : null}
              />
            )}
          />
        </ErrorBoundary>
      ) : (
        <p className="script-loading muted" role="status">
          Opening script…
        </p>
      )}
      <HistoryPanel projectId={projectId} document={episode.data.documents.script} liveDoc={collab?.ready ? collab.doc : null} role={role} panel={history} />
    </div>
  );
}
