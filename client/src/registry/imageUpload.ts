/** Checking a reference image before upload, with the server's own limits, so the user hears why at once. */
import { ASSET_LIMITS } from "@aiuteur/shared";

const TYPE_NAMES: Record<string, string> = {
  "image/png": "PNG",
  "image/jpeg": "JPEG",
  "image/webp": "WebP",
  "image/gif": "GIF",
};

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
}

/** Why this file can't be a reference image, or null when it can. (The server checks the bytes again.) */
export function imageProblem(file: { name: string; type: string; size: number }): string | null {
  const accepted = ASSET_LIMITS.contentTypes as readonly string[];
  if (!accepted.includes(file.type)) {
    const names = accepted.map((type) => TYPE_NAMES[type] ?? type);
    const list = `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`;
    return `“${file.name}” is not an image we can use: reference images must be ${list}.`;
  }
  if (file.size > ASSET_LIMITS.maxBytes) {
    return `“${file.name}” is ${megabytes(file.size)}: reference images can be at most ${megabytes(ASSET_LIMITS.maxBytes)}.`;
  }
  if (file.size === 0) return `“${file.name}” is empty.`;
  return null;
}
