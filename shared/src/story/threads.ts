/**
 * Comment threads, kept in a notes document (one per script, scene storyboard or shot):
 *
 *   Y.Map "threads"  thread id → Y.Map { id, anchor, sceneId, status, author, authorName, createdAt,
 *                                        messages: Y.Array<Y.Map { id, author, authorName, body, mentions, createdAt }> }
 *
 * A script thread anchors to a range of text with two Y.RelativePositions (encoded as base64 strings), so
 * it stays on its words when text above changes; a panel thread anchors to a point or a region of the
 * frame in normalised coordinates. Status is last-writer-wins; replies append, so concurrent replies all
 * survive.
 */
import * as Y from "yjs";
import { newId } from "../ids.js";

export const THREADS_MAP = "threads";
export const THREAD_LIMITS = { body: 5000, quote: 300, messages: 500 } as const;

export const THREAD_STATUSES = ["open", "resolved"] as const;
export type ThreadStatus = (typeof THREAD_STATUSES)[number];

export type ThreadAnchor =
  | { type: "text"; start: string; end: string; quote: string }
  | { type: "point"; shotId: string; x: number; y: number }
  | { type: "region"; shotId: string; x: number; y: number; w: number; h: number };

export interface ThreadMessage {
  id: string;
  author: string;
  authorName: string;
  body: string;
  /** User ids mentioned with @Name. */
  mentions: string[];
  createdAt: number;
}

export interface Thread {
  id: string;
  anchor: ThreadAnchor;
  /** The scene the thread is about ("" when none), for filtering the comments panel. */
  sceneId: string;
  status: ThreadStatus;
  author: string;
  authorName: string;
  createdAt: number;
  messages: ThreadMessage[];
}

export function threadsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(THREADS_MAP);
}

const unit = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= 1;

function readAnchor(value: unknown): ThreadAnchor | null {
  if (typeof value !== "object" || value === null) return null;
  const a = value as Record<string, unknown>;
  if (a.type === "text" && typeof a.start === "string" && typeof a.end === "string") {
    return { type: "text", start: a.start, end: a.end, quote: typeof a.quote === "string" ? a.quote.slice(0, THREAD_LIMITS.quote) : "" };
  }
  if (a.type === "point" && typeof a.shotId === "string" && unit(a.x) && unit(a.y)) {
    return { type: "point", shotId: a.shotId, x: a.x, y: a.y };
  }
  if (a.type === "region" && typeof a.shotId === "string" && unit(a.x) && unit(a.y) && unit(a.w) && unit(a.h)) {
    return { type: "region", shotId: a.shotId, x: a.x, y: a.y, w: a.w, h: a.h };
  }
  return null;
}

function str(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function readMessage(entry: unknown): ThreadMessage | null {
  if (!(entry instanceof Y.Map)) return null;
  const id = entry.get("id");
  const body = entry.get("body");
  if (typeof id !== "string" || typeof body !== "string") return null;
  const mentions = entry.get("mentions");
  return {
    id,
    author: str(entry.get("author")),
    authorName: str(entry.get("authorName")),
    body: body.slice(0, THREAD_LIMITS.body),
    mentions: Array.isArray(mentions) ? mentions.filter((m): m is string => typeof m === "string") : [],
    createdAt: typeof entry.get("createdAt") === "number" ? (entry.get("createdAt") as number) : 0,
  };
}

export function readThread(id: string, entry: unknown): Thread | null {
  if (!(entry instanceof Y.Map)) return null;
  const anchor = readAnchor(entry.get("anchor"));
  if (!anchor) return null;
  const list = entry.get("messages");
  const messages = list instanceof Y.Array ? list.toArray().map(readMessage).filter((m): m is ThreadMessage => m !== null) : [];
  return {
    id,
    anchor,
    sceneId: str(entry.get("sceneId")),
    status: entry.get("status") === "resolved" ? "resolved" : "open",
    author: str(entry.get("author")),
    authorName: str(entry.get("authorName")),
    createdAt: typeof entry.get("createdAt") === "number" ? (entry.get("createdAt") as number) : 0,
    messages,
  };
}

/** Every well-formed thread, oldest first. */
export function readThreads(doc: Y.Doc): Thread[] {
  const threads: Thread[] = [];
  threadsMap(doc).forEach((entry, id) => {
    const thread = readThread(id, entry);
    if (thread) threads.push(thread);
  });
  return threads.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

export interface Author {
  id: string;
  name: string;
}

function messageEntry(author: Author, body: string, mentions: string[]): Y.Map<unknown> {
  const entry = new Y.Map<unknown>();
  entry.set("id", newId());
  entry.set("author", author.id);
  entry.set("authorName", author.name);
  entry.set("body", body.slice(0, THREAD_LIMITS.body));
  entry.set("mentions", [...new Set(mentions)]);
  entry.set("createdAt", Date.now());
  return entry;
}

/** Starts a thread with its first message; returns the thread id. */
export function createThread(
  doc: Y.Doc,
  input: { anchor: ThreadAnchor; sceneId?: string; author: Author; body: string; mentions?: string[] },
): string {
  const id = newId();
  doc.transact(() => {
    const entry = new Y.Map<unknown>();
    entry.set("id", id);
    entry.set("anchor", input.anchor);
    entry.set("sceneId", input.sceneId ?? "");
    entry.set("status", "open");
    entry.set("author", input.author.id);
    entry.set("authorName", input.author.name);
    entry.set("createdAt", Date.now());
    entry.set("messages", Y.Array.from([messageEntry(input.author, input.body, input.mentions ?? [])]));
    threadsMap(doc).set(id, entry);
  });
  return id;
}

export function replyToThread(doc: Y.Doc, threadId: string, author: Author, body: string, mentions: string[] = []): void {
  const entry = threadsMap(doc).get(threadId);
  if (!(entry instanceof Y.Map)) return;
  doc.transact(() => {
    let list = entry.get("messages");
    if (!(list instanceof Y.Array)) {
      list = new Y.Array<unknown>();
      entry.set("messages", list);
    }
    const messages = list as Y.Array<unknown>;
    if (messages.length < THREAD_LIMITS.messages) messages.push([messageEntry(author, body, mentions)]);
  });
}

export function setThreadStatus(doc: Y.Doc, threadId: string, status: ThreadStatus): void {
  const entry = threadsMap(doc).get(threadId);
  if (entry instanceof Y.Map) entry.set("status", status);
}

export function deleteThread(doc: Y.Doc, threadId: string): void {
  threadsMap(doc).delete(threadId);
}

/**
 * The members mentioned in `body` as "@Display Name" (longest names first, so "@Ana Maria" is not read as
 * "@Ana"). Matching ignores case.
 */
export function findMentions(body: string, members: readonly Author[]): string[] {
  const lower = body.toLowerCase();
  const found = new Set<string>();
  const sorted = [...members].sort((a, b) => b.name.length - a.name.length);
  let consumed = lower;
  for (const member of sorted) {
    const needle = `@${member.name.toLowerCase()}`;
    let at = consumed.indexOf(needle);
    while (at !== -1) {
      const after = consumed[at + needle.length];
      const before = at === 0 ? undefined : consumed[at - 1];
      // "@Ana" at a word start only: "x@ana.com" is an address, not a mention.
      const startsWord = before === undefined || !/[\p{L}\p{N}._-]/u.test(before);
      if (startsWord && (after === undefined || !/[\p{L}\p{N}]/u.test(after))) {
        found.add(member.id);
        consumed = consumed.slice(0, at) + " ".repeat(needle.length) + consumed.slice(at + needle.length);
      }
      at = consumed.indexOf(needle, at + 1);
    }
  }
  return [...found];
}

/** Encodes a relative position for storage in an anchor. */
export function encodeRelativePosition(position: Y.RelativePosition): string {
  const bytes = Y.encodeRelativePosition(position);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function decodeRelativePosition(encoded: string): Y.RelativePosition | null {
  try {
    const binary = atob(encoded);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return Y.decodeRelativePosition(bytes);
  } catch {
    return null;
  }
}
