/**
 * A stable colour per user: the same id gives the same colour in every tab, on every device and for every
 * collaborator, so a writer is recognisable by their caret and presence dot without a stored preference.
 *
 * Colours come from a fixed palette rather than a free hue: each is dark enough for white caret labels and
 * distinct from its neighbours. Hex, because caret renderers append alpha digits to it for selections.
 */
export const USER_PALETTE = [
  "#e03131",
  "#c2255c",
  "#9c36b5",
  "#6741d9",
  "#3b5bdb",
  "#1971c2",
  "#0c8599",
  "#099268",
  "#2f9e44",
  "#5c940d",
  "#e67700",
  "#d9480f",
] as const;

/** FNV-1a over UTF-16 code units: tiny, deterministic, and spreads similar ids apart. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function colourForUser(userId: string): string {
  return USER_PALETTE[fnv1a(userId) % USER_PALETTE.length] ?? USER_PALETTE[0];
}
