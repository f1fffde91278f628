/**
 * The image type a file really is, from its first bytes ("magic numbers"), never from its name or the
 * declared Content-Type: an HTML page renamed .png must not be stored and served back as an image.
 */
export type ImageType = "image/png" | "image/jpeg" | "image/webp" | "image/gif";

const startsWith = (data: Uint8Array, bytes: readonly number[], at = 0) =>
  data.byteLength >= at + bytes.length && bytes.every((byte, i) => data[at + i] === byte);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

export function sniffImageType(data: Uint8Array): ImageType | null {
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(data, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(data, ascii("GIF87a")) || startsWith(data, ascii("GIF89a"))) return "image/gif";
  if (startsWith(data, ascii("RIFF")) && startsWith(data, ascii("WEBP"), 8)) return "image/webp";
  return null;
}
