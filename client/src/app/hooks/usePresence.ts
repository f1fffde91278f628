/**
 * Who is here: the awareness states of everyone connected to the document, one entry per person (a
 * writer with two tabs open is one person), the local user first.
 */
import { useEffect, useState } from "react";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { PRESENCE_FIELD } from "./useCollabDocument";

export interface PresentUser {
  key: string;
  name: string;
  color: string;
  isSelf: boolean;
}

/** Awareness comes from peers: repair it at the boundary, accepting only the fields we render. */
function readPresence(state: Record<string, unknown>): { id?: string; name: string; color: string } | null {
  const raw = (state[PRESENCE_FIELD] ?? state.user) as Record<string, unknown> | undefined;
  if (typeof raw !== "object" || raw === null) return null;
  const name = typeof raw.name === "string" ? raw.name.slice(0, 80) : "";
  const color = typeof raw.color === "string" && /^#[0-9a-fA-F]{3,8}$/.test(raw.color) ? raw.color : "#868e96";
  if (name === "") return null;
  return typeof raw.id === "string" ? { id: raw.id, name, color } : { name, color };
}

export function presentUsers(
  states: Map<number, Record<string, unknown>>,
  selfClientId: number,
): PresentUser[] {
  const byKey = new Map<string, PresentUser>();
  const selfState = states.get(selfClientId);
  const selfId = selfState ? readPresence(selfState)?.id : undefined;
  for (const [clientId, state] of states) {
    const presence = readPresence(state);
    if (presence === null) continue;
    const key = presence.id ?? `client:${clientId}`;
    const isSelf = clientId === selfClientId || (selfId !== undefined && presence.id === selfId);
    const existing = byKey.get(key);
    byKey.set(key, { key, name: presence.name, color: presence.color, isSelf: isSelf || (existing?.isSelf ?? false) });
  }
  return [...byKey.values()].sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name));
}

export function usePresence(provider: HocuspocusProvider | null): PresentUser[] {
  const [users, setUsers] = useState<PresentUser[]>([]);

  useEffect(() => {
    const awareness = provider?.awareness ?? null;
    if (provider === null || awareness === null) {
      setUsers([]);
      return;
    }
    const update = () => setUsers(presentUsers(awareness.getStates(), provider.document.clientID));
    update();
    awareness.on("change", update);
    return () => awareness.off("change", update);
  }, [provider]);

  return users;
}
