/**
 * Other people's pointers over the panel, through the NOTES document's awareness (reviewers can connect
 * to it read-write; the shot document is read-only for them, and awareness rides on the same socket).
 * Our pointer is published at most every THROTTLE_MS and cleared when it leaves the panel.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import type { PresenceIdentity } from "../app/hooks/useCollabDocument";

export const POINTER_FIELD = "pointer";
const THROTTLE_MS = 50;

export interface RemotePointer {
  clientId: number;
  x: number;
  y: number;
  name: string;
  color: string;
  tool: string;
}

/** Awareness comes from peers: accept only well-formed pointers. */
export function readPointer(clientId: number, state: Record<string, unknown>): RemotePointer | null {
  const raw = state[POINTER_FIELD] as Record<string, unknown> | null | undefined;
  if (typeof raw !== "object" || raw === null) return null;
  const { x, y, name, color, tool } = raw;
  if (typeof x !== "number" || typeof y !== "number" || !Number.isFinite(x) || !Number.isFinite(y)) return null;
  if (x < -0.1 || x > 1.1 || y < -0.1 || y > 1.1) return null;
  return {
    clientId,
    x,
    y,
    name: typeof name === "string" ? name.slice(0, 80) : "",
    color: typeof color === "string" && /^#[0-9a-fA-F]{3,8}$/.test(color) ? color : "#868e96",
    tool: typeof tool === "string" ? tool.slice(0, 20) : "",
  };
}

export function useLivePointers(provider: HocuspocusProvider | null, identity: PresenceIdentity) {
  const [others, setOthers] = useState<RemotePointer[]>([]);
  const last = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    const awareness = provider?.awareness ?? null;
    if (!provider || !awareness) {
      setOthers([]);
      return;
    }
    const update = () => {
      const list: RemotePointer[] = [];
      for (const [clientId, state] of awareness.getStates()) {
        if (clientId === provider.document.clientID) continue;
        const pointer = readPointer(clientId, state);
        if (pointer) list.push(pointer);
      }
      setOthers(list);
    };
    update();
    awareness.on("change", update);
    return () => {
      awareness.off("change", update);
      provider.setAwarenessField(POINTER_FIELD, null);
    };
  }, [provider]);

  const publish = useCallback(
    (point: { x: number; y: number } | null, tool: string) => {
      if (!provider) return;
      if (pending.current) clearTimeout(pending.current);
      pending.current = null;
      const send = () => {
        last.current = Date.now();
        provider.setAwarenessField(
          POINTER_FIELD,
          point && { x: Math.round(point.x * 1000) / 1000, y: Math.round(point.y * 1000) / 1000, name: identity.name, color: identity.color, tool },
        );
      };
      const wait = THROTTLE_MS - (Date.now() - last.current);
      // Clearing is never delayed: a pointer left hanging over the panel would mislead.
      if (point === null || wait <= 0) send();
      else pending.current = setTimeout(send, wait);
    },
    [provider, identity.name, identity.color],
  );

  useEffect(() => () => {
    if (pending.current) clearTimeout(pending.current);
  }, []);

  return { others, publish };
}
