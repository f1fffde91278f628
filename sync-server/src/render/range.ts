/**
 * One HTTP byte range (RFC 9110 §14.1.2) of a file of `size` bytes: what a <video> asks for when it seeks.
 * Several ranges in one header are answered with the whole file (allowed, and no player needs them).
 */
import type { ByteRange } from "./artifactStore.js";

/** The range to send, null for the whole file, or "unsatisfiable" (416). */
export function parseRange(header: string | undefined, size: number): ByteRange | null | "unsatisfiable" {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return null;
  if (first === "") {
    // A suffix: the last N bytes.
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (start >= size) return "unsatisfiable";
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  if (end < start) return null;
  return { start, end };
}
