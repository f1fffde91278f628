/**
 * "Import .fountain": reads the picked file as text and creates an episode from it. The server parses and
 * validates (a broken or binary file is refused with a clear message and nothing is created); we only
 * name the episode after the title page or the file, and refuse oversized files before uploading them.
 */
import { useId, useState, type ChangeEvent } from "react";
import { LIMITS, type EpisodeInfo } from "@aiuteur/shared";
import { useBranchId } from "../../branches/branchContext";
import { api, messageOf } from "../api";
import { titleForImport } from "../fountainFile";
import { ErrorMessage } from "./ErrorMessage";

export function ImportFountainButton({ projectId, onImported }: { projectId: string; onImported(episode: EpisodeInfo): void }) {
  const inputId = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const branchId = useBranchId();

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setError(null);
    if (file.size > LIMITS.maxFountainBytes) {
      setError(`“${file.name}” is too large to import (limit ${LIMITS.maxFountainBytes / (1024 * 1024)} MB).`);
      input.value = "";
      return;
    }
    setBusy(true);
    try {
      const text = await file.text();
      onImported(await api.createEpisode(projectId, titleForImport(file.name, text), text, branchId));
    } catch (cause) {
      setError(`Couldn't import “${file.name}”: ${messageOf(cause)}`);
    } finally {
      setBusy(false);
      input.value = ""; // so picking the same file again (after fixing it) fires change again
    }
  }

  return (
    <div className="import-fountain">
      <input
        id={inputId}
        type="file"
        accept=".fountain,.spmd,.txt,text/plain"
        className="visually-hidden-file"
        onChange={(e) => void importFile(e)}
        disabled={busy}
        data-testid="import-fountain-input"
      />
      {/* After the input, so CSS can show the input's keyboard focus on this visible label. */}
      <label htmlFor={inputId} className={`button-secondary file-button${busy ? " is-busy" : ""}`}>
        {busy ? "Importing…" : "Import .fountain"}
      </label>
      <ErrorMessage message={error} />
    </div>
  );
}
