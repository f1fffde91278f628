/**
 * "/projects/:projectId/registry": the project's characters, locations, props and anything else the team
 * tracks. Characters and locations come live from every episode's script; descriptions and reference
 * images live in the project document's registry. Owners and directors edit; everyone else reads.
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import { canWrite, formatDocumentName, readRegistry, REGISTRY_KINDS } from "@aiuteur/shared";
import { AddRegistryEntry } from "../../registry/AddRegistryEntry";
import { EpisodeNamesSource } from "../../registry/EpisodeNamesSource";
import { KIND_LABELS } from "../../registry/kindLabels";
import { filterRegistry, mergeRegistry, type EpisodeNames } from "../../registry/mergeRegistry";
import { RegistryCard } from "../../registry/RegistryCard";
import "../../registry/registry.css";
import { useDocValue } from "../../scenes/useDocValue";
import { api, ApiError, messageOf } from "../api";
import { useSession } from "../auth";
import { offlineCache } from "../cache";
import { AppHeader } from "../components/AppHeader";
import { ErrorMessage } from "../components/ErrorMessage";
import { OfflineNotice } from "../components/OfflineNotice";
import { PresenceList } from "../components/PresenceList";
import { SyncIndicator } from "../components/SyncIndicator";
import { useCachedResource } from "../hooks/useCachedResource";
import { useCollabDocument } from "../hooks/useCollabDocument";
import { useConnection } from "../hooks/useConnection";
import { useIdentity, useProjectData } from "../hooks/useEpisodeData";
import { withArticle } from "../roleText";

export function RegistryPage() {
  const { projectId = "" } = useParams();
  const { user } = useSession();
  const identity = useIdentity();
  const project = useProjectData(projectId);
  const episodes = useCachedResource(`episodes:${user.id}:${projectId}`, (signal) => api.listEpisodes(projectId, signal), {
    read: () => offlineCache.episodes(user.id, projectId),
    write: (list) => offlineCache.saveEpisodes(user.id, projectId, list),
  });
  const collab = useCollabDocument(project.data ? formatDocumentName({ kind: "project", projectId }) : null, identity);
  const connection = useConnection(collab?.provider ?? null);
  const entries = useDocValue(collab?.ready ? collab.doc : null, readRegistry);
  const [names, setNames] = useState<Record<string, EpisodeNames>>({});
  const [query, setQuery] = useState("");

  const onNames = useCallback((next: EpisodeNames) => setNames((all) => ({ ...all, [next.episodeId]: next })), []);
  const episodeIds = episodes.data?.map((episode) => episode.id).join(",") ?? "";
  const items = useMemo(() => {
    // Only episodes still in the list count (one may have been deleted while the page was open).
    const current = new Set(episodeIds.split(","));
    const derived = Object.values(names).filter((episode) => current.has(episode.episodeId));
    return mergeRegistry(derived, entries ?? []);
  }, [names, entries, episodeIds]);
  const visible = useMemo(() => filterRegistry(items, query), [items, query]);

  useEffect(() => {
    document.title = "Characters & locations — Aiuteur";
    return () => {
      document.title = "Aiuteur";
    };
  }, []);

  const role = project.data?.role ?? null;
  const refused = project.error instanceof ApiError && (project.error.status === 403 || project.error.status === 404);
  const blocked = connection.problem?.kind === "auth" && !connection.problem.signInAgain;
  const editable = role !== null && canWrite(role, "project") && connection.scope !== "readonly" && !blocked;
  const scriptsPending = (episodes.data ?? []).filter((episode) => !names[episode.id]).length;

  return (
    <>
      <AppHeader>
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <Link to="/">Projects</Link>
          {" / "}
          <Link to={`/projects/${encodeURIComponent(projectId)}`}>{project.data?.title ?? "Project"}</Link>
          <span aria-current="page"> / Characters &amp; locations</span>
        </nav>
      </AppHeader>
      {(episodes.data ?? []).map((episode) => (
        <EpisodeNamesSource key={episode.id} episode={episode} identity={identity} onNames={onNames} />
      ))}
      <main className="page registry-page">
        {refused ? (
          <>
            <h1>Registry not available</h1>
            <ErrorMessage message={messageOf(project.error)} />
          </>
        ) : (
          <>
            <div className="registry-heading">
              <h1>Characters &amp; locations</h1>
              <SyncIndicator provider={collab?.provider ?? null} readOnly={!editable} />
              <PresenceList provider={collab?.provider ?? null} />
            </div>
            <OfflineNotice show={project.offline || episodes.offline} />
            {connection.problem && (
              <ErrorMessage
                message={
                  // useConnection's auth messages speak of "this script"; say what is actually refused here.
                  connection.problem.kind === "auth" && !connection.problem.signInAgain
                    ? `The server refused to open this project's registry (${connection.problem.reason || "no reason given"}), so it is read only.`
                    : connection.problem.message
                }
              />
            )}
            {role !== null && !canWrite(role, "project") && (
              <p className="read-only-banner registry-note" role="note" data-testid="read-only-banner">
                Read only — you are {withArticle(role)}. Owners and directors edit the registry.
              </p>
            )}
            <p className="muted registry-intro">
              Characters and locations appear here by themselves as the scripts name them. Add descriptions and reference
              images, and anything else the team tracks.
              {scriptsPending > 0 && ` Reading ${scriptsPending === 1 ? "1 script" : `${scriptsPending} scripts`}…`}
            </p>
            <ErrorMessage message={episodes.error && !episodes.offline ? messageOf(episodes.error) : null} />
            <div className="registry-tools">
              <input
                type="search"
                className="registry-filter"
                aria-label="Filter the registry"
                placeholder="Filter by name or description"
                value={query}
                onChange={(event) => setQuery(event.target.value)}
                data-testid="registry-filter"
              />
              {editable && collab && <AddRegistryEntry doc={collab.doc} />}
            </div>
            {collab?.ready ? (
              REGISTRY_KINDS.map((kind) => {
                const ofKind = visible.filter((item) => item.kind === kind);
                return (
                  <section key={kind} className="registry-section" aria-labelledby={`registry-${kind}`} data-testid={`registry-section-${kind}`}>
                    <h2 id={`registry-${kind}`}>
                      {KIND_LABELS[kind].many} <span className="muted registry-count">{ofKind.length}</span>
                    </h2>
                    {ofKind.length === 0 ? (
                      <p className="muted">{query ? "Nothing matches." : "None yet."}</p>
                    ) : (
                      <ul className="registry-list">
                        {ofKind.map((item) => (
                          <RegistryCard key={item.id} doc={collab.doc} projectId={projectId} item={item} editable={editable} />
                        ))}
                      </ul>
                    )}
                  </section>
                );
              })
            ) : (
              <p className="muted" role="status">
                Opening the registry…
              </p>
            )}
          </>
        )}
      </main>
    </>
  );
}
