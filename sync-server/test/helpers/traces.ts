/**
 * Real editing histories from ../shared/data/editing-traces (Joseph Gentle's editing-traces collection,
 * CC BY 4.0), read in place and never copied into the repository. Used by the convergence tests and by
 * the benchmarks (cold open, CRDT engine).
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

// test/helpers/ → test/ → sync-server/ → the repo → its parent, where the team's shared/ lives.
export const TRACES_DIR = fileURLToPath(new URL("../../../../shared/data/editing-traces/", import.meta.url));

/** One patch: at `position`, delete `deleteCount` characters, then insert `insert`. */
export type TracePatch = [position: number, deleteCount: number, insert: string];

/** A single-writer history (automerge-paper, seph-blog1). */
export interface SequentialTrace {
  startContent: string;
  endContent: string;
  txns: { time?: string; patches: TracePatch[] }[];
}

/** A history written by several people at once (friendsforever, clownschool). */
export interface ConcurrentTrace {
  kind: string;
  endContent: string;
  numAgents: number;
  /** `parents` are indices of earlier transactions this one was made on top of. */
  txns: { parents: number[]; numChildren: number; agent: number; patches: TracePatch[] }[];
}

function readTrace(name: string): unknown {
  return JSON.parse(gunzipSync(readFileSync(`${TRACES_DIR}${name}.json.gz`)).toString("utf8"));
}

export function loadSequentialTrace(name: "automerge-paper" | "seph-blog1"): SequentialTrace {
  return readTrace(name) as SequentialTrace;
}

export function loadConcurrentTrace(name: "friendsforever" | "clownschool"): ConcurrentTrace {
  return readTrace(name) as ConcurrentTrace;
}

/** Every patch of a sequential trace in order, flattened: what one-edit-at-a-time replay applies. */
export function* sequentialPatches(trace: SequentialTrace): Generator<TracePatch> {
  for (const txn of trace.txns) yield* txn.patches;
}
