/**
 * After a merge, on the parent timeline: "Merged “Darker act 3” into main. · Undo merge". Undoing
 * restores, on every document the merge changed, the version recorded just before it.
 */
import { useCallback, useState } from "react";
import { messageOf } from "../app/api";
import { ActionToast } from "../history/ActionToast";
import { versionsApi } from "../history/api";
import { setMergeNotice, useMergeNotice, type MergeNotice } from "./mergeNotice";

async function undoMerge(notice: MergeNotice): Promise<void> {
  for (const { document, version } of notice.versions) await versionsApi.restore(notice.projectId, document, version);
}

export function MergeToast({ projectId }: { projectId: string }) {
  const notice = useMergeNotice();
  const [outcome, setOutcome] = useState<string | null>(null);
  const dismissNotice = useCallback(() => setMergeNotice(null), []);
  const dismissOutcome = useCallback(() => setOutcome(null), []);

  if (outcome) return <ActionToast message={outcome} testId="merge-toast" onDismiss={dismissOutcome} />;
  if (!notice || notice.projectId !== projectId) return null;
  return (
    <ActionToast
      message={`Merged “${notice.branchName}” into ${notice.parentName}.`}
      testId="merge-toast"
      onDismiss={dismissNotice}
      action={{
        label: "Undo merge",
        run: async () => {
          try {
            await undoMerge(notice);
            setOutcome("Merge undone.");
          } catch (cause) {
            setOutcome(`The merge could not be undone: ${messageOf(cause)}`);
          }
          setMergeNotice(null);
        },
      }}
    />
  );
}
