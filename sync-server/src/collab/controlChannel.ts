/**
 * Connection control across sync-server instances. A member's role change or removal, and a deleted
 * branch, must close the affected connections on every instance, not only the one that served the
 * request: each instance publishes the command on a Redis channel and applies what the others publish.
 * Without Redis there is one instance and commands apply locally only.
 */
import { randomUUID } from "node:crypto";
import type { Logger } from "../logger.js";

export type ControlCommand =
  | { kind: "disconnect-member"; projectId: string; userId: string }
  | { kind: "close-documents"; prefix: string };

export interface ControlChannel {
  /** Sends the command to the other instances (the caller applies it here itself). */
  publish(command: ControlCommand): void;
  close(): Promise<void>;
}

const CHANNEL = "aiuteur:collab-control";

/** The sending instance and its command; null for anything that is not a well-formed command. */
function parseMessage(raw: string): { from: unknown; command: ControlCommand } | null {
  try {
    const value = JSON.parse(raw) as Partial<ControlCommand> & { from?: unknown };
    if (value.kind === "disconnect-member" && typeof value.projectId === "string" && typeof value.userId === "string") {
      return { from: value.from, command: { kind: value.kind, projectId: value.projectId, userId: value.userId } };
    }
    if (value.kind === "close-documents" && typeof value.prefix === "string" && value.prefix.startsWith("p/")) {
      return { from: value.from, command: { kind: value.kind, prefix: value.prefix } };
    }
  } catch {
    // Not JSON: reported below like any other unknown message.
  }
  return null;
}

export function localControlChannel(): ControlChannel {
  return { publish: () => undefined, close: async () => undefined };
}

/** ioredis is loaded here, only when Redis is configured. */
export async function redisControlChannel(redisUrl: string, apply: (command: ControlCommand) => void, log: Logger): Promise<ControlChannel> {
  const { Redis } = await import("ioredis");
  const instance = randomUUID();
  const options = { maxRetriesPerRequest: null, lazyConnect: false } as const;
  const publisher = new Redis(redisUrl, options);
  const subscriber = new Redis(redisUrl, options);
  for (const client of [publisher, subscriber]) client.on("error", (error) => log.debug("control.redis-error", { error }));
  subscriber.subscribe(CHANNEL).catch((error: unknown) => log.error("control.subscribe-failed", { error }));
  subscriber.on("message", (channel: string, raw: string) => {
    if (channel !== CHANNEL) return;
    const message = parseMessage(raw);
    if (message === null) log.warn("control.unknown-command", { bytes: raw.length });
    else if (message.from !== instance) apply(message.command);
  });
  return {
    publish(command) {
      publisher.publish(CHANNEL, JSON.stringify({ ...command, from: instance })).catch((error: unknown) =>
        log.error("control.publish-failed", { kind: command.kind, error }),
      );
    },
    async close() {
      subscriber.disconnect();
      publisher.disconnect();
    },
  };
}
