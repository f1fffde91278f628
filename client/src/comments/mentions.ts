/**
 * @mention logic for the comment composer, kept apart from the component so it can be tested alone:
 * which "@query" the caret is in, which members match it, and the text after choosing one.
 */
import type { Author } from "@aiuteur/shared";

export interface MentionQuery {
  /** Index of the "@". */
  start: number;
  /** What was typed after the "@" up to the caret. */
  query: string;
}

/** Longest name fragment we try to complete: "@" followed by up to three words. */
const MAX_QUERY = 40;

/**
 * The mention being typed at `caret`, or null. An "@" counts at the start of the text or after a space or
 * punctuation (not inside "ana@example.com"); the query may contain spaces ("@Ana Ma") so full names match.
 */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at === -1) return null;
  const previous = at > 0 ? before[at - 1] : undefined;
  if (previous !== undefined && /[\p{L}\p{N}._-]/u.test(previous)) return null;
  const query = before.slice(at + 1);
  if (query.length > MAX_QUERY || /\n/.test(query) || /^\s/.test(query) || /\s{2}/.test(query)) return null;
  return { start: at, query };
}

/** Members whose name matches the query: names starting with it first, then any word starting with it. */
export function matchMembers(members: readonly Author[], query: string, limit = 6): Author[] {
  const q = query.trim().toLowerCase();
  const starts: Author[] = [];
  const words: Author[] = [];
  for (const member of members) {
    const name = member.name.toLowerCase();
    if (name.startsWith(q)) starts.push(member);
    else if (name.split(/\s+/).some((word) => word.startsWith(q))) words.push(member);
  }
  const byName = (a: Author, b: Author) => a.name.localeCompare(b.name);
  return [...starts.sort(byName), ...words.sort(byName)].slice(0, limit);
}

/** The text with the query at `mention` replaced by "@Name ", and where the caret goes. */
export function insertMention(text: string, mention: MentionQuery, caret: number, member: Author): { text: string; caret: number } {
  const inserted = `@${member.name} `;
  const after = text.slice(caret).replace(/^ /, "");
  return { text: text.slice(0, mention.start) + inserted + after, caret: mention.start + inserted.length };
}

export type BodySegment = { text: string; mention: false } | { text: string; mention: true; userId: string };

/** Splits a message body into plain text and "@Name" mentions of the given members (for highlighting). */
export function splitMentions(body: string, members: readonly Author[]): BodySegment[] {
  const names = [...members].filter((m) => m.name.trim() !== "").sort((a, b) => b.name.length - a.name.length);
  const segments: BodySegment[] = [];
  const lower = body.toLowerCase();
  let plainStart = 0;
  let i = 0;
  while (i < body.length) {
    const startsMention = body[i] === "@" && (i === 0 || !/[\p{L}\p{N}._-]/u.test(body[i - 1] ?? ""));
    const member = startsMention
      ? names.find((m) => {
          const needle = `@${m.name.toLowerCase()}`;
          const next = body[i + needle.length];
          return lower.startsWith(needle, i) && (next === undefined || !/[\p{L}\p{N}]/u.test(next));
        })
      : undefined;
    if (!member) {
      i += 1;
      continue;
    }
    if (i > plainStart) segments.push({ text: body.slice(plainStart, i), mention: false });
    const end = i + member.name.length + 1;
    segments.push({ text: body.slice(i, end), mention: true, userId: member.id });
    i = end;
    plainStart = end;
  }
  if (plainStart < body.length) segments.push({ text: body.slice(plainStart), mention: false });
  return segments;
}
