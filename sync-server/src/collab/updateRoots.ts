/**
 * Which root types of a document an incoming update would change: its new items and the items its delete
 * set removes. Used to let the render worker write only the "render" map of a shot document and to keep
 * members out of it.
 *
 * An encoded item names its parent only when it has no neighbours; otherwise (a map key set again, text
 * typed after other text) the parent is implied by its origin, so origins are followed, through the update
 * itself and then the live document, up to a root type. Anything that cannot be traced (an origin the
 * server does not have yet) is reported as `unknown`, and callers treat it as touching everything.
 *
 * Content placed inside a type that is already deleted or garbage-collected (a stroke moved offline
 * while someone else erased it) traces to no root, yet it is not unknown: Yjs integrates it as deleted
 * or as garbage, so it can change nothing a reader sees. It is reported as neither, so the rest of that
 * update (often a whole offline session) is not refused along with it.
 */
import * as Y from "yjs";

export interface TouchedRoots {
  roots: Set<string>;
  /** Some change could not be traced to a root type. */
  unknown: boolean;
}

type Struct = Y.Item | Y.GC | Y.Skip;

/** Traced to content that is deleted or garbage-collected: changes nothing visible, touches no root. */
const DEAD = Symbol("dead");
type Root = string | null | typeof DEAD;

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

/**
 * The root type name of an item already in the document; DEAD when the item sits in garbage-collected
 * content; null when the chain cannot be read.
 */
function rootOfDocItem(item: Y.Item): Root {
  let type = item.parent;
  if (!(type instanceof Y.AbstractType)) return DEAD;
  while (type._item) {
    const parent: unknown = type._item.parent;
    if (!(parent instanceof Y.AbstractType)) return DEAD;
    type = parent;
  }
  try {
    return Y.findRootTypeKey(type);
  } catch {
    return null;
  }
}

/** Where new content under the type that `parentItem` (already in the document) holds would land. */
function rootUnderDocType(parentItem: Y.Item): Root {
  // A deleted type keeps no new content: Yjs deletes what is integrated into it.
  if (parentItem.deleted) return DEAD;
  return rootOfDocItem(parentItem);
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

  const memo = new Map<Y.Item, Root>();
  /** The root of the struct with this id: `asParent` when it is the parent type of the content traced. */
  const rootOfId = (id: Y.ID, depth: number, asParent: boolean): Root => {
    const fromUpdate = findStruct(incoming.get(id.client), id.clock);
    if (fromUpdate) return fromUpdate instanceof Y.Item ? rootOfIncoming(fromUpdate, depth + 1) : null;
    const fromDoc = findStruct(doc.store.clients.get(id.client) as Struct[] | undefined, id.clock);
    if (fromDoc instanceof Y.GC) return DEAD;
    if (!(fromDoc instanceof Y.Item)) return null;
    return asParent ? rootUnderDocType(fromDoc) : rootOfDocItem(fromDoc);
  };
  const rootOfIncoming = (item: Y.Item, depth: number): Root => {
    // A chain longer than the update cannot be a real one: it loops.
    if (depth > structs.length + 1) return null;
    if (memo.has(item)) return memo.get(item) ?? null;
    let root: Root = null;
    const parent: unknown = item.parent;
    if (typeof parent === "string") root = parent;
    else if (parent instanceof Y.ID) root = rootOfId(parent, depth, true);
    else if (item.origin) root = rootOfId(item.origin, depth, false);
    else if (item.rightOrigin) root = rootOfId(item.rightOrigin, depth, false);
    memo.set(item, root);
    return root;
  };

  const result: TouchedRoots = { roots: new Set(), unknown: false };
  for (const struct of structs) {
    // GC and Skip structs carry no content: they can change nothing a reader sees.
    if (!(struct instanceof Y.Item)) continue;
    const root = rootOfIncoming(struct, 0);
    if (root === null) result.unknown = true;
    else if (root !== DEAD) result.roots.add(root);
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
          } else if (root !== DEAD) result.roots.add(root);
        }
        clock = struct.id.clock + struct.length;
      }
    }
  }
  return result;
}
