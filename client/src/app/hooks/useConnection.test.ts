import { describe, expect, it } from "vitest";
import { AUTH_REFUSALS, CLOSE_CODES } from "@aiuteur/shared";
import { authProblem, closeProblem } from "./useConnection";

describe("closeProblem", () => {
  it("asks an outdated client to reload, by close code or by reason", () => {
    expect(closeProblem(CLOSE_CODES.protocolMismatch.code)).toMatchObject({ kind: "close", reload: true });
    expect(closeProblem(1000, CLOSE_CODES.protocolMismatch.reason)).toMatchObject({ reload: true, code: 4400 });
  });

  it("explains each typed limit without asking for a reload", () => {
    for (const { code } of [CLOSE_CODES.messageTooLarge, CLOSE_CODES.documentTooLarge, CLOSE_CODES.tooManyConnections, CLOSE_CODES.awarenessFlood, CLOSE_CODES.storageUnavailable]) {
      const problem = closeProblem(code);
      expect(problem).toMatchObject({ kind: "close", code, reload: false });
      expect(problem?.message.length).toBeGreaterThan(10);
    }
  });

  it("ignores ordinary closes, which the sync indicator covers", () => {
    expect(closeProblem(1006)).toBeNull();
    expect(closeProblem(1000, "")).toBeNull();
  });
});

describe("authProblem", () => {
  it("offers to sign in again only for a refused token", () => {
    expect(authProblem(AUTH_REFUSALS.badToken)).toMatchObject({ signInAgain: true });
    expect(authProblem(AUTH_REFUSALS.notMember)).toMatchObject({ signInAgain: false });
    expect(authProblem(AUTH_REFUSALS.notMember).message).toMatch(/not a member/);
    expect(authProblem("something-new").message).toContain("something-new");
  });

  it("tells an account that opened too many documents what to do", () => {
    const problem = authProblem(CLOSE_CODES.tooManyUserConnections.reason);
    expect(problem).toMatchObject({ kind: "auth", signInAgain: false });
    expect(problem.message).toMatch(/too many documents open/);
  });
});
