/**
 * "Export .fountain": fetches the server's Fountain rendering of the script with the bearer token and
 * saves it as <title>.fountain. The server converts, so the file matches what every collaborator sees.
 */
import { useState } from "react";
import { useBranchId } from "../../branches/branchContext";
import { api, messageOf } from "../api";
import { saveTextFile } from "../download";
import { fountainFileName } from "../fountainFile";

interface Props {
  projectId: string;
  episodeId: string;
  title: string;
  className?: string;
  onError?: (message: string | null) => void;
}

export function ExportButton({ projectId, episodeId, title, className, onError }: Props) {
  const [busy, setBusy] = useState(false);
  const branchId = useBranchId();

  async function exportScript() {
    setBusy(true);
    onError?.(null);
    try {
      const text = await api.exportFountain(projectId, episodeId, branchId);
      saveTextFile(fountainFileName(title), text);
    } catch (error) {
      onError?.(`Export failed: ${messageOf(error)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <button
      type="button"
      className={className ?? "button-secondary"}
      data-testid="export-fountain"
      onClick={() => void exportScript()}
      disabled={busy}
      aria-label={`Export “${title}” as .fountain`}
    >
      {busy ? "Exporting…" : "Export .fountain"}
    </button>
  );
}
