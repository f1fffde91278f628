/**
 * Bench servers: each kind runs in its OWN child process on 127.0.0.1 (port 0), so its CPU and RSS can be
 * sampled apart from the load generator.
 *
 * Usage:
 *   const server = await startBenchServer("hocuspocus");          // or "aiuteur", "aiuteur-nolog", "y-websocket", "socketio"
 *   const docs = await server.documents(50);                       // 50 documents, each { kind, url, name, token }
 *   const before = sampleProcess(server.pid);                      // { cpuMs, rssBytes } of the server alone
 *   ... run load against docs (see ../load/index.ts: runLoad) ...
 *   await server.stop();                                           // stops the process, removes its temp dir
 *
 * options.env is merged over the defaults (e.g. { DATABASE_URL: "postgresql://…" } for aiuteur on
 * PostgreSQL); options.dataDir is used instead of a fresh temp folder (and then not removed).
 * Aiuteur documents are script documents of new episodes, owned by one bench user; every client of a
 * server uses that user's token (MAX_CONNECTIONS_PER_USER and MAX_CONNECTIONS_PER_DOCUMENT are raised).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PROTOCOL_VERSION } from "@aiuteur/shared";
import { ApiClient } from "../../test/helpers/api.js";
import { compileEntry } from "./compile.js";
import { spawnServer, type SpawnedServer } from "./process.js";

export { sampleProcess, type ProcessSample } from "./process.js";

export type ServerKind = "aiuteur" | "aiuteur-nolog" | "hocuspocus" | "y-websocket" | "socketio";
export const SERVER_KINDS: readonly ServerKind[] = ["aiuteur", "aiuteur-nolog", "hocuspocus", "y-websocket", "socketio"];

export interface BenchDocument {
  kind: ServerKind;
  /** What the client connects to: a ws:// URL (Hocuspocus, y-websocket) or the http:// origin (socket.io). */
  url: string;
  name: string;
  /** The bearer token for Aiuteur; null for the peers, which run without authentication. */
  token: string | null;
}

export interface BenchServer {
  kind: ServerKind;
  /** The server's own process, for CPU/RSS sampling. */
  pid: number;
  port: number;
  /** Prepare n documents and return what a client needs for each (name + auth). */
  documents(n: number): Promise<BenchDocument[]>;
  stop(): Promise<void>;
}

/** The same document on another (restarted) server of the same storage: its URL carries that server's port. */
export function onServer(server: BenchServer, target: BenchDocument): BenchDocument {
  return { ...target, url: target.url.replace(/:\d+/, `:${server.port}`) };
}

export interface BenchServerOptions {
  env?: Record<string, string>;
  dataDir?: string;
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const PRODUCT_MAIN = here("../../dist/main.js");
const ENTRIES: Record<Exclude<ServerKind, "aiuteur">, string> = {
  "aiuteur-nolog": here("./aiuteurNoLog.ts"),
  hocuspocus: here("./entries/hocuspocus.ts"),
  "y-websocket": here("./entries/yWebsocket.ts"),
  socketio: here("./entries/socketio.ts"),
};

/** The product's environment for a bench: SQLite in the data dir, no client, no render worker, quiet logs. */
function aiuteurEnv(dataDir: string): Record<string, string> {
  return {
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    DATABASE_URL: "",
    CLIENT_DIR: "",
    RENDER_WORKERS: "none",
    LOG_LEVEL: "warn",
    MAX_CONNECTIONS_PER_DOCUMENT: "100000",
    MAX_CONNECTIONS_PER_USER: "100000",
  };
}

export async function startBenchServer(kind: ServerKind, options: BenchServerOptions = {}): Promise<BenchServer> {
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), `aiuteur-bench-${kind}-`));
  const isProduct = kind === "aiuteur" || kind === "aiuteur-nolog";
  const env = { ...(isProduct ? aiuteurEnv(dataDir) : { BENCH_DATA_DIR: dataDir }), ...options.env };
  let spawned: SpawnedServer;
  try {
    // One `node <file>` process per server, so its pid is the server's own.
    const file = kind === "aiuteur" ? PRODUCT_MAIN : await compileEntry(ENTRIES[kind]);
    spawned = await spawnServer([file], env, here("../.."));
  } catch (error) {
    if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const origin = `http://127.0.0.1:${spawned.port}`;
  const documents = isProduct ? aiuteurDocuments(kind, origin) : peerDocuments(kind, origin);
  return {
    kind,
    pid: spawned.child.pid!,
    port: spawned.port,
    documents,
    async stop() {
      await spawned.stop();
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function peerDocuments(kind: ServerKind, origin: string): (n: number) => Promise<BenchDocument[]> {
  let made = 0;
  const url = kind === "socketio" ? origin : origin.replace(/^http/, "ws");
  return async (n) =>
    Array.from({ length: n }, () => ({ kind, url, name: `bench-${made++}`, token: null }));
}

/** Signs one bench user up (once per server), then makes a project with n episodes and returns their scripts. */
function aiuteurDocuments(kind: ServerKind, origin: string): (n: number) => Promise<BenchDocument[]> {
  const api = new ApiClient(origin);
  let signedUp: Promise<unknown> | null = null;
  let projects = 0;
  const url = `${origin.replace(/^http/, "ws")}/collab?protocol=${PROTOCOL_VERSION}`;
  return async (n) => {
    signedUp ??= api.signup(`bench-${Date.now().toString(36)}@example.test`, "Bench");
    await signedUp;
    const project = await api.createProject(`Bench ${++projects}`);
    const names: string[] = new Array(n);
    let next = 0;
    // A few requests at a time: enough to be quick for hundreds of documents without flooding the server.
    const worker = async () => {
      while (next < n) {
        const index = next++;
        const episode = await api.createEpisode(project.id, `Episode ${index + 1}`);
        names[index] = episode.documents.script;
      }
    };
    await Promise.all(Array.from({ length: Math.min(8, n) }, worker));
    return names.map((name) => ({ kind, url, name, token: api.token }));
  };
}
