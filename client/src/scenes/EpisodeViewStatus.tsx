/**
 * What every live episode view (beats, scenes) shows around its content, the way the script page does:
 * "not available" when the episode can't be opened, why the view is read-only, and connection problems.
 */
import { Link } from "react-router";
import { canWrite, type DocumentKind, type Role } from "@aiuteur/shared";
import { ApiError, messageOf } from "../app/api";
import { ErrorMessage } from "../app/components/ErrorMessage";
import { ProblemBanner } from "../app/components/ProblemBanner";
import type { ConnectionState } from "../app/hooks/useConnection";
import type { EpisodeData } from "../app/hooks/useEpisodeData";
import { withArticle } from "../app/roleText";

/** The page to show instead of the view, or null when the episode is known (a plain function: no hooks). */
export function episodeGate({ data, what }: { data: EpisodeData; what: string }) {
  const { refusal, episode, projectId } = data;
  if (refusal) return <EpisodeUnavailable projectId={projectId} what={what} message={refusal.message} />;
  if (episode.data !== undefined) return null;
  if (episode.loading) return <p className="page muted">Opening {what.toLowerCase()}…</p>;
  const offline = episode.error instanceof ApiError && episode.error.isNetworkError;
  return (
    <EpisodeUnavailable
      projectId={projectId}
      what={what}
      message={
        offline
          ? `This episode hasn't been opened on this device yet, so its ${what.toLowerCase()} isn't available offline. Open it once while online.`
          : messageOf(episode.error)
      }
    />
  );
}

function EpisodeUnavailable({ projectId, what, message }: { projectId: string; what: string; message: string }) {
  return (
    <main className="page">
      <h1>{what} not available</h1>
      <ErrorMessage message={message} />
      <p>
        <Link to={`/projects/${encodeURIComponent(projectId)}`}>Back to the project</Link> · <Link to="/">Your projects</Link>
      </p>
    </main>
  );
}

export interface ViewAccess {
  readOnly: boolean;
  /** Why it is read-only, when that is worth saying. */
  banner: string | null;
}

/** Writable only when the role may write this kind of document and the server gave a writable connection. */
export function viewAccess(role: Role | null, kind: DocumentKind, connection: ConnectionState, noun: string, roleLoading: boolean): ViewAccess {
  const roleMayWrite = role !== null && canWrite(role, kind);
  const blocked = connection.problem?.kind === "auth" && !connection.problem.signInAgain;
  const readOnly = !roleMayWrite || connection.scope === "readonly" || blocked;
  if (!readOnly) return { readOnly, banner: null };
  if (role !== null && !roleMayWrite) return { readOnly, banner: `Read only — you are ${withArticle(role)}` };
  if (connection.scope === "readonly") {
    return { readOnly, banner: `Read only — the server allows you to read ${noun}, not change it (it may be locked).` };
  }
  if (role === null && !roleLoading) return { readOnly, banner: "Read only — your role in this project isn't known on this device yet." };
  return { readOnly, banner: null };
}

export function ViewBanners({ access, connection }: { access: ViewAccess; connection: ConnectionState }) {
  return (
    <>
      {access.banner && (
        <p className="read-only-banner" data-testid="read-only-banner" role="note">
          {access.banner}
        </p>
      )}
      {connection.problem && <ProblemBanner problem={connection.problem} />}
    </>
  );
}
