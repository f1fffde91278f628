/**
 * The only failure of the Fountain importer: the input is not a Fountain *text* file at all (a binary
 * upload, a failed text decode, or too large). Malformed-but-textual Fountain never throws, because
 * Fountain is a forgiving plain-text format and a writer's half-finished file must still open.
 */
import { ERROR_CODES } from "../errors.js";
import { LIMITS } from "../protocol.js";

export class FountainError extends Error {
  readonly code = ERROR_CODES.invalidFountain;
  /** 1-based line of the offending character, when the problem is at one place in the file. */
  readonly line: number | undefined;

  constructor(message: string, line?: number) {
    super(message);
    this.name = "FountainError";
    this.line = line;
  }
}

/** UTF-8 size without allocating an encoded copy (the input may be megabytes). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

// C0 controls other than tab, line feed, form feed and carriage return never occur in a text file
// but fill binary formats (a PNG starts with \x89PNG\r\n\x1a\n\0\0\0\rIHDR). U+FFFD is what a
// decoder emits for bytes that are not valid UTF-8; U+FFFE/U+FFFF appear when UTF-16 is decoded with
// the wrong byte order. With the `u` flag a surrogate range matches only *unpaired* surrogates.
const SUSPICIOUS_RE = /[\u0000-\u0008\u000B\u000E-\u001F\u007F\uD800-\uDFFF\uFFFD\uFFFE\uFFFF]/u;

function position(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

function describe(char: string): string {
  const code = char.charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  if (code === 0) return `a NUL byte (${hex})`;
  if (code === 0xfffd) return `a replacement character (${hex}) left by a failed text decode`;
  if (code >= 0xd800 && code <= 0xdfff) return `an unpaired UTF-16 surrogate (${hex})`;
  if (code === 0xfffe || code === 0xffff) return `a non-character (${hex}), as left by decoding UTF-16 with the wrong byte order`;
  return `a control character (${hex})`;
}

/** Throws FountainError unless `text` can be a Fountain text file. */
export function assertFountainText(text: unknown): asserts text is string {
  if (typeof text !== "string") throw new FountainError("A Fountain file must be text.");
  const max = LIMITS.maxFountainBytes;
  // A UTF-8 encoding is never shorter than the UTF-16 length, so the cheap check settles most cases.
  const bytes = text.length > max ? text.length : utf8ByteLength(text);
  if (bytes > max) {
    const mib = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MiB`;
    throw new FountainError(
      `The file is ${mib(bytes)} (${bytes} bytes); Fountain imports are limited to ${mib(max)} (${max} bytes).`,
    );
  }
  const match = SUSPICIOUS_RE.exec(text);
  if (match) {
    const { line, column } = position(text, match.index);
    throw new FountainError(
      `Line ${line}, column ${column}: the file contains ${describe(match[0])}. ` +
        "This is not a Fountain text file (is it a binary file, or saved in an encoding other than UTF-8?).",
      line,
    );
  }
}
