/**
 * The registry as the page lists it: every character and location the scripts mention (derived live,
 * whether or not anyone wrote about them yet) merged with the project's registry entries (descriptions,
 * images, and the props and other items added by hand). A derived name and its entry meet on the derived
 * entry id (kind + normalised name), the same on every replica.
 */
import { derivedEntryId, REGISTRY_KINDS, type RegistryEntry, type RegistryKind } from "@aiuteur/shared";

/** What one episode's script contributes. */
export interface EpisodeNames {
  episodeId: string;
  episodeTitle: string;
  characters: readonly string[];
  locations: readonly string[];
}

export interface RegistryItem {
  /** The entry id: an existing entry's, or the derived id an entry will get when first written. */
  id: string;
  kind: RegistryKind;
  name: string;
  entry: RegistryEntry | null;
  /** Titles of the episodes whose scripts mention it (empty for hand-added items and names no script uses any more). */
  episodes: string[];
}

export function mergeRegistry(derived: readonly EpisodeNames[], entries: readonly RegistryEntry[]): RegistryItem[] {
  const items = new Map<string, RegistryItem>();
  const mention = (kind: RegistryKind, name: string, episodeTitle: string) => {
    const id = derivedEntryId(kind, name);
    const item = items.get(id) ?? { id, kind, name, entry: null, episodes: [] };
    if (!item.episodes.includes(episodeTitle)) item.episodes.push(episodeTitle);
    items.set(id, item);
  };
  for (const episode of derived) {
    for (const name of episode.characters) if (name.trim() !== "") mention("character", name, episode.episodeTitle);
    for (const name of episode.locations) if (name.trim() !== "") mention("location", name, episode.episodeTitle);
  }
  for (const entry of entries) {
    const item = items.get(entry.id);
    // The entry keeps the spelling someone chose when they first described it.
    if (item) items.set(entry.id, { ...item, name: entry.name || item.name, entry });
    else items.set(entry.id, { id: entry.id, kind: entry.kind, name: entry.name, entry, episodes: [] });
  }
  const kindOrder = (kind: RegistryKind) => REGISTRY_KINDS.indexOf(kind);
  return [...items.values()].sort(
    (a, b) => kindOrder(a.kind) - kindOrder(b.kind) || a.name.localeCompare(b.name, undefined, { sensitivity: "base" }),
  );
}

export function filterRegistry(items: readonly RegistryItem[], query: string): RegistryItem[] {
  const words = query.toLowerCase().split(/\s+/).filter((word) => word !== "");
  if (words.length === 0) return [...items];
  return items.filter((item) => {
    const text = `${item.name}\n${item.kind}\n${item.entry?.description ?? ""}\n${item.episodes.join("\n")}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
