/** What the parent sends the attack process (JSON on stdin) and what it reports back (JSON lines on stdout). */

export type AttackKind =
  | "presence-flood"
  | "malformed-frames"
  | "forged-updates"
  | "read-only-updates"
  | "oversized-messages"
  | "connection-flood";

export interface AttackPlan {
  kind: AttackKind;
  /** The collab WebSocket URL, with the protocol parameter. */
  url: string;
  /** The victims' document: what a forged, read-only or presence attack aims at. */
  victimDocument: string;
  /**
   * Documents the attacker may write (their own): frames that need an authenticated socket go to the first;
   * a connection flood spreads over all, so the per-account limit, not the per-document one, is what it meets.
   */
  ownDocuments: string[];
  /** The attacker's token. For presence-flood and read-only-updates the attacker is a member of the victims' project. */
  token: string;
  /** How long the attack lasts once started (ms). */
  durationMs: number;
  seed: number;
}

export interface AttackStats {
  /** Frames (or, for connection-flood, connection attempts) sent. */
  sent: number;
  /** WebSocket connections opened. */
  connections: number;
  /** How the server closed the attacker's sockets: close code → count. */
  closes: Record<string, number>;
  /** Authentication answers other than success: reason → count. */
  refusals: Record<string, number>;
  /** Sockets the server left open and authenticated at the end (connection-flood). */
  heldOpen: number;
  /** Sockets still open a while after a bad frame (malformed-frames, oversized-messages), hung up by the attacker. */
  leftOpen: number;
  durationMs: number;
  errors: string[];
}

export type AttackEvent =
  | { type: "started" }
  | { type: "result"; stats: AttackStats }
  | { type: "error"; message: string };
