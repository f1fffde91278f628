/**
 * A per-socket budget for presence (awareness) messages. Hocuspocus relays every awareness message to every
 * other client of the document, so one client sending thousands a second costs the server and every other
 * client dearly while costing the sender nothing. A token bucket allows bursts (a pooled socket announcing
 * itself on 80 documents at once) and a steady rate far above typing with a caret; messages beyond it are
 * dropped (presence is ephemeral: the next one replaces it), and a socket that keeps flooding is closed.
 */
import { AWARENESS_MESSAGE_TYPES, type FrameHeader } from "./frames.js";

/** True when a Hocuspocus frame is an awareness message. */
export function isAwarenessMessage(header: FrameHeader): boolean {
  return AWARENESS_MESSAGE_TYPES.has(header.type);
}

export type AwarenessVerdict = "pass" | "drop" | "close";

export class AwarenessBudget {
  private tokens: number;
  private updatedAt: number;

  /**
   * `floor` bounds the debt a flood runs up: without one (a socket's budget) the debt grows until the
   * socket is closed; with one (an account's budget, never closed) the account waits at most
   * -floor / perSecond seconds after its flood stops before its presence is relayed again.
   */
  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
    private readonly floor = Number.NEGATIVE_INFINITY,
  ) {
    this.tokens = burst;
    this.updatedAt = now();
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.perSecond);
    this.updatedAt = now;
  }

  /** Spends one message. Below zero the message is dropped; a whole burst's worth below zero closes. */
  spend(): AwarenessVerdict {
    this.refill();
    this.tokens = Math.max(this.floor, this.tokens - 1);
    if (this.tokens >= 0) return "pass";
    return this.tokens < -this.burst ? "close" : "drop";
  }

  /** True when the budget has refilled completely: it is then the same as a new one. */
  isFull(): boolean {
    this.refill();
    return this.tokens >= this.burst;
  }
}
