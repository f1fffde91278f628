/**
 * The collaboration server, composed from one extension per concern. Order matters: the Redis relay (when
 * scaled out) sees every hook first; limits and authorization run before a document is loaded; persistence
 * loads, appends and compacts;
 * storyboard registration follows the scenes of live scripts; locks flip connections when a lock changes and
 * invalidate locked shots of scenes edited in an unlocked script; versioning records periodic autosaves;
 * render writes keep render state to the render worker (before persistence, so refused updates are not
 * stored) and the render index copies what it writes into the renders table.
 */
import { Hocuspocus, type Extension } from "@hocuspocus/server";
import type { Services } from "../services.js";
import { activity } from "./extensions/activity.js";
import { authorization } from "./extensions/authorization.js";
import { limits } from "./extensions/limits.js";
import { UserConnectionLimit } from "./userConnections.js";
import { locks } from "./extensions/locks.js";
import { persistence } from "./extensions/persistence.js";
import { createRedisRelay } from "./redisRelay.js";
import { renderIndex } from "./extensions/renderIndex.js";
import { renderWrites } from "./extensions/renderWrites.js";
import { storyboardRegistration } from "./extensions/storyboardRegistration.js";
import { versioning } from "./extensions/versioning.js";

export async function createCollabServer(services: Services): Promise<Hocuspocus> {
  const extensions: Extension[] = [];
  let hocuspocus: Hocuspocus | null = null;
  if (services.config.redisUrl) {
    extensions.push(await createRedisRelay(services.config.redisUrl, () => hocuspocus, services.log.child({ component: "relay" })));
  }
  extensions.push(
    limits(services.log, services.config.maxConnectionsPerDocument),
    authorization(services, new UserConnectionLimit(services.config.maxConnectionsPerUser)),
    // Before persistence: a refused render write must not be stored.
    renderWrites(services),
    persistence(services),
    storyboardRegistration(services),
    locks(services),
    versioning(services),
    renderIndex(services),
    activity(services.log),
  );
  hocuspocus = new Hocuspocus({
    name: "aiuteur",
    extensions,
    debounce: services.config.compactionDelayMs,
    maxDebounce: services.config.compactionDelayMs * 5,
    quiet: true,
  });
  return hocuspocus;
}
