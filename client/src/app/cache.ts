/**
 * The last-known project and episode descriptions, kept in localStorage so the script page can open
 * offline: it needs the document name (to find the IndexedDB copy), the titles and the caller's role (so
 * the editor is editable exactly when it was online). The server stays the authority: every online visit
 * refreshes these, and the sync server decides what a connection may write.
 */
import { isRole, MAIN_BRANCH, parseDocumentName, type EpisodeInfo, type ProjectInfo } from "@aiuteur/shared";

const PREFIX = "aiuteur:cache:";

function read(key: string): unknown {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    return raw === null ? null : (JSON.parse(raw) as unknown);
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Quota or privacy mode: the page simply won't open offline.
  }
}

function remove(key: string): void {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    // Nothing to remove.
  }
}

/** Data from storage is repaired at the boundary: anything malformed counts as absent. */
function asProject(value: unknown): ProjectInfo | null {
  const v = value as Partial<ProjectInfo> | null;
  if (!v || typeof v.id !== "string" || typeof v.title !== "string" || !isRole(v.role)) return null;
  return { id: v.id, title: v.title, role: v.role };
}

function asEpisode(value: unknown): EpisodeInfo | null {
  const v = value as Partial<EpisodeInfo> | null;
  if (!v || typeof v.id !== "string" || typeof v.title !== "string") return null;
  const docs = v.documents;
  if (typeof docs?.script !== "string" || typeof docs.beats !== "string" || typeof docs.notes !== "string") return null;
  return { id: v.id, title: v.title, documents: { script: docs.script, beats: docs.beats, notes: docs.notes } };
}

function asList<T>(value: unknown, item: (v: unknown) => T | null): T[] | null {
  if (!Array.isArray(value)) return null;
  const items = value.map(item);
  return items.every((i) => i !== null) ? (items as T[]) : null;
}

// Keys include the user id: a role cached for one account must never unlock the editor for another.
const key = {
  projects: (userId: string) => `${userId}:projects`,
  project: (userId: string, projectId: string) => `${userId}:project:${projectId}`,
  episodes: (userId: string, projectId: string) => `${userId}:episodes:${projectId}`,
  // Each story timeline names its own documents, so an episode is cached once per branch.
  episode: (userId: string, projectId: string, episodeId: string, branchId: string) =>
    `${userId}:episode:${projectId}:${episodeId}${branchId === MAIN_BRANCH ? "" : `@${branchId}`}`,
};

/** The branch an episode description belongs to, read from the documents it names. */
function branchOf(episode: EpisodeInfo): string {
  const name = parseDocumentName(episode.documents.script);
  return name && name.kind !== "project" ? name.branchId : MAIN_BRANCH;
}

export const offlineCache = {
  projects: (userId: string): ProjectInfo[] | null => asList(read(key.projects(userId)), asProject),
  saveProjects: (userId: string, projects: ProjectInfo[]) => write(key.projects(userId), projects),

  project: (userId: string, projectId: string): ProjectInfo | null => asProject(read(key.project(userId, projectId))),
  saveProject: (userId: string, project: ProjectInfo) => write(key.project(userId, project.id), project),
  forgetProject: (userId: string, projectId: string) => {
    remove(key.project(userId, projectId));
    remove(key.episodes(userId, projectId));
  },

  episodes: (userId: string, projectId: string): EpisodeInfo[] | null =>
    asList(read(key.episodes(userId, projectId)), asEpisode),
  saveEpisodes: (userId: string, projectId: string, episodes: EpisodeInfo[]) =>
    write(key.episodes(userId, projectId), episodes),

  episode: (userId: string, projectId: string, episodeId: string, branchId: string = MAIN_BRANCH): EpisodeInfo | null =>
    asEpisode(read(key.episode(userId, projectId, episodeId, branchId))),
  saveEpisode: (userId: string, projectId: string, episode: EpisodeInfo) =>
    write(key.episode(userId, projectId, episode.id, branchOf(episode)), episode),
};
