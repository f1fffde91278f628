/**
 * Configuration from the environment, validated once at start-up. Every problem is listed at once, so a
 * misconfigured deployment is fixed in one pass rather than one error per restart.
 */
import { resolve } from "node:path";
import { LIMITS } from "@aiuteur/shared";
import type { LogLevel } from "./logger.js";

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  redisUrl: string | null;
  /** Given explicitly; when null a secret is generated once and kept in dataDir. */
  jwtSecret: string | null;
  tokenTtlSeconds: number;
  logLevel: LogLevel;
  /** Folder of the built client to serve; null serves the API only. */
  clientDir: string | null;
  /** How long an idle document's update log may grow before it is compacted into its state (ms). */
  compactionDelayMs: number;
  /** Most simultaneous connections to one document; one more is refused. */
  maxConnectionsPerDocument: number;
  /** Most document connections one account holds at once; one more is refused (4430). */
  maxConnectionsPerUser: number;
  /** Largest single WebSocket message; a larger one closes its socket with 4413. */
  maxMessageBytes: number;
  /** Awareness messages a socket may send per second after a burst of awarenessBurst (4420 when flooding). */
  awarenessMessagesPerSecond: number;
  awarenessBurst: number;
  /** Presence messages relayed per account (all its sockets) per second after a burst of awarenessAccountBurst; beyond: dropped. */
  awarenessAccountMessagesPerSecond: number;
  awarenessAccountBurst: number;
  /** Largest a document (stored state plus update log) may grow; an update beyond it closes with 4414. */
  maxDocumentBytes: number;
  /** A document being edited gets an "auto" version at most this often (ms). */
  autoVersionIntervalMs: number;
  /**
   * Where render jobs run: "inline" in this process (the default without Redis), or "none" (the default
   * with Redis: run `node render-worker/dist/main.js` processes; also what tests use unless they ask).
   */
  renderWorkers: "inline" | "none";
  /** Render artifacts; default <dataDir>/artifacts. */
  artifactDir: string;
  /** The in-process render worker's scratch folder; default <dataDir>/render-work. */
  renderWorkDir: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join("\n  - ")}`);
    this.name = "ConfigError";
  }
}

const LOG_LEVELS: readonly LogLevel[] = ["debug", "info", "warn", "error"];

export function loadConfig(env: NodeJS.ProcessEnv, defaults: { clientDir: string | null }): ServerConfig {
  const problems: string[] = [];

  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };

  const url = (name: string, protocols: string[]): string | null => {
    const raw = env[name];
    if (raw === undefined || raw === "") return null;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) {
        problems.push(`${name} must start with ${protocols.map((p) => `${p}//`).join(" or ")} (got "${parsed.protocol}//…")`);
      }
    } catch {
      problems.push(`${name} is not a valid URL`);
    }
    return raw;
  };

  const logLevel = (env.LOG_LEVEL ?? "info") as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}`);

  const jwtSecret = env.JWT_SECRET && env.JWT_SECRET !== "" ? env.JWT_SECRET : null;
  if (jwtSecret !== null && jwtSecret.length < 32) problems.push("JWT_SECRET must be at least 32 characters long");

  const renderWorkers = env.RENDER_WORKERS && env.RENDER_WORKERS !== "" ? env.RENDER_WORKERS : null;
  if (renderWorkers !== null && renderWorkers !== "inline" && renderWorkers !== "none") {
    problems.push(`RENDER_WORKERS must be inline or none (got "${renderWorkers}")`);
  }
  const dataDir = resolve(env.DATA_DIR && env.DATA_DIR !== "" ? env.DATA_DIR : "data");
  const hasRedis = env.REDIS_URL !== undefined && env.REDIS_URL !== "";

  const config: ServerConfig = {
    port: integer("PORT", 4700, 0, 65535),
    host: env.HOST && env.HOST !== "" ? env.HOST : "127.0.0.1",
    dataDir,
    databaseUrl: url("DATABASE_URL", ["postgres:", "postgresql:"]),
    redisUrl: url("REDIS_URL", ["redis:", "rediss:"]),
    jwtSecret,
    tokenTtlSeconds: integer("TOKEN_TTL_SECONDS", 7 * 24 * 3600, 60, 365 * 24 * 3600),
    logLevel,
    clientDir: env.CLIENT_DIR === "" ? null : env.CLIENT_DIR ? resolve(env.CLIENT_DIR) : defaults.clientDir,
    compactionDelayMs: integer("COMPACTION_DELAY_MS", 2000, 10, 600_000),
    maxConnectionsPerDocument: integer("MAX_CONNECTIONS_PER_DOCUMENT", LIMITS.maxConnectionsPerDocument, 1, 100_000),
    maxDocumentBytes: integer("MAX_DOCUMENT_BYTES", LIMITS.maxDocumentBytes, 1024, 1024 * 1024 * 1024),
    maxConnectionsPerUser: integer("MAX_CONNECTIONS_PER_USER", LIMITS.maxConnectionsPerUser, 1, 1_000_000),
    // ws holds a whole message in memory before it is checked: keep the ceiling well below the heap.
    maxMessageBytes: integer("MAX_MESSAGE_BYTES", LIMITS.maxMessageBytes, 1024, 256 * 1024 * 1024),
    awarenessMessagesPerSecond: integer("AWARENESS_MESSAGES_PER_SECOND", LIMITS.awarenessMessagesPerSecond, 1, 1_000_000),
    awarenessBurst: integer("AWARENESS_BURST", LIMITS.awarenessBurst, 1, 1_000_000),
    awarenessAccountMessagesPerSecond: integer(
      "AWARENESS_ACCOUNT_MESSAGES_PER_SECOND",
      LIMITS.awarenessAccountMessagesPerSecond,
      1,
      1_000_000,
    ),
    awarenessAccountBurst: integer("AWARENESS_ACCOUNT_BURST", LIMITS.awarenessAccountBurst, 1, 1_000_000),
    autoVersionIntervalMs: integer("AUTO_VERSION_INTERVAL_MS", 10 * 60_000, 10, 7 * 24 * 3600_000),
    renderWorkers: renderWorkers === "inline" || renderWorkers === "none" ? renderWorkers : hasRedis ? "none" : "inline",
    artifactDir: resolve(env.ARTIFACT_DIR && env.ARTIFACT_DIR !== "" ? env.ARTIFACT_DIR : resolve(dataDir, "artifacts")),
    renderWorkDir: resolve(env.RENDER_WORK_DIR && env.RENDER_WORK_DIR !== "" ? env.RENDER_WORK_DIR : resolve(dataDir, "render-work")),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
