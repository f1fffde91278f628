/**
 * The connection's scope, corrected for locks. The server makes a connection read-only while its document
 * is locked and writable again on unlock (before it writes the "unlocked" mirror), but it tells the client
 * its scope only when the connection authenticates. So a page that opened a locked document keeps a
 * "readonly" scope after the unlock; once this page has seen the lock lifted, that scope is stale and is
 * read as "read-write" (the role still decides what the person may do).
 */
import { useRef } from "react";
import type { AuthorizedScope } from "@hocuspocus/provider";
import type { LockMirror } from "@aiuteur/shared";
import type { ConnectionState } from "../app/hooks/useConnection";
import { isLocked } from "./lockText";

export function useLockAwareScope(scope: AuthorizedScope | null, mirror: LockMirror): AuthorizedScope | null {
  const locked = isLocked(mirror);
  // Whether the document was locked at some point while this read-only scope has been in force.
  const lockedDuringScope = useRef(false);
  if (scope !== "readonly") lockedDuringScope.current = false;
  else if (locked) lockedDuringScope.current = true;
  return scope === "readonly" && lockedDuringScope.current && !locked ? "read-write" : scope;
}

export function useLockAwareConnection(connection: ConnectionState, mirror: LockMirror): ConnectionState {
  const scope = useLockAwareScope(connection.scope, mirror);
  return scope === connection.scope ? connection : { ...connection, scope };
}
