/** How a version is named in the history list: its badge, its title and the line under it. */
import type { VersionInfo, VersionKind } from "@aiuteur/shared";
import { relativeTime } from "../comments/relativeTime";

/** The badge: why the version was recorded, in words (never colour alone). */
export const KIND_BADGE: Record<VersionKind, string> = {
  manual: "Saved",
  lock: "Locked",
  auto: "Auto",
  restore: "Before restore",
  merge: "Before merge",
  fork: "Fork",
};

const KIND_TITLE: Record<VersionKind, string> = {
  manual: "Saved version",
  lock: "Locked",
  auto: "Automatic version",
  restore: "Before restoring",
  merge: "Before merging",
  fork: "Timeline created",
};

/** The label the author gave, or what the server recorded, or a title from the kind. */
export function versionTitle(version: VersionInfo): string {
  const label = version.label.trim();
  return label !== "" ? label : KIND_TITLE[version.kind];
}

/** "Dana · 5 min ago" (the server records automatic versions without an author). */
export function versionByline(version: VersionInfo, now = Date.now()): string {
  const who = version.author?.displayName ?? "Aiuteur";
  return `${who} · ${relativeTime(version.createdAt, now)}`;
}

/** The exact time, for a tooltip and screen readers. */
export function versionTime(version: VersionInfo): string {
  return new Date(version.createdAt).toLocaleString();
}
