/**
 * The story timeline in the header: its name is always on screen ("Timeline: main", "Timeline: Darker
 * act 3"), and the button opens the timeline menu (switch, new, compare, merge, delete) and its dialogs.
 * Roles that write the story or its storyboards may start and merge timelines; only owners delete them.
 */
import { useEffect, useRef, useState } from "react";
import { useLocation, useNavigate } from "react-router";
import { canWrite, MAIN_BRANCH, type Role } from "@aiuteur/shared";
import { BranchCompareDialog } from "./BranchCompareDialog";
import { useBranchId } from "./branchContext";
import { BranchMenu, type BranchAction } from "./BranchMenu";
import { pathOnBranch } from "./branchNavigation";
import { DeleteBranchDialog } from "./DeleteBranchDialog";
import { setMergeNotice } from "./mergeNotice";
import { MergeToast } from "./MergeToast";
import { NewBranchDialog } from "./NewBranchDialog";
import { branchName, useBranches } from "./useBranches";
import "./branches.css";

interface Props {
  projectId: string;
  /** The episode on screen: comparisons and "start from a version" use its script. */
  episodeId: string | null;
  role: Role | null;
}

export function BranchSwitcher({ projectId, episodeId, role }: Props) {
  const branchId = useBranchId();
  const branches = useBranches(projectId);
  const navigate = useNavigate();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const [dialog, setDialog] = useState<BranchAction | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useDismiss(menuOpen, root, () => setMenuOpen(false), () => button.current?.focus());

  const current = branches.data?.find((branch) => branch.id === branchId) ?? null;
  const name = branchName(branches.data, branchId) ?? (branches.loading ? "…" : "unknown timeline");
  const parentName = current ? (branchName(branches.data, current.parentId) ?? "its parent") : null;
  // As the server decides: those who write the story or its storyboards fork and merge (a merge that
  // touches a kind they cannot write is refused with the reason).
  const mayWrite = role !== null && (canWrite(role, "script") || canWrite(role, "storyboard"));
  const may = { new: mayWrite, compare: episodeId !== null, merge: mayWrite && episodeId !== null, delete: role === "owner" };
  const { reload } = branches;
  // A timeline made elsewhere (a colleague, "Unlock on a new branch") is not in the list yet: ask again
  // once for it, and refresh the list whenever the menu opens.
  const missing = branches.data !== undefined && branchId !== MAIN_BRANCH && current === null;
  const askedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!missing || askedFor.current === branchId) return;
    askedFor.current = branchId;
    reload();
  }, [missing, branchId, reload]);

  const act = (action: BranchAction) => {
    setMenuOpen(false);
    setDialog(action);
  };
  const goTo = (id: string) => void navigate(pathOnBranch(location, id));

  return (
    <div className="branch-switcher" ref={root}>
      <button
        type="button"
        ref={button}
        className={`branch-switcher-button${branchId === MAIN_BRANCH ? "" : " is-branch"}`}
        aria-expanded={menuOpen}
        aria-controls="branch-menu"
        aria-label={`Story timeline: ${name}. Change timeline`}
        data-testid="branch-switcher"
        onClick={() => {
          if (!menuOpen) reload();
          setMenuOpen(!menuOpen);
        }}
      >
        <span className="branch-switcher-prefix">Timeline:</span>
        <span className="branch-switcher-name" data-testid="current-branch-name">
          {name}
        </span>
        <span aria-hidden="true">▾</span>
      </button>
      {menuOpen && (
        <BranchMenu
          branches={branches.data}
          currentId={branchId}
          parentName={parentName}
          may={may}
          onAction={act}
          onNavigate={() => setMenuOpen(false)}
        />
      )}
      {dialog === "new" && (
        <NewBranchDialog
          projectId={projectId}
          episodeId={episodeId}
          parentId={branchId}
          parentName={name}
          onClose={() => setDialog(null)}
          onCreated={(branch) => {
            setDialog(null);
            reload();
            goTo(branch.id);
          }}
        />
      )}
      {(dialog === "compare" || dialog === "merge") && current && episodeId && parentName && (
        <BranchCompareDialog
          projectId={projectId}
          episodeId={episodeId}
          branch={current}
          parentName={parentName}
          mode={dialog}
          mayMerge={may.merge}
          onModeChange={setDialog}
          onClose={() => setDialog(null)}
          onMerged={(result) => {
            setMergeNotice({ projectId, branchName: current.name, parentName, versions: result.versions });
            setDialog(null);
            goTo(current.parentId);
          }}
        />
      )}
      {dialog === "delete" && current && (
        <DeleteBranchDialog
          projectId={projectId}
          branch={current}
          onClose={() => setDialog(null)}
          onDeleted={() => {
            setDialog(null);
            reload();
            goTo(current.parentId);
          }}
        />
      )}
      <MergeToast projectId={projectId} />
    </div>
  );
}

/** Closes the menu on Escape (returning focus to its button) or a press outside it. */
function useDismiss(open: boolean, root: React.RefObject<HTMLElement | null>, close: () => void, refocus: () => void): void {
  const closeRef = useRef({ close, refocus });
  closeRef.current = { close, refocus };
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) closeRef.current.close();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      closeRef.current.close();
      closeRef.current.refocus();
    };
    document.addEventListener("pointerdown", onPointer);
    window.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      window.removeEventListener("keydown", onKey);
    };
  }, [open, root]);
}
