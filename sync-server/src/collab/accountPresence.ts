/**
 * One presence budget per account, shared by all of the account's sockets on this instance. The per-socket
 * budget (awarenessBudget.ts) stops one socket from flooding, but an account could open many sockets, or
 * reconnect after each awarenessFlood close, and get a fresh burst relayed to everyone every time: the
 * attack benchmark measured a member's 8 flooding sockets taking the server from 6% to 52% of a core that
 * way. Relayed presence per account is capped here; messages beyond it are dropped, never closed on, since
 * presence is ephemeral and the next message replaces the last.
 *
 * The socket layer does not know who a socket belongs to until Hocuspocus authenticates it, so each socket
 * gets a PresenceSlot, handed to the hooks in the connection's context, which authentication fills in.
 */
import { AwarenessBudget } from "./awarenessBudget.js";

/** Which account a socket is authenticated as, once it is (null before, and for the render worker). */
export interface PresenceSlot {
  account: string | null;
}

/** The context key under which the socket layer hands each connection its PresenceSlot. */
export const PRESENCE_SLOT_KEY = "presenceSlot";

/** The slot in a Hocuspocus hook's context, when the socket layer put one there. */
export function presenceSlotOf(context: unknown): PresenceSlot | undefined {
  const slot = (context as Record<string, unknown> | undefined)?.[PRESENCE_SLOT_KEY];
  return slot && typeof slot === "object" && "account" in slot ? (slot as PresenceSlot) : undefined;
}

const SWEEP_EVERY_MS = 30_000;

export class AccountPresenceBudgets {
  private readonly budgets = new Map<string, AwarenessBudget>();
  private sweptAt: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.sweptAt = now();
  }

  /** True when the account may have one more presence message relayed now. */
  allow(account: string): boolean {
    this.sweep();
    let budget = this.budgets.get(account);
    if (!budget) {
      // The debt stops at one burst: an account that flooded is relayed again burst / perSecond after it stops.
      budget = new AwarenessBudget(this.perSecond, this.burst, this.now, -this.burst);
      this.budgets.set(account, budget);
    }
    return budget.spend() === "pass";
  }

  /** Accounts tracked now (for tests). */
  get size(): number {
    return this.budgets.size;
  }

  /** Forgets accounts whose budget has refilled: a fresh budget is the same, so memory stays bounded. */
  private sweep(): void {
    const now = this.now();
    if (now - this.sweptAt < SWEEP_EVERY_MS) return;
    this.sweptAt = now;
    for (const [account, budget] of this.budgets) if (budget.isFull()) this.budgets.delete(account);
  }
}
