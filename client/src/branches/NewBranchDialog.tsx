/**
 * "New timeline…": a name, and where the timeline starts — the current state of every document, or a
 * saved version of this episode's script (that script is copied from the version, the rest as it is now).
 */
import { useState } from "react";
import { BRANCH_NAME_MAX, scriptDocumentName, type BranchInfo } from "@aiuteur/shared";
import { messageOf } from "../app/api";
import { ErrorMessage } from "../app/components/ErrorMessage";
import { useFormSubmit } from "../app/hooks/useFormSubmit";
import { useResource } from "../app/hooks/useResource";
import { versionsApi } from "../history/api";
import { HistoryDialog } from "../history/HistoryDialog";
import { versionByline, versionTitle } from "../history/versionText";
import { branchesApi } from "./api";

interface Props {
  projectId: string;
  /** The episode whose script versions can be the starting point (none on the project page). */
  episodeId: string | null;
  /** The timeline being shown: the new one forks from it. */
  parentId: string;
  parentName: string;
  onCreated(branch: BranchInfo): void;
  onClose(): void;
}

export function NewBranchDialog({ projectId, episodeId, parentId, parentName, onCreated, onClose }: Props) {
  const [name, setName] = useState("");
  const [start, setStart] = useState<"now" | "version">("now");
  const [versionId, setVersionId] = useState("");
  const script = episodeId ? scriptDocumentName(projectId, episodeId, parentId) : null;
  const versions = useResource(script && start === "version" ? `versions:${projectId}:${script}` : null, (signal) =>
    versionsApi.list(projectId, script!, signal),
  );

  // Busy until the new timeline opens (success navigates away).
  const form = useFormSubmit(
    async () => {
      const trimmed = name.trim();
      if (trimmed === "") throw new Error("Give the timeline a name, such as “Darker act 3”.");
      if (start === "version" && versionId === "") throw new Error("Choose the version the timeline starts from.");
      onCreated(await branchesApi.create(projectId, trimmed, start === "version" ? versionId : undefined, parentId));
    },
    { stayBusyOnSuccess: true },
  );

  return (
    <HistoryDialog title="New timeline" subtitle={`A copy of the story on “${parentName}” to try something else; merge it back later.`} testId="new-branch" onClose={onClose}>
      <form className="branch-form" onSubmit={form.onSubmit}>
        <label htmlFor="branch-name">Name</label>
        <input
          id="branch-name"
          data-testid="branch-name"
          value={name}
          maxLength={BRANCH_NAME_MAX}
          placeholder="Darker act 3"
          autoFocus
          onChange={(event) => setName(event.target.value)}
        />
        <fieldset className="branch-start">
          <legend>Start from</legend>
          <label>
            <input type="radio" name="branch-start" checked={start === "now"} onChange={() => setStart("now")} /> Now (every document as it is)
          </label>
          {script && (
            <label>
              <input type="radio" name="branch-start" data-testid="branch-from-version" checked={start === "version"} onChange={() => setStart("version")} /> A saved
              version of this script
            </label>
          )}
          {start === "version" && (
            <select
              aria-label="Version to start from"
              data-testid="branch-version"
              value={versionId}
              onChange={(event) => setVersionId(event.target.value)}
            >
              <option value="">{versions.loading ? "Loading versions…" : versions.data?.length === 0 ? "No versions saved yet" : "Choose a version"}</option>
              {versions.data?.map((version) => (
                <option key={version.id} value={version.id}>
                  {versionTitle(version)} — {versionByline(version)}
                </option>
              ))}
            </select>
          )}
        </fieldset>
        <ErrorMessage message={form.error ?? (versions.error ? messageOf(versions.error) : null)} />
        <div className="dialog-actions">
          <button type="button" className="button-quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button-primary" data-testid="branch-create" disabled={form.busy}>
            {form.busy ? "Creating…" : "Create timeline"}
          </button>
        </div>
      </form>
    </HistoryDialog>
  );
}
