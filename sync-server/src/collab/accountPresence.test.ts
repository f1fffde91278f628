import { describe, expect, it } from "vitest";
import { AccountPresenceBudgets, presenceSlotOf, PRESENCE_SLOT_KEY } from "./accountPresence.js";

describe("AccountPresenceBudgets", () => {
  it("shares one budget between an account's sockets, so a new socket buys no new burst", () => {
    let now = 0;
    const budgets = new AccountPresenceBudgets(10, 5, () => now);
    // Five messages pass, from whichever socket; the sixth is dropped for every socket of the account.
    expect(Array.from({ length: 5 }, () => budgets.allow("flooder"))).toEqual([true, true, true, true, true]);
    expect(budgets.allow("flooder")).toBe(false);
    // Another account is not affected.
    expect(budgets.allow("colleague")).toBe(true);
  });

  it("drops everything while an account floods above the rate, and relays it again soon after it stops", () => {
    let now = 0;
    const budgets = new AccountPresenceBudgets(10, 5, () => now);
    let relayed = 0;
    // 1,000 messages a second for 10 seconds: at most the burst gets through, not the steady rate too,
    // because the flood keeps the account in debt.
    for (let i = 0; i < 10_000; i++) {
      now += 1;
      if (budgets.allow("flooder")) relayed += 1;
    }
    expect(relayed).toBe(5);
    // The debt is bounded by one burst: a second after the flood stops, presence is relayed again.
    now += 1000;
    expect(budgets.allow("flooder")).toBe(true);
  });

  it("forgets accounts whose budget refilled, so memory does not grow with every account ever seen", () => {
    let now = 0;
    const budgets = new AccountPresenceBudgets(10, 5, () => now);
    for (let i = 0; i < 100; i++) budgets.allow(`account-${i}`);
    expect(budgets.size).toBe(100);
    now += 60_000;
    budgets.allow("latest");
    expect(budgets.size).toBe(1);
  });
});

describe("presenceSlotOf", () => {
  it("finds the socket's slot in a hook's context, and nothing in a context without one", () => {
    const slot = { account: null };
    expect(presenceSlotOf({ [PRESENCE_SLOT_KEY]: slot, other: 1 })).toBe(slot);
    expect(presenceSlotOf({})).toBeUndefined();
    expect(presenceSlotOf(undefined)).toBeUndefined();
    expect(presenceSlotOf({ [PRESENCE_SLOT_KEY]: "forged" })).toBeUndefined();
  });
});
