/** What the parent sends the load process (JSON on stdin) and what the load process reports (JSON lines on stdout). */
import type { BenchDocument } from "../servers/index.js";

export interface LoadPlan {
  documents: BenchDocument[];
  /** Real clients connected to each document. */
  clientsPerDocument: number;
  /** How many of those clients type (the first ones); 0 holds idle connections only. */
  typersPerDocument: number;
  /** Keystrokes per second per typer (default 5), each followed by a presence (awareness) update. */
  charsPerSecond?: number;
  /** Send an awareness update with each keystroke (default true). */
  presence?: boolean;
  /** Typing before measurement starts, so documents, sockets and JITs are warm. */
  warmupMs: number;
  /** The measured window: only keystrokes sent inside it count. */
  windowMs: number;
  /** After the window, how long to wait at most for the last deliveries (default 3000). */
  drainMs?: number;
  /**
   * Thin receivers (./thinGenerator.ts): the non-typing clients are raw sockets that only read frames, so
   * one load process can hold thousands (Aiuteur and Hocuspocus, one document).
   */
  thinReceivers?: boolean;
  /** How many clients connect at once while setting up (default 25). */
  connectConcurrency?: number;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export interface LoadResult {
  clients: number;
  /** Clients that connected and synced. */
  connected: number;
  /** Time to connect and sync every client (ms). */
  connectMs: number;
  /** Keystrokes sent during the window, over all typers. */
  sent: number;
  /** Keystrokes that arrived at other clients (sent during the window). */
  deliveries: number;
  /** sent × (clients of that document − 1): what full delivery would be. */
  expectedDeliveries: number;
  windowMs: number;
  /** "edit made on A → visible on B", in ms, over every delivery (NaN in process, null over JSON, when none). */
  latencyMs: LatencySummary;
  /** Connection failures, refusals and disconnects seen (first few). */
  errors: string[];
}

export type LoadEvent =
  | { type: "ready"; connected: number }
  | { type: "window-start" }
  | { type: "window-end" }
  | { type: "result"; result: LoadResult }
  | { type: "error"; message: string };
