/**
 * The Redis relay between sync-server instances (the Hocuspocus Redis extension), loaded only when Redis is
 * configured, and its resync.
 *
 * After a Redis outage, instances exchange what they missed. While Redis is down, an update made on one
 * instance is stored but its relay to the other instances is lost, so clients connected elsewhere would
 * see it only after reconnecting. When the relay's subscriber connection is ready again, every document
 * loaded here is announced once more as on load (the Redis extension's afterLoadDocument: subscribe, send
 * our state vector, ask for presence); each peer answers with what we lack and with its own state vector,
 * to which we answer with what it lacks.
 */
import type { Document, Extension, Hocuspocus } from "@hocuspocus/server";
import type { Redis as RedisRelay } from "@hocuspocus/extension-redis";
import type { Redis as RedisClient } from "ioredis";
import type { Logger } from "../logger.js";

/**
 * The Hocuspocus Redis extension for a scaled-out server, with the resync below. Its modules (ioredis,
 * the extension, Redlock: tens of MiB resident) are loaded here, only when REDIS_URL is set.
 */
export async function createRedisRelay(url: string, instance: () => Hocuspocus | null, log: Logger): Promise<Extension> {
  const [{ Redis: Relay }, { Redis: Client }] = await Promise.all([import("@hocuspocus/extension-redis"), import("ioredis")]);
  // The extension creates its publisher, then its subscriber.
  const clients: RedisClient[] = [];
  const relay = new Relay({
    createClient: () => {
      const client = new Client(url, { maxRetriesPerRequest: null, lazyConnect: false });
      clients.push(client);
      return client;
    },
  });
  resyncAfterRedisReturns(relay, clients[1]!, instance, log);
  return relay;
}

/** Let ioredis restore the relay's subscriptions (it does so on "ready") before peers' answers arrive. */
const SETTLE_MS = 250;

export function resyncAfterRedisReturns(relay: RedisRelay, subscriber: RedisClient, instance: () => Hocuspocus | null, log: Logger): void {
  let connectedBefore = false;
  subscriber.on("ready", () => {
    if (!connectedBefore) {
      connectedBefore = true;
      return;
    }
    setTimeout(() => {
      const hocuspocus = instance();
      if (!hocuspocus) return;
      const documents = [...hocuspocus.documents.entries()];
      log.info("relay.resync", { documents: documents.length });
      for (const [documentName, document] of documents) {
        announce(relay, documentName, document).catch((error: unknown) => log.warn("relay.resync-failed", { documentName, error }));
      }
    }, SETTLE_MS).unref();
  });
}

function announce(relay: RedisRelay, documentName: string, document: Document): Promise<unknown> {
  // Only the fields afterLoadDocument reads; the rest of a hook payload is not used by it.
  return relay.afterLoadDocument({ documentName, document } as Parameters<RedisRelay["afterLoadDocument"]>[0]);
}
