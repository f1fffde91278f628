/** A project with one member of every role and an episode, on a real test server. */
import type { EpisodeInfo, ProjectInfo, Role } from "@aiuteur/shared";
import { ApiClient, uniqueEmail } from "./api.js";
import { connect, type CollabClient } from "./collab.js";
import type { TestServer } from "./server.js";

export interface Team {
  project: ProjectInfo;
  episode: EpisodeInfo;
  /** The owner plus one member per other role, each signed in. */
  as: Record<Role, ApiClient>;
  userIds: Record<Role, string>;
  stranger: ApiClient;
  /** Opens a real provider as `role`; destroyed by `close`. */
  open(role: Role, name: string): CollabClient;
  close(): void;
}

const OTHER_ROLES = ["director", "writer", "artist", "reviewer", "viewer"] as const;

export async function createTeam(server: TestServer, fountain: string): Promise<Team> {
  const owner = new ApiClient(server.url);
  const ownerAuth = await owner.signup(uniqueEmail("owner"), "Owner");
  const project = await owner.createProject("Storyboards");
  const as = { owner } as Record<Role, ApiClient>;
  const userIds = { owner: ownerAuth.user.id } as Record<Role, string>;
  for (const role of OTHER_ROLES) {
    const email = uniqueEmail(role);
    const client = new ApiClient(server.url);
    userIds[role] = (await client.signup(email, role[0]!.toUpperCase() + role.slice(1))).user.id;
    await owner.addMember(project.id, email, role);
    as[role] = client;
  }
  const stranger = new ApiClient(server.url);
  await stranger.signup(uniqueEmail("stranger"), "Stranger");
  const episode = await owner.createEpisode(project.id, "Episode", fountain);
  const clients: CollabClient[] = [];
  return {
    project,
    episode,
    as,
    userIds,
    stranger,
    open(role, name) {
      const client = connect(server.url, name, as[role].token!);
      clients.push(client);
      return client;
    },
    close() {
      for (const client of clients.splice(0)) client.destroy();
    },
  };
}
