/**
 * Set-ups several test files share: real servers for one describe block (started before its tests, stopped
 * after them, with whatever the tests opened on them), and the smallest team that shows a difference
 * between roles.
 */
import { afterAll, beforeAll } from "vitest";
import type { ProjectInfo } from "@aiuteur/shared";
import { ApiClient, uniqueEmail } from "./api.js";
import { connect, type CollabClient } from "./collab.js";
import { startTestServer, type TestServer } from "./server.js";
import { createStorage, TEST_REDIS_URL, type Dialect } from "./storage.js";
import { createTeam, type Team } from "./team.js";

/** Starts something before the enclosing describe block's tests and stops it after them. */
function forSuite<T>(start: () => Promise<T>, stop: (started: T) => Promise<void>): () => T {
  let started: T | undefined;
  beforeAll(async () => {
    started = await start();
  });
  afterAll(async () => {
    if (started) await stop(started);
  });
  return () => {
    if (!started) throw new Error("This is set up in beforeAll: use it inside a test");
    return started;
  };
}

/** A view of what `get` returns once it is set up, which a describe block can hold before beforeAll runs. */
function lazyFields<T extends object>(get: () => T): T {
  return new Proxy({} as T, { get: (_target, key) => get()[key as keyof T] });
}

export interface ServerFixture {
  readonly server: TestServer;
  /** Opens a real provider; destroyed when the block ends. */
  connect(name: string, token: string): CollabClient;
}

export function serverForSuite(dialect: Dialect = "sqlite"): ServerFixture {
  const clients: CollabClient[] = [];
  const get = forSuite(
    () => startTestServer(dialect),
    async (server) => {
      for (const client of clients.splice(0)) client.destroy();
      await server.stop();
    },
  );
  return {
    get server() {
      return get();
    },
    connect(name, token) {
      const client = connect(get().url, name, token);
      clients.push(client);
      return client;
    },
  };
}

export interface TeamFixture {
  readonly server: TestServer;
  /** One member per role and one episode written from the fountain given. */
  readonly team: Team;
}

export function teamForSuite(dialect: Dialect, fountain: string): TeamFixture {
  const get = forSuite(
    async () => {
      const server = await startTestServer(dialect);
      return { server, team: await createTeam(server, fountain) };
    },
    async ({ server, team }) => {
      team.close();
      await server.stop();
    },
  );
  return lazyFields(get);
}

export interface ScaledOutFixture extends TeamFixture {
  /** A second instance on the same PostgreSQL schema and Redis; `server` is the first (the team's). */
  readonly other: TestServer;
}

/** Two instances sharing PostgreSQL and Redis, as behind a load balancer. */
export function scaledOutTeamForSuite(fountain: string): ScaledOutFixture {
  const get = forSuite(
    async () => {
      const storage = await createStorage("postgres");
      const server = await startTestServer("postgres", { storage, redisUrl: TEST_REDIS_URL });
      const other = await startTestServer("postgres", { storage, redisUrl: TEST_REDIS_URL });
      return { storage, server, other, team: await createTeam(server, fountain) };
    },
    async ({ storage, server, other, team }) => {
      team.close();
      await server.stop();
      await other.stop();
      await storage.cleanup();
    },
  );
  return lazyFields(get);
}

export interface OwnerAndWriter {
  owner: ApiClient;
  writer: ApiClient;
  writerId: string;
  project: ProjectInfo;
}

/** A new project whose owner has added one writer, both signed in. */
export async function ownerAndWriter(server: TestServer, title: string): Promise<OwnerAndWriter> {
  const owner = new ApiClient(server.url);
  await owner.signup(uniqueEmail("owner"));
  const project = await owner.createProject(title);
  const writerEmail = uniqueEmail("writer");
  const writer = new ApiClient(server.url);
  const { user } = await writer.signup(writerEmail);
  await owner.addMember(project.id, writerEmail, "writer");
  return { owner, writer, writerId: user.id, project };
}
