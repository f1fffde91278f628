/** "Save version…": a labelled version of the document as it is now (the label is required, short). */
import { useState } from "react";
import { VERSION_LABEL_MAX } from "@aiuteur/shared";
import { ErrorMessage } from "../app/components/ErrorMessage";
import { useFormSubmit } from "../app/hooks/useFormSubmit";

export function SaveVersionForm({ onSave }: { onSave(label: string): Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [label, setLabel] = useState("");
  const form = useFormSubmit(async () => {
    const trimmed = label.trim();
    if (trimmed === "") throw new Error("Give the version a label, such as “Table read draft”.");
    await onSave(trimmed);
    setLabel("");
    setOpen(false);
  });

  if (!open) {
    return (
      <button type="button" className="button-secondary history-save-open" data-testid="save-version" onClick={() => setOpen(true)}>
        Save version…
      </button>
    );
  }

  return (
    <form className="history-save" onSubmit={form.onSubmit}>
      <label htmlFor="version-label">Label</label>
      <div className="history-save-row">
        <input
          id="version-label"
          data-testid="version-label"
          value={label}
          maxLength={VERSION_LABEL_MAX}
          placeholder="Table read draft"
          autoFocus
          onChange={(event) => setLabel(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              event.preventDefault();
              setOpen(false);
            }
          }}
        />
        <button type="submit" className="button-primary" data-testid="save-version-submit" disabled={form.busy}>
          {form.busy ? "Saving…" : "Save"}
        </button>
        <button type="button" className="button-quiet" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      <ErrorMessage message={form.error} />
    </form>
  );
}
