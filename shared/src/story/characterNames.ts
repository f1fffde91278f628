/**
 * Character names from cues ("STEEL (V.O.) (CONT'D)" → "STEEL") and a matcher that finds known names
 * as whole words in action text. A matcher is one regular expression for every name, built once per cast
 * (never per block or per name), because the scene list is recomputed on every keystroke.
 */

/** Parenthesised extensions anywhere in a cue: (V.O.), (O.S.), (CONT'D), (test extension). */
const EXTENSIONS = /\([^)]*\)/g;

/**
 * Scripts repeat the same few cues hundreds of times and the scene list is recomputed per keystroke, so
 * names are memoised; the cache is dropped when it grows past CACHE_LIMIT distinct strings.
 */
const CACHE_LIMIT = 20000;
const cueNames = new Map<string, string>();

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** The character a cue names, upper-case, without extensions, dual marker "^" or a forcing "@"; "" if none. */
export function cueName(cue: string): string {
  const cached = cueNames.get(cue);
  if (cached !== undefined) return cached;
  let name = cue.replace(EXTENSIONS, " ");
  name = name.replace(/\^/g, " ").replace(/\s+/g, " ").trim();
  if (name.startsWith("@")) name = name.slice(1).trim();
  return remember(cueNames, cue, name.toUpperCase());
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export interface NameMatcher {
  /** Names (upper-case) appearing as whole words in `text`, in order of appearance, each once. Shared: do not mutate. */
  namesIn(text: string): readonly string[];
}

const NO_NAMES: NameMatcher = { namesIn: () => [] };

/**
 * Whole word = not preceded or followed by a letter, digit or underscore of any script (Unicode-aware),
 * so "BOB" matches in "Bob's" and "BOB," but not in "BOBBY".
 * Longer names come first in the alternation so "MARY JANE" wins over "MARY".
 */
export function buildNameMatcher(names: Iterable<string>): NameMatcher {
  const unique = [...new Set([...names].filter((name) => name !== ""))];
  if (unique.length === 0) return NO_NAMES;
  unique.sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  // The same cast gives the same matcher, whose per-text results survive between recomputations: after a
  // keystroke only the edited paragraph is searched again.
  const key = unique.join("\n");
  return matchers.get(key) ?? remember(matchers, key, createMatcher(unique));
}

const matchers = new Map<string, NameMatcher>();

function createMatcher(sortedNames: readonly string[]): NameMatcher {
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${sortedNames.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}_])`, "giu");
  const results = new Map<string, string[]>();
  return {
    namesIn(text: string): readonly string[] {
      const cached = results.get(text);
      if (cached !== undefined) return cached;
      const found: string[] = [];
      for (const match of text.matchAll(pattern)) {
        // Case-insensitive matching can give a different upper-case form for a few letters; fall back to it.
        const name = match[0].toUpperCase();
        if (!found.includes(name)) found.push(name);
      }
      return remember(results, text, found);
    },
  };
}
