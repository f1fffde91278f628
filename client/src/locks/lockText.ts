/**
 * How a lock reads on screen: the short status next to the Lock button, the banner over a locked
 * document, and the default name of the timeline "Unlock on a new branch" creates.
 */
import { BRANCH_NAME_MAX, type LockMirror } from "@aiuteur/shared";

export function isLocked(mirror: LockMirror): boolean {
  return mirror.status !== "unlocked";
}

const pad = (n: number) => String(n).padStart(2, "0");
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "14:02", in the reader's time zone. */
export function clockTime(at: number): string {
  const date = new Date(at);
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** "22 Nov 2025, 14:02": a day anyone reads the same way, whatever their locale's order. */
export function dayAndTime(at: number): string {
  const date = new Date(at);
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}, ${clockTime(at)}`;
}

/** "Locked by Dana · 14:02", "Invalidated: Scene 4 changed in the script", or "Not locked". */
export function lockStatusText(mirror: LockMirror): string {
  switch (mirror.status) {
    case "locked":
      return `Locked by ${mirror.byName || "a director"}${mirror.at ? ` · ${clockTime(mirror.at)}` : ""}`;
    case "invalidated":
      return `Invalidated: ${mirror.reason || "its script changed"}`;
    default:
      return "Not locked";
  }
}

/** The banner over a locked document; null when it is not locked. Notes stay writable, so it says so. */
export function lockBanner(mirror: LockMirror): string | null {
  switch (mirror.status) {
    case "locked":
      return `Locked — approved by ${mirror.byName || "a director"}${mirror.at ? ` on ${dayAndTime(mirror.at)}` : ""}; comments stay open`;
    case "invalidated":
      return `Invalidated — ${mirror.reason || "its script changed"}. Read only until a director re-approves it; comments stay open`;
    default:
      return null;
  }
}

/** Why the sketch layer is closed, under the drawing tools: the lock, and what is still open. */
export function lockedSketchNote(mirror: LockMirror): string | null {
  if (!isLocked(mirror)) return null;
  return `${lockStatusText(mirror)}. The sketch can't change; annotations and comments stay open.`;
}

/** "Pilot — alternative", cut to the longest name a timeline may have. */
export function alternativeBranchName(episodeTitle: string): string {
  const base = episodeTitle.trim() || "Story";
  return `${base} — alternative`.slice(0, BRANCH_NAME_MAX);
}
