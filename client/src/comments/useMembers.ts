/**
 * The project's members as mention candidates ({id, name}), from the API when online and from a copy in
 * localStorage otherwise, so a reviewer commenting offline can still @mention people.
 */
import { useMemo } from "react";
import type { Author, MemberInfo } from "@aiuteur/shared";
import { api } from "../app/api";
import { useSession } from "../app/auth";
import { useCachedResource, type CacheSlot } from "../app/hooks/useCachedResource";

const PREFIX = "aiuteur:cache:";

function asMembers(value: unknown): MemberInfo[] | null {
  if (!Array.isArray(value)) return null;
  const valid = value.every((m: Partial<MemberInfo> | null) => typeof m?.user?.id === "string" && typeof m.user.displayName === "string");
  return valid ? (value as MemberInfo[]) : null;
}

function slotFor(key: string): CacheSlot<MemberInfo[]> {
  return {
    read: () => {
      try {
        const raw = localStorage.getItem(PREFIX + key);
        return raw === null ? null : asMembers(JSON.parse(raw));
      } catch {
        return null;
      }
    },
    write: (members) => {
      try {
        // Only what mentions need: no e-mail addresses at rest.
        const slim = members.map((m) => ({ role: m.role, user: { id: m.user.id, displayName: m.user.displayName, email: "" } }));
        localStorage.setItem(PREFIX + key, JSON.stringify(slim));
      } catch {
        // Quota or privacy mode: mentions offline won't autocomplete.
      }
    },
  };
}

export function useMembers(projectId: string | null): Author[] {
  const { user } = useSession();
  const key = projectId ? `${user.id}:members:${projectId}` : null;
  const slot = useMemo(() => slotFor(key ?? ""), [key]);
  const members = useCachedResource(key, (signal) => api.listMembers(projectId ?? "", signal), slot);
  return useMemo(
    () => (members.data ?? []).map((m) => ({ id: m.user.id, name: m.user.displayName })),
    [members.data],
  );
}
