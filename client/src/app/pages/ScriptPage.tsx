/**
 * "/projects/:projectId/episodes/:episodeId": one episode's screenplay, live with collaborators and
 * usable offline.
 *
 * Offline: the project and episode descriptions come from the offline cache (refreshed on every online
 * visit), the script from IndexedDB via useCollabDocument, and `editable` follows the last-known role.
 * Nothing waits for the network before the editor is shown when this device has a copy.
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import { canWrite } from "@aiuteur/shared";
import { useMembers, useNotesDocument, useThreads } from "../../comments";
import { ScriptComments } from "../../comments/script/ScriptComments";
import { useModAltShortcut } from "../../comments/useModAltShortcut";
import { api, ApiError, messageOf } from "../api";
import { useAuth, useSession } from "../auth";
import { offlineCache } from "../cache";
import { colourForUser } from "../colour";
import { ErrorBoundary } from "../components/ErrorBoundary";
import { ErrorMessage } from "../components/ErrorMessage";
import { ScriptHeader } from "../components/ScriptHeader";
import { ScriptWorkspace } from "../components/ScriptWorkspace";
import { TitlePageDialog } from "../components/TitlePageDialog";
import { useCachedResource } from "../hooks/useCachedResource";
import { useCollabDocument } from "../hooks/useCollabDocument";
import { useConnection, type ConnectionProblem } from "../hooks/useConnection";
import { withArticle } from "../roleText";

export function ScriptPage() {
  const { projectId = "", episodeId = "" } = useParams();
  const { user } = useSession();
  const project = useCachedResource(`project:${user.id}:${projectId}`, (signal) => api.getProject(projectId, signal), {
    read: () => offlineCache.project(user.id, projectId),
    write: (value) => offlineCache.saveProject(user.id, value),
  });
  const episode = useCachedResource(
    `episode:${user.id}:${projectId}:${episodeId}`,
    (signal) => api.getEpisode(projectId, episodeId, signal),
    {
      read: () => offlineCache.episode(user.id, projectId, episodeId),
      write: (value) => offlineCache.saveEpisode(user.id, projectId, value),
    },
  );

  const identity = useMemo(
    () => ({ id: user.id, name: user.displayName, color: colourForUser(user.id) }),
    [user.id, user.displayName],
  );
  const collab = useCollabDocument(episode.data?.documents.script ?? null, identity);
  const connection = useConnection(collab?.provider ?? null);
  const [navigatorOpen, setNavigatorOpen] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const closeNavigator = useCallback(() => setNavigatorOpen(false), []);
  const [titlePageOpen, setTitlePageOpen] = useState(false);
  const closeTitlePage = useCallback(() => setTitlePageOpen(false), []);

  // Comments live in the episode's notes document, writable by reviewers even where the script is not.
  const role = project.data?.role ?? null;
  const notes = useNotesDocument(episode.data?.documents.notes ?? null, identity, role);
  const threads = useThreads(notes.doc);
  const members = useMembers(projectId);
  const author = useMemo(() => ({ id: identity.id, name: identity.name }), [identity.id, identity.name]);
  const [commentsOpen, setCommentsOpen] = useState(false);
  const toggleComments = useCallback(() => setCommentsOpen((open) => !open), []);
  const openComments = useCallback(() => setCommentsOpen(true), []);
  const closeComments = useCallback(() => setCommentsOpen(false), []);
  useModAltShortcut("KeyC", toggleComments);
  const openThreadCount = notes.doc ? threads.filter((t) => t.status === "open").length : null;

  // A refusal means this account lost access: forget the cached role so offline opening can't edit.
  const refusal = [episode.error, project.error].find((e) => e instanceof ApiError && (e.status === 403 || e.status === 404));
  const refused = refusal !== undefined;
  useEffect(() => {
    if (refused) offlineCache.forgetProject(user.id, projectId);
  }, [refused, user.id, projectId]);

  const title = episode.data?.title;
  useEffect(() => {
    if (title) document.title = `${title} — Aiuteur`;
    return () => {
      document.title = "Aiuteur";
    };
  }, [title]);

  if (refusal instanceof ApiError) return <Unavailable projectId={projectId} message={refusal.message} />;
  if (episode.data === undefined) {
    if (episode.loading) return <p className="page muted">Opening script…</p>;
    const offline = episode.error instanceof ApiError && episode.error.isNetworkError;
    return (
      <Unavailable
        projectId={projectId}
        message={
          offline
            ? "This script hasn't been opened on this device yet, so it isn't available offline. Open it once while online."
            : messageOf(episode.error)
        }
      />
    );
  }

  const roleMayWrite = role !== null && canWrite(role, "script");
  const blocked = connection.problem?.kind === "auth" && !connection.problem.signInAgain;
  const readOnly = !roleMayWrite || connection.scope === "readonly" || blocked;
  const banner = !readOnly
    ? null
    : role !== null && !roleMayWrite
      ? `Read only — you are ${withArticle(role)}`
      : connection.scope === "readonly"
        ? "Read only — the server allows you to read this script, not change it (it may be locked)."
        : role === null && !project.loading
          ? "Read only — your role in this project isn't known on this device yet."
          : null;

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
      />
      {banner && (
        <p className="read-only-banner" data-testid="read-only-banner" role="note">
          {banner}
        </p>
      )}
      {connection.problem && <ProblemBanner problem={connection.problem} />}
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
    </div>
  );
}

function ProblemBanner({ problem }: { problem: ConnectionProblem }) {
  const { signOut } = useAuth();
  return (
    <div className="problem-banner" role="alert" data-testid="error-message">
      <span>{problem.message}</span>
      {problem.kind === "auth" && problem.signInAgain && (
        // Signing out sends the guard to /login?next=<this script>; the local copy stays in IndexedDB.
        <button type="button" className="button-secondary" onClick={signOut}>
          Sign in again
        </button>
      )}
      {problem.kind === "close" && problem.reload && (
        <button type="button" className="button-secondary" onClick={() => window.location.reload()}>
          Reload
        </button>
      )}
    </div>
  );
}

function Unavailable({ projectId, message }: { projectId: string; message: string }) {
  return (
    <main className="page">
      <h1>Script not available</h1>
      <ErrorMessage message={message} />
      <p>
        <Link to={`/projects/${projectId}`}>Back to the project</Link> · <Link to="/">Your projects</Link>
      </p>
    </main>
  );
}
