import type { Role } from "@aiuteur/shared";

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  director: "Director",
  writer: "Writer",
  artist: "Artist",
  reviewer: "Reviewer",
  viewer: "Viewer",
};

export function RoleBadge({ role }: { role: Role }) {
  return <span className={`role-badge role-${role}`}>{ROLE_LABELS[role]}</span>;
}
