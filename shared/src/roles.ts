/** Project roles, from most to least powerful. */
export const ROLES = ["owner", "director", "writer", "artist", "reviewer", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Roles that may add members, and the roles each may hand out (nobody but an owner makes an owner). */
export function rolesAssignableBy(role: Role): readonly Role[] {
  if (role === "owner") return ROLES;
  if (role === "director") return ROLES.filter((r) => r !== "owner");
  return [];
}

export function canManageMembers(role: Role): boolean {
  return rolesAssignableBy(role).length > 0;
}

/** Creating an episode creates its script: the same people who may write scripts. */
export function canCreateEpisodes(role: Role): boolean {
  return role === "owner" || role === "director" || role === "writer";
}
