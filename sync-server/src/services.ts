/** Everything a request handler or Hocuspocus extension needs, built once at start-up. */
import type * as Y from "yjs";
import type { ServerConfig } from "./config.js";
import type { Database } from "./db/database.js";
import type { Logger } from "./logger.js";
import type { TokenService } from "./auth/tokens.js";
import type { DocumentStore } from "./store/documents.js";
import type { EpisodeStore } from "./store/episodes.js";
import type { ProjectStore } from "./store/projects.js";
import type { UserStore } from "./store/users.js";

export interface Services {
  config: ServerConfig;
  db: Database;
  log: Logger;
  tokens: TokenService;
  users: UserStore;
  projects: ProjectStore;
  episodes: EpisodeStore;
  documents: DocumentStore;
  /** Closes a member's open connections to a project's documents so they re-authenticate. */
  disconnectMember(projectId: string, userId: string): void;
  /** The current content of a document: the live copy when loaded here, else storage (state + log). */
  readDocument(name: string): Promise<Y.Doc | undefined>;
}
