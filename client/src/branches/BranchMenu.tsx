/**
 * The timeline menu: every timeline (links to this screen on it), then what can be done from here —
 * start a new one, and on a branch compare it, merge it, delete it.
 */
import { Link, useLocation } from "react-router";
import { MAIN_BRANCH, type BranchInfo } from "@aiuteur/shared";
import { pathOnBranch } from "./branchNavigation";
import { MAIN_NAME } from "./useBranches";

export type BranchAction = "new" | "compare" | "merge" | "delete";

interface Props {
  branches: readonly BranchInfo[] | undefined;
  currentId: string;
  /** The current branch's parent's name (null on main). */
  parentName: string | null;
  may: Record<BranchAction, boolean>;
  onAction(action: BranchAction): void;
  onNavigate(): void;
}

export function BranchMenu({ branches, currentId, parentName, may, onAction, onNavigate }: Props) {
  const location = useLocation();
  const all = [{ id: MAIN_BRANCH, name: MAIN_NAME }, ...(branches ?? [])];
  const onBranch = currentId !== MAIN_BRANCH && parentName !== null;
  return (
    <div className="branch-menu" id="branch-menu" data-testid="branch-menu">
      <p className="branch-menu-heading">Story timelines</p>
      <ul className="branch-menu-list">
        {all.map((branch) => (
          <li key={branch.id}>
            <Link
              to={pathOnBranch(location, branch.id)}
              className={`branch-menu-item${branch.id === currentId ? " is-current" : ""}`}
              aria-current={branch.id === currentId ? "true" : undefined}
              data-testid="branch-option"
              onClick={onNavigate}
            >
              <span className="branch-menu-check" aria-hidden="true">
                {branch.id === currentId ? "✓" : ""}
              </span>
              {branch.name}
            </Link>
          </li>
        ))}
        {branches === undefined && <li className="muted branch-menu-note">Loading timelines…</li>}
      </ul>
      <div className="branch-menu-actions">
        {may.new && <MenuButton action="new" label="New timeline…" onAction={onAction} />}
        {onBranch && <MenuButton action="compare" label={`Compare with ${parentName}`} onAction={onAction} />}
        {onBranch && may.merge && <MenuButton action="merge" label={`Merge into ${parentName}…`} onAction={onAction} />}
        {onBranch && may.delete && <MenuButton action="delete" label="Delete timeline…" onAction={onAction} danger />}
      </div>
    </div>
  );
}

function MenuButton(props: { action: BranchAction; label: string; danger?: boolean; onAction(action: BranchAction): void }) {
  return (
    <button
      type="button"
      className={`branch-menu-action${props.danger ? " is-danger" : ""}`}
      data-testid={`branch-${props.action}`}
      onClick={() => props.onAction(props.action)}
    >
      {props.label}
    </button>
  );
}
