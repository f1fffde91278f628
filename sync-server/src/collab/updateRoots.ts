/**
 * Which root types of a document an incoming update would change: its new items and the items its delete
 * set removes. Used to let the render worker write only the "render" map of a shot document and to keep
 * members out of it.
 *
 * An encoded item names its parent only when it has no neighbours; otherwise (a map key set again, text
 * typed after other text) the parent is implied by its origin, so origins are followed, through the update
 * itself and then the live document, up to a root type. Anything that cannot be traced (an origin the
 * server does not have yet) is reported as `unknown`, and callers treat it as touching everything.
 */
import * as Y from "yjs";

export interface TouchedRoots {
  roots: Set<string>;
  /** Some change could not be traced to a root type. */
  unknown: boolean;
}

type Struct = Y.Item | Y.GC | Y.Skip;

/** The struct of `structs` (sorted by clock, one client) that holds `clock`, or undefined. */
function findStruct<T extends Struct>(structs: T[] | undefined, clock: number): T | undefined {
  if (!structs || structs.length === 0) return undefined;
  const last = structs[structs.length - 1]!;
  if (clock < structs[0]!.id.clock || clock >= last.id.clock + last.length) return undefined;
  try {
    return structs[Y.findIndexSS(structs as unknown as Y.Item[], clock)];
  } catch {
    return undefined;
  }
}

/** The root type name of an item already in the document, or null for garbage-collected content. */
function rootOfDocItem(item: Y.Item): string | null {
  let type = item.parent;
  if (!(type instanceof Y.AbstractType)) return null;
  while (type._item) {
    const parent: unknown = type._item.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    type = parent;
  }
  try {
    return Y.findRootTypeKey(type);
  } catch {
    return null;
  }
}

export function touchedRoots(doc: Y.Doc, update: Uint8Array): TouchedRoots {
  const { structs, ds } = Y.decodeUpdate(update);
  const incoming = new Map<number, Struct[]>();
  for (const struct of structs) {
    const list = incoming.get(struct.id.client);
    if (list) list.push(struct);
    else incoming.set(struct.id.client, [struct]);
  }
  for (const list of incoming.values()) list.sort((a, b) => a.id.clock - b.id.clock);

  const memo = new Map<Y.Item, string | null>();
  const rootOfId = (id: Y.ID, depth: number): string | null => {
    const fromUpdate = findStruct(incoming.get(id.client), id.clock);
    if (fromUpdate) return fromUpdate instanceof Y.Item ? rootOfIncoming(fromUpdate, depth + 1) : null;
    const fromDoc = findStruct(doc.store.clients.get(id.client) as Struct[] | undefined, id.clock);
    return fromDoc instanceof Y.Item ? rootOfDocItem(fromDoc) : null;
  };
  const rootOfIncoming = (item: Y.Item, depth: number): string | null => {
    // A chain longer than the update cannot be a real one: it loops.
    if (depth > structs.length + 1) return null;
    if (memo.has(item)) return memo.get(item) ?? null;
    let root: string | null = null;
    const parent: unknown = item.parent;
    if (typeof parent === "string") root = parent;
    else if (parent instanceof Y.ID) root = rootOfId(parent, depth);
    else if (item.origin) root = rootOfId(item.origin, depth);
    else if (item.rightOrigin) root = rootOfId(item.rightOrigin, depth);
    memo.set(item, root);
    return root;
  };

  const result: TouchedRoots = { roots: new Set(), unknown: false };
  for (const struct of structs) {
    // GC and Skip structs carry no content: they can change nothing a reader sees.
    if (!(struct instanceof Y.Item)) continue;
    const root = rootOfIncoming(struct, 0);
    if (root === null) result.unknown = true;
    else result.roots.add(root);
  }
  for (const [client, ranges] of ds.clients) {
    const own = doc.store.clients.get(client) as Struct[] | undefined;
    for (const range of ranges) {
      let clock = range.clock;
      const end = range.clock + range.len;
      while (clock < end) {
        const fromDoc = findStruct(own, clock);
        const fromUpdate = fromDoc ? undefined : findStruct(incoming.get(client), clock);
        const struct = fromDoc ?? fromUpdate;
        if (!struct) {
          // Deleting what the document does not have: kept pending by Yjs and applied when the items
          // arrive, which would let it reach anything.
          result.unknown = true;
          break;
        }
        if (struct instanceof Y.Item) {
          const root = fromDoc ? rootOfDocItem(struct) : rootOfIncoming(struct, 0);
          if (root === null) {
            if (fromDoc && struct.deleted) {
              // Deleting again what is already deleted changes nothing.
            } else result.unknown = true;
          } else result.roots.add(root);
        }
        clock = struct.id.clock + struct.length;
      }
    }
  }
  return result;
}
