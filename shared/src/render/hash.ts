/**
 * Content names for renders and animatics: 128 bits as 32 hex digits, the same in Node and in a browser.
 * Not cryptographic: it names content so equal content reuses its files; it does not guard anything.
 */

/** Two 32-bit multiplicative hashes over the UTF-16 code units: 64 bits as 16 hex digits. */
function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

/** The text's name; the second half hashes it with its length prefixed, so the halves fail independently. */
export function contentName(text: string): string {
  return `${hash64(text)}${hash64(`${text.length}:${text}`)}`;
}
