/**
 * "Compare with main" and "Merge into main…" for one timeline, scene by scene on this episode's script.
 * Compare shows the parent against the branch. The merge preview lists every document the merge changes
 * and shows the parent as it is against the parent as it will be; "Merge" applies it (recorded as a
 * version on each changed document, so it can be undone).
 */
import { useState } from "react";
import type { BranchInfo } from "@aiuteur/shared";
import { messageOf } from "../app/api";
import { ErrorMessage } from "../app/components/ErrorMessage";
import { useResource } from "../app/hooks/useResource";
import { ScriptDiffView } from "../history/diff";
import { HistoryDialog } from "../history/HistoryDialog";
import { branchesApi, type MergeResult } from "./api";
import { changeSummary } from "./changeSummary";
import { useBranchComparison } from "./useBranchComparison";

export type CompareMode = "compare" | "merge";

interface Props {
  projectId: string;
  episodeId: string;
  branch: BranchInfo;
  parentName: string;
  mode: CompareMode;
  mayMerge: boolean;
  onModeChange(mode: CompareMode): void;
  onMerged(result: MergeResult): void;
  onClose(): void;
}

export function BranchCompareDialog(props: Props) {
  const { projectId, episodeId, branch, parentName, mode } = props;
  const merging = mode === "merge";
  const comparison = useBranchComparison(projectId, episodeId, branch.parentId, branch.id, merging);
  const changes = useResource(merging ? `branch-changes:${branch.id}` : null, (signal) => branchesApi.changes(projectId, branch.id, signal));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const merge = async () => {
    setBusy(true);
    setError(null);
    try {
      props.onMerged(await branchesApi.merge(projectId, branch.id));
    } catch (cause) {
      setError(messageOf(cause));
      setBusy(false);
    }
  };

  const nothingToMerge = changes.data !== undefined && changes.data.length === 0;
  const actions = merging ? (
    <>
      <button type="button" className="button-quiet" onClick={() => props.onModeChange("compare")}>
        Back to the comparison
      </button>
      <button type="button" className="button-primary" data-testid="merge-confirm" disabled={busy || !changes.data || nothingToMerge} onClick={() => void merge()}>
        {busy ? "Merging…" : `Merge into ${parentName}`}
      </button>
    </>
  ) : props.mayMerge ? (
    <button type="button" className="button-primary" data-testid="merge-preview" onClick={() => props.onModeChange("merge")}>
      Merge into {parentName}…
    </button>
  ) : undefined;

  return (
    <HistoryDialog
      title={merging ? `Merge “${branch.name}” into ${parentName}` : `Compare “${branch.name}” with ${parentName}`}
      subtitle={merging ? `${parentName} now, and ${parentName} after the merge — this episode's script, scene by scene.` : `This episode's script on ${parentName} and on “${branch.name}”, scene by scene.`}
      testId={merging ? "merge-dialog" : "compare-dialog"}
      onClose={props.onClose}
      actions={actions}
    >
      {merging && (
        <section className="merge-changes" aria-label="What the merge changes" data-testid="merge-changes">
          {changes.data === undefined ? (
            <p className="muted" role="status">
              Finding what the merge changes…
            </p>
          ) : nothingToMerge ? (
            <p>Nothing to merge: {parentName} already has everything on this timeline.</p>
          ) : (
            <p>
              The merge changes {changeSummary(changes.data).join(" · ")} in {parentName}. A version of each is saved first, so the merge can be
              undone.
            </p>
          )}
        </section>
      )}
      <ErrorMessage message={error ?? comparison.error ?? (changes.error ? messageOf(changes.error) : null)} />
      {comparison.parent && comparison.after ? (
        <ScriptDiffView
          before={comparison.parent}
          after={comparison.after}
          beforeLabel={merging ? `${parentName} now` : parentName}
          afterLabel={merging ? `${parentName} after the merge` : branch.name}
        />
      ) : (
        !comparison.error && (
          <p className="muted" role="status">
            Opening both scripts…
          </p>
        )
      )}
    </HistoryDialog>
  );
}
