/**
 * What a person sees of a lock without any server call: the state from the document's mirror (changing
 * live), who may press which button, and why a disabled button is disabled, in visible text.
 */
import { describe, expect, it } from "vitest";
import { act } from "react";
import * as Y from "yjs";
import { UNLOCKED_MIRROR, addShotToStoryboard, initShotDocument, readShotOrder, writeLockMirror, type LockMirror, type Role } from "@aiuteur/shared";
import type { PooledDocument } from "../storyboard/documentPool";
import { ShotGrid } from "../storyboard/ShotGrid";
import { useTestRoot } from "../testing/reactRoot";
import { LockControl } from "./LockControl";
import { useLockMirror } from "./useLockMirror";

const root = useTestRoot();
const mount = root.render;
const find = root.find;
const SHOT = "p/projprojprojproj/b/main/shot/shotaaaaaaaaaaaa";
const LOCKED: LockMirror = { status: "locked", byName: "Dana", at: new Date(2025, 0, 5, 9, 30).getTime(), reason: "" };

/** A LockControl over a live document's mirror, the way the pages use it. */
function LiveControl({ doc, role, refusal = null }: { doc: Y.Doc; role: Role; refusal?: string | null }) {
  const mirror = useLockMirror(doc, SHOT);
  return <LockControl projectId="projprojprojproj" document={SHOT} mirror={mirror} role={role} what="shot 1" refusal={refusal} branchName="Pilot — alternative" />;
}

describe("the lock control", () => {
  it("shows a director the shot's gating reason until the script is locked", () => {
    mount(<LiveControl doc={new Y.Doc()} role="director" refusal="Lock the script of episode 1 first" />);
    expect(find("lock-status")!.textContent).toBe("Not locked");
    expect((find("lock-button") as HTMLButtonElement).disabled).toBe(true);
    expect(find("lock-why")!.textContent).toBe("Lock the script of episode 1 first");
  });

  it("lets a director lock when nothing stands in the way", () => {
    mount(<LiveControl doc={new Y.Doc()} role="owner" />);
    expect((find("lock-button") as HTMLButtonElement).disabled).toBe(false);
    expect(find("lock-why")).toBeNull();
  });

  it("tells other roles that only owners and directors can lock", () => {
    mount(<LiveControl doc={new Y.Doc()} role="artist" />);
    expect((find("lock-button") as HTMLButtonElement).disabled).toBe(true);
    expect(find("lock-why")!.textContent).toBe("Only owners and directors can lock");
  });

  it("follows the document's mirror live: locked, invalidated with its reason, unlocked again", () => {
    const doc = new Y.Doc();
    mount(<LiveControl doc={doc} role="director" />);
    act(() => writeLockMirror(doc, "main", LOCKED));
    expect(find("lock-status")!.textContent).toBe("Locked by Dana · 09:30");
    expect(find("unlock-button")).not.toBeNull();
    expect(find("lock-button")).toBeNull();

    act(() => writeLockMirror(doc, "main", { ...LOCKED, status: "invalidated", reason: "Scene 4 changed in the script" }));
    expect(find("lock-status")!.textContent).toBe("Invalidated: Scene 4 changed in the script");
    expect((find("reapprove-button") as HTMLButtonElement).disabled).toBe(false);

    act(() => writeLockMirror(doc, "main", UNLOCKED_MIRROR));
    expect(find("lock-button")).not.toBeNull();
  });

  it("ignores another timeline's lock in the same document", () => {
    const doc = new Y.Doc();
    mount(<LiveControl doc={doc} role="director" />);
    act(() => writeLockMirror(doc, "branchbranchbran", LOCKED));
    expect(find("lock-status")!.textContent).toBe("Not locked");
  });

  it("offers both ways of unlocking, with an editable timeline name", () => {
    const doc = new Y.Doc();
    writeLockMirror(doc, "main", LOCKED);
    mount(<LiveControl doc={doc} role="director" />);
    act(() => find("unlock-button")!.click());
    expect(find("unlock-here")).not.toBeNull();
    expect((find("unlock-branch-name") as HTMLInputElement).value).toBe("Pilot — alternative");
    expect(find("unlock-on-branch")!.textContent).toBe("Unlock on a new branch");
  });
});

describe("a locked shot on the storyboard grid", () => {
  it("shows a lock badge and closes the quick edit the moment its mirror says locked", () => {
    const storyboard = new Y.Doc();
    addShotToStoryboard(storyboard, "shotaaaaaaaaaaaa");
    const shot = new Y.Doc();
    initShotDocument(shot, { number: "1", sceneId: "scene", duration: 3 });
    const docs = new Map([[SHOT, { doc: shot } as PooledDocument]]);
    mount(
      <ShotGrid
        projectId="projprojprojproj"
        episodeId="e"
        storyboard={storyboard}
        order={readShotOrder(storyboard)}
        docs={docs}
        arrangeable={false}
        editable
        label="Shots"
      />,
    );
    expect(find("shot-duration")).not.toBeNull();
    expect(find("lock-badge")).toBeNull();

    act(() => writeLockMirror(shot, "main", LOCKED));
    expect(find("lock-badge")!.textContent).toBe("Locked");
    expect(find("shot-duration")).toBeNull();
  });
});
