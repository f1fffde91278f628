/**
 * Identifiers for users, projects, episodes, scenes and shots.
 *
 * 16 characters of lowercase base-32 (80 random bits): safe in URLs, document names and file names,
 * and strict enough that the document-name grammar can refuse anything else before a lookup.
 */
const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
export const ID_LENGTH = 16;
export const ID_PATTERN = /^[a-z2-7]{16}$/;

export function newId(): string {
  const bytes = new Uint8Array(ID_LENGTH);
  globalThis.crypto.getRandomValues(bytes);
  let id = "";
  for (const byte of bytes) id += ALPHABET[byte & 31];
  return id;
}

export function isId(value: unknown): value is string {
  return typeof value === "string" && ID_PATTERN.test(value);
}
