/**
 * Builds the whole server on one port: the built client, the REST API under /api, the Hocuspocus
 * WebSocket at /collab, /healthz and /readyz, and (RENDER_WORKERS=inline) the render worker in-process.
 * Used by main.ts and by the integration tests (port 0).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { Hocuspocus } from "@hocuspocus/server";
import * as Y from "yjs";
import { authRoutes } from "./api/auth.js";
import { episodeRoutes } from "./api/episodes.js";
import { assetRoutes } from "./api/assets.js";
import { memberRoutes } from "./api/members.js";
import { projectRoutes } from "./api/projects.js";
import { sceneRoutes } from "./api/scenes.js";
import { shotRoutes } from "./api/shots.js";
import { lockRoutes } from "./api/locks.js";
import { versionRoutes } from "./api/versions.js";
import { branchRoutes } from "./api/branches.js";
import { artifactRoutes } from "./api/artifacts.js";
import { renderRoutes } from "./api/renders.js";
import { createRenderQueue, startRenderWorker, type RenderQueue, type RenderWorkerHandle } from "@aiuteur/render-worker";
import { LocalArtifactStore } from "./render/artifactStore.js";
import { RenderReconciler } from "./render/reconciler.js";
import { RenderStore } from "./store/renders.js";
import { resolveJwtSecret } from "./auth/secret.js";
import { createTokenService } from "./auth/tokens.js";
import { createCollabServer } from "./collab/hocuspocus.js";
import { localControlChannel, redisControlChannel, type ControlCommand } from "./collab/controlChannel.js";
import { disconnectDocuments, disconnectMember } from "./collab/revoke.js";
import { attachCollab } from "./collab/websocket.js";
import type { ServerConfig } from "./config.js";
import { openDatabase } from "./db/open.js";
import { createRequestHandler } from "./http/handler.js";
import { Router } from "./http/router.js";
import { createLogger, type Logger } from "./logger.js";
import type { Services } from "./services.js";
import { AssetStore } from "./store/assets.js";
import { BranchStore } from "./store/branches.js";
import { purgeExpiredVersions } from "./store/namespaces.js";
import { LockStore } from "./store/locks.js";
import { LiveLockAccess } from "./locks/liveAccess.js";
import { VersionStore } from "./store/versions.js";
import { DocumentStore } from "./store/documents.js";
import { EpisodeStore } from "./store/episodes.js";
import { ProjectStore } from "./store/projects.js";
import { StoryboardStore } from "./store/storyboards.js";
import { UserStore } from "./store/users.js";

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly httpServer: Server;
  readonly services: Services;
  readonly hocuspocus: Hocuspocus;
  /** Stops accepting connections, stores every loaded document, closes storage. */
  close(): Promise<void>;
}

/** What a test may supply instead of what the configuration would build. */
export interface ServerOverrides {
  /** A queue that records jobs, for tests of the producer side. */
  renderQueue?: RenderQueue;
}

export async function startServer(
  config: ServerConfig,
  log: Logger = createLogger(config.logLevel),
  overrides: ServerOverrides = {},
): Promise<RunningServer> {
  const db = await openDatabase(
    { databaseUrl: config.databaseUrl, dataDir: config.dataDir },
    (error) => log.error("database.connection-error", { error }),
  );
  // Versions of deleted branches are kept for a while; the ones whose time is up go now.
  await purgeExpiredVersions(db);
  const documents = new DocumentStore(db);
  let collab: Hocuspocus | null = null;
  const secret = resolveJwtSecret(config.jwtSecret, config.dataDir);
  const renderQueue = overrides.renderQueue ?? (await createRenderQueue({ redisUrl: config.redisUrl }));
  let reconciler: RenderReconciler | null = null;
  // Role changes and deleted branches close connections on every instance, not only this one.
  const applyControl = (command: ControlCommand): number => {
    if (!collab) return 0;
    return command.kind === "disconnect-member"
      ? disconnectMember(collab, command.projectId, command.userId)
      : disconnectDocuments(collab, command.prefix);
  };
  const control = config.redisUrl ? await redisControlChannel(config.redisUrl, applyControl, log) : localControlChannel();
  const services: Services = {
    config,
    db,
    log,
    tokens: createTokenService(secret, config.tokenTtlSeconds),
    users: new UserStore(db),
    projects: new ProjectStore(db),
    episodes: new EpisodeStore(db),
    documents,
    storyboards: new StoryboardStore(db, documents),
    assets: new AssetStore(db),
    locks: new LockStore(db),
    liveLocks: new LiveLockAccess(),
    versions: new VersionStore(db),
    branches: new BranchStore(db),
    renders: new RenderStore(db),
    artifacts: new LocalArtifactStore(config.artifactDir),
    renderQueue,
    get reconciler() {
      if (!reconciler) throw new Error("The render reconciler is not built yet");
      return reconciler;
    },
    disconnectMember(projectId, userId) {
      const command: ControlCommand = { kind: "disconnect-member", projectId, userId };
      control.publish(command);
      applyControl(command);
    },
    closeDocuments(prefix) {
      const command: ControlCommand = { kind: "close-documents", prefix };
      control.publish(command);
      return applyControl(command);
    },
    async readDocument(name) {
      const live = collab?.documents.get(name);
      if (live) return live;
      const stored = await documents.load(name);
      if (!stored) return undefined;
      const doc = new Y.Doc();
      if (stored.state) Y.applyUpdate(doc, stored.state);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
      return doc;
    },
    async openLiveDocument(name) {
      if (!collab) throw new Error("The collaboration server is not running");
      const connection = await collab.openDirectConnection(name, { userId: "server" });
      const doc = connection.document;
      if (!doc) throw new Error(`Document ${name} could not be opened`);
      return {
        doc,
        transact: (change) => connection.transact((document) => change(document)),
        close: () => connection.disconnect(),
      };
    },
  };
  reconciler = new RenderReconciler(services);
  collab = await createCollabServer(services);

  const router = new Router();
  authRoutes(router, services);
  projectRoutes(router, services);
  memberRoutes(router, services);
  episodeRoutes(router, services);
  sceneRoutes(router, services);
  shotRoutes(router, services);
  assetRoutes(router, services);
  lockRoutes(router, services);
  versionRoutes(router, services);
  branchRoutes(router, services);
  artifactRoutes(router, services);
  renderRoutes(router, services);

  const httpServer = createServer(
    createRequestHandler({ router, log, clientDir: config.clientDir, ready: () => db.ping() }),
  );
  const wss = attachCollab(httpServer, collab, log, config);
  // Every socket, upgraded or not, so close() can end them all: a client reconnecting while the server
  // stops can be mid-upgrade (in no WebSocket list yet), and httpServer.close() waits for every socket.
  const sockets = new Set<Socket>();
  httpServer.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  const hocuspocus = collab;

  // The in-process worker is a client of this server like any other: it starts once the server listens.
  let worker: RenderWorkerHandle | null = null;
  if (config.renderWorkers === "inline") {
    const workerHost = config.host === "0.0.0.0" || config.host === "::" ? "127.0.0.1" : config.host;
    const renderLog = log.child({ component: "render-worker" });
    worker = await startRenderWorker({
      serverUrl: `http://${workerHost.includes(":") ? `[${workerHost}]` : workerHost}:${port}`,
      secret,
      redisUrl: config.redisUrl,
      queue: renderQueue,
      workDir: config.renderWorkDir,
      log: (level, message, fields) => renderLog[level](message, fields),
    });
  }
  // Renders lost while nothing ran (a restart, a flushed Redis) are queued again.
  services.reconciler.schedule();

  return {
    url,
    port,
    httpServer,
    services,
    hocuspocus,
    async close() {
      // The worker writes through this server: it stops (handing running jobs back) while the server is up.
      await worker?.close().catch((error: unknown) => log.error("render.worker-close-failed", { error }));
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      for (const client of wss.clients) client.terminate();
      for (const socket of sockets) socket.destroy();
      await closed;
      hocuspocus.closeConnections();
      hocuspocus.flushPendingStores();
      await waitForStores(hocuspocus);
      // Extensions stop their timers (scheduled lock checks) so none runs against a closed database.
      await hocuspocus.hooks("onDestroy", { instance: hocuspocus });
      // Compact every document still loaded so a clean shutdown leaves no log tail behind.
      await Promise.allSettled(
        [...hocuspocus.documents.values()].map((doc) => documents.compact(doc.name, doc, -1)),
      );
      await services.reconciler.idle();
      await renderQueue.close().catch((error: unknown) => log.error("render.queue-close-failed", { error }));
      await control.close();
      await db.close();
    },
  };
}

/** Waits (a few seconds at most) for Hocuspocus's scheduled and running stores to finish. */
async function waitForStores(hocuspocus: Hocuspocus): Promise<void> {
  const busy = () =>
    [...hocuspocus.documents.keys()].some((name) => {
      const id = `onStoreDocument-${name}`;
      return hocuspocus.debouncer.isDebounced(id) || hocuspocus.debouncer.isCurrentlyExecuting(id);
    });
  const deadline = Date.now() + 5000;
  while (busy() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}
