/** Everything a request handler or Hocuspocus extension needs, built once at start-up. */
import type * as Y from "yjs";
import type { ServerConfig } from "./config.js";
import type { Database } from "./db/database.js";
import type { Logger } from "./logger.js";
import type { TokenService } from "./auth/tokens.js";
import type { AssetStore } from "./store/assets.js";
import type { BranchStore } from "./store/branches.js";
import type { LockStore } from "./store/locks.js";
import type { LiveLockAccess } from "./locks/liveAccess.js";
import type { VersionStore } from "./store/versions.js";
import type { DocumentStore } from "./store/documents.js";
import type { EpisodeStore } from "./store/episodes.js";
import type { ProjectStore } from "./store/projects.js";
import type { StoryboardStore } from "./store/storyboards.js";
import type { UserStore } from "./store/users.js";
import type { RenderStore } from "./store/renders.js";
import type { ArtifactStore } from "./render/artifactStore.js";
import type { RenderReconciler } from "./render/reconciler.js";
import type { RenderQueue } from "@aiuteur/render-worker";

export interface Services {
  config: ServerConfig;
  db: Database;
  log: Logger;
  tokens: TokenService;
  users: UserStore;
  projects: ProjectStore;
  episodes: EpisodeStore;
  documents: DocumentStore;
  storyboards: StoryboardStore;
  assets: AssetStore;
  locks: LockStore;
  /** Flips the open connections of a document on this instance when its lock changes. */
  liveLocks: LiveLockAccess;
  versions: VersionStore;
  branches: BranchStore;
  /** The render index: shot renders and episode animatics (issue 5). */
  renders: RenderStore;
  /** Render artifacts (clips, stills, animatics, exports); a local folder today. */
  artifacts: ArtifactStore;
  /** Where render jobs go: BullMQ with Redis, the in-process queue without (or a test's own queue). */
  renderQueue: RenderQueue;
  /** Queues renders for locked shots that need one; call after any lock change. */
  reconciler: RenderReconciler;
  /** Closes a member's open connections to a project's documents so they re-authenticate. */
  disconnectMember(projectId: string, userId: string): void;
  /** Closes every open connection to documents whose name starts with `prefix` (a deleted branch); returns how many. */
  closeDocuments(prefix: string): number;
  /** The current content of a document: the live copy when loaded here, else storage (state + log). */
  readDocument(name: string): Promise<Y.Doc | undefined>;
  /**
   * The live copy of a document (loaded into Hocuspocus if it was not), for a change made by the server:
   * connected clients receive it at once and persistence appends it like any other change.
   */
  openLiveDocument(name: string): Promise<LiveDocument>;
}

export interface LiveDocument {
  readonly doc: Y.Doc;
  transact(change: (doc: Y.Doc) => void): Promise<void>;
  /** Stores the document and releases it (unloaded when nobody else has it open). */
  close(): Promise<void>;
}
