import { describe, expect, it } from "vitest";
import { act } from "react";
import * as Y from "yjs";
import { addBeat, updateBeat, type VersionInfo } from "@aiuteur/shared";
import { useTestRoot } from "../testing/reactRoot";
import { BeatsDiffView } from "./BeatsDiffView";
import { VersionItem } from "./VersionItem";

const view = useTestRoot();
const click = (element: Element | undefined) => act(() => (element as HTMLElement).click());
const byTestId = (id: string) => view.findAll(id)[0];

const VERSION: VersionInfo = { id: "v1", label: "Table read", author: { id: "u1", displayName: "Dana" }, createdAt: Date.now(), kind: "manual" };

describe("a version in the history list", () => {
  it("shows its label, badge and author, and asks before restoring", () => {
    const restored: string[] = [];
    const viewed: string[] = [];
    const host = view.render(<VersionItem version={VERSION} mayRestore restoring={false} onView={(mode) => viewed.push(mode)} onRestore={() => restored.push("v1")} />);
    expect(host.textContent).toContain("Table read");
    expect(host.textContent).toContain("Saved");
    expect(host.textContent).toContain("Dana · just now");

    click(byTestId("version-compare"));
    expect(viewed).toEqual(["compare"]);

    click(byTestId("version-restore"));
    expect(restored).toEqual([]);
    expect(host.textContent).toContain("Everyone’s copy changes to it now");
    click(byTestId("restore-confirm"));
    expect(restored).toEqual(["v1"]);
  });

  it("offers no restore to a role that may only read", () => {
    view.render(<VersionItem version={VERSION} mayRestore={false} restoring={false} onView={() => {}} onRestore={() => {}} />);
    expect(byTestId("version-restore")).toBeUndefined();
    expect(byTestId("version-open")).toBeDefined();
  });
});

describe("a beat sheet compared with now", () => {
  it("marks added and changed beats in words, not only colour", () => {
    const before = new Y.Doc();
    const kept = addBeat(before, { title: "Catalyst" });
    const after = new Y.Doc();
    Y.applyUpdate(after, Y.encodeStateAsUpdate(before));
    updateBeat(after, kept, { title: "Catalyst: the storm" });
    addBeat(after, { title: "Finale", act: 3 });

    const host = view.render(<BeatsDiffView before={before} after={after} />);
    const rows = [...host.querySelectorAll<HTMLElement>(".beats-diff-row")];
    expect(rows.map((row) => row.dataset.status)).toEqual(["changed", "added"]);
    expect(rows[0]!.querySelector('[aria-label="Changed"]')).not.toBeNull();
    expect(rows[0]!.querySelector("del")?.textContent).toBe("Catalyst");
    expect(rows[1]!.textContent).toContain("Act 3");
  });
});
