/**
 * Replays a concurrent editing trace locally into real concurrent Yjs updates. Each agent has its own Y.Doc;
 * before an agent applies a transaction's patches, its doc receives exactly the transaction's missing
 * ancestors (their recorded updates), so the patch positions are read against the document those parents
 * describe and the update produced is the one that agent would really have sent.
 */
import * as Y from "yjs";
import { SCREENPLAY_FRAGMENT } from "@aiuteur/shared";
import type { ConcurrentTrace } from "../traces.js";

/**
 * The block every trace edits is made by this client id, so it can be found in a script that also holds the
 * episode's own blocks (whose concurrent order around it is Yjs's business, not the trace's).
 */
const BASE_CLIENT = 7_041_977;

/** The text every trace edits: one action block of a screenplay, so the server sees an ordinary script. */
export function traceText(doc: Y.Doc): Y.XmlText {
  const block = doc
    .getXmlFragment(SCREENPLAY_FRAGMENT)
    .toArray()
    .find((node) => node instanceof Y.XmlElement && node._item?.id.client === BASE_CLIENT) as Y.XmlElement | undefined;
  if (!block) throw new Error("the trace's block is missing");
  return block.get(0) as Y.XmlText;
}

/** The shared starting point (one empty block), made once so every replica has the same block item. */
export function baseUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = BASE_CLIENT;
  const block = new Y.XmlElement("action");
  block.insert(0, [new Y.XmlText("")]);
  doc.getXmlFragment(SCREENPLAY_FRAGMENT).insert(0, [block]);
  return Y.encodeStateAsUpdate(doc);
}

export interface ReplayedTrace {
  base: Uint8Array;
  /** updates[i]: the update transaction i produced on its agent's replica. */
  updates: Uint8Array[];
  /** The text of a doc holding every update (what any converged replica must show). */
  mergedText: string;
  /** How many transactions had ancestors from another agent (i.e. merged concurrent work before editing). */
  mergesBeforeEdit: number;
}

export function replayLocally(trace: ConcurrentTrace): ReplayedTrace {
  const base = baseUpdate();
  const replicas = Array.from({ length: trace.numAgents }, (_, agent) => {
    const doc = new Y.Doc();
    // Yjs breaks ties between concurrent inserts at one position by client id: fixed ids make the merged
    // text a property of the trace, not of random ids (random ones gave endContent on some runs only).
    doc.clientID = agent + 1;
    Y.applyUpdate(doc, base);
    return { doc, applied: new Uint8Array(trace.txns.length) };
  });
  const updates: Uint8Array[] = new Array(trace.txns.length);
  let mergesBeforeEdit = 0;
  trace.txns.forEach((txn, index) => {
    const replica = replicas[txn.agent]!;
    // Ancestors not yet in this replica. Everything applied is closed under ancestry, so the walk stops there.
    const missing: number[] = [];
    const stack = [...txn.parents];
    while (stack.length > 0) {
      const ancestor = stack.pop()!;
      if (replica.applied[ancestor]) continue;
      replica.applied[ancestor] = 1;
      missing.push(ancestor);
      stack.push(...trace.txns[ancestor]!.parents);
    }
    if (missing.length > 0) {
      mergesBeforeEdit++;
      Y.applyUpdate(replica.doc, Y.mergeUpdates(missing.sort((a, b) => a - b).map((i) => updates[i]!)));
    }
    const text = traceText(replica.doc);
    let own: Uint8Array | undefined;
    const record = (update: Uint8Array) => (own = update);
    replica.doc.once("update", record);
    replica.doc.transact(() => {
      // Patches of one transaction apply in sequence; the traces are ASCII, so code points = UTF-16 units.
      for (const [position, deleteCount, insert] of txn.patches) {
        if (deleteCount > 0) text.delete(position, deleteCount);
        if (insert.length > 0) text.insert(position, insert);
      }
    });
    if (!own) throw new Error(`transaction ${index} changed nothing`);
    updates[index] = own;
    replica.applied[index] = 1;
  });
  const merged = new Y.Doc();
  Y.applyUpdate(merged, base);
  Y.applyUpdate(merged, Y.mergeUpdates(updates));
  return { base, updates, mergedText: traceText(merged).toString(), mergesBeforeEdit };
}
