/** A read-only scope granted because of a lock stops counting once the page sees the lock lifted. */
import { describe, expect, it } from "vitest";
import type { AuthorizedScope } from "@hocuspocus/provider";
import { UNLOCKED_MIRROR, type LockMirror } from "@aiuteur/shared";
import { useTestRoot } from "../testing/reactRoot";
import { useLockAwareScope } from "./useLockAwareScope";

const root = useTestRoot();
const LOCKED: LockMirror = { status: "locked", byName: "Dana", at: 1, reason: "" };

function Probe({ scope, mirror }: { scope: AuthorizedScope | null; mirror: LockMirror }) {
  return <output>{useLockAwareScope(scope, mirror) ?? "none"}</output>;
}

/** Renders the probe again with new inputs, as a page re-renders, and reads the scope it decided. */
function show(scope: AuthorizedScope | null, mirror: LockMirror): string {
  root.render(<Probe scope={scope} mirror={mirror} />);
  return root.text();
}

describe("the lock-aware scope", () => {
  it("reads a read-only scope as writable after the lock it came from is lifted", () => {
    expect(show("readonly", LOCKED)).toBe("readonly");
    expect(show("readonly", UNLOCKED_MIRROR)).toBe("read-write");
  });

  it("keeps a read-only scope that no lock explains (a role that may only read)", () => {
    expect(show("readonly", UNLOCKED_MIRROR)).toBe("readonly");
    expect(show("read-write", UNLOCKED_MIRROR)).toBe("read-write");
  });

  it("starts over when the connection authenticates again", () => {
    show("readonly", LOCKED);
    show("read-write", UNLOCKED_MIRROR);
    expect(show("readonly", UNLOCKED_MIRROR)).toBe("readonly");
  });
});
