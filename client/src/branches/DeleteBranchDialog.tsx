/**
 * "Delete timeline…" (owners only): typing the timeline's name confirms. Its documents go; its versions
 * are kept for 30 days.
 */
import { useState } from "react";
import type { BranchInfo } from "@aiuteur/shared";
import { ErrorMessage } from "../app/components/ErrorMessage";
import { useFormSubmit } from "../app/hooks/useFormSubmit";
import { HistoryDialog } from "../history/HistoryDialog";
import { branchesApi } from "./api";

interface Props {
  projectId: string;
  branch: BranchInfo;
  onDeleted(): void;
  onClose(): void;
}

export function DeleteBranchDialog({ projectId, branch, onDeleted, onClose }: Props) {
  const [typed, setTyped] = useState("");
  const matches = typed.trim() === branch.name.trim();
  const form = useFormSubmit(
    async () => {
      if (!matches) throw new Error(`Type “${branch.name}” to confirm.`);
      await branchesApi.remove(projectId, branch.id);
      onDeleted();
    },
    { stayBusyOnSuccess: true },
  );

  return (
    <HistoryDialog title={`Delete “${branch.name}”?`} testId="delete-branch" onClose={onClose}>
      <form className="branch-form" onSubmit={form.onSubmit}>
        <p>
          The timeline and its documents are deleted for everyone; anything not merged is no longer editable. Its versions are kept for 30
          days.
        </p>
        <label htmlFor="delete-branch-name">Type the timeline’s name to confirm: {branch.name}</label>
        <input id="delete-branch-name" data-testid="delete-branch-name" value={typed} autoFocus onChange={(event) => setTyped(event.target.value)} />
        <ErrorMessage message={form.error} />
        <div className="dialog-actions">
          <button type="button" className="button-quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button-danger" data-testid="delete-branch-confirm" disabled={!matches || form.busy}>
            {form.busy ? "Deleting…" : "Delete timeline"}
          </button>
        </div>
      </form>
    </HistoryDialog>
  );
}
