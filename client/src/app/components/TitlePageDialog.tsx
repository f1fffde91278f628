/**
 * The title page (Title, Credit, Author, Source, Draft date, Contact), edited live in the script document
 * and exported with the Fountain. A field is saved when it loses focus or on Enter; Escape closes.
 */
import { useEffect, useRef, useState } from "react";
import type * as Y from "yjs";
import { MAX_TITLE_FIELD_LENGTH, setTitlePageField, STANDARD_TITLE_FIELDS, titlePageValue } from "@aiuteur/shared";
import { useEscapeKey } from "../hooks/useEscapeKey";
import { useTitlePage } from "../hooks/useTitlePage";

interface Props {
  doc: Y.Doc;
  editable: boolean;
  onClose(): void;
}

const MULTI_LINE = new Set(["Contact", "Title"]);

export function TitlePageDialog({ doc, editable, onClose }: Props) {
  const fields = useTitlePage(doc);
  const first = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  useEscapeKey(onClose);

  return (
    <div className="dialog-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="title-page-heading" data-testid="title-page-dialog">
        <h2 id="title-page-heading">Title page</h2>
        {!editable && <p className="muted">Read only: your role can read the title page but not change it.</p>}
        {STANDARD_TITLE_FIELDS.map((key, index) => (
          <TitleField
            key={key}
            label={key}
            value={titlePageValue(fields, key)}
            multiLine={MULTI_LINE.has(key)}
            disabled={!editable}
            inputRef={index === 0 ? first : undefined}
            onSave={(value) => setTitlePageField(doc, key, value)}
          />
        ))}
        <div className="dialog-actions">
          <button type="button" className="button-primary" onClick={onClose} data-testid="title-page-close">
            Done
          </button>
        </div>
      </div>
    </div>
  );
}

interface FieldProps {
  label: string;
  value: string;
  multiLine: boolean;
  disabled: boolean;
  inputRef?: React.Ref<HTMLTextAreaElement & HTMLInputElement> | undefined;
  onSave(value: string): void;
}

function TitleField({ label, value, multiLine, disabled, inputRef, onSave }: FieldProps) {
  // A local draft while typing; a colleague's change shows as soon as this field is not being edited.
  const [draft, setDraft] = useState<string | null>(null);
  const save = () => {
    if (draft !== null && draft.trim() !== value) onSave(draft);
    setDraft(null);
  };
  const common = {
    value: draft ?? value,
    disabled,
    maxLength: MAX_TITLE_FIELD_LENGTH,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: save,
    "data-testid": `title-page-${label.toLowerCase().replace(/\s+/g, "-")}`,
  };
  return (
    <label className="field">
      <span>{label}</span>
      {multiLine ? (
        <textarea {...common} ref={inputRef} rows={2} />
      ) : (
        <input
          {...common}
          ref={inputRef}
          type="text"
          onKeyDown={(e) => e.key === "Enter" && (e.currentTarget as HTMLInputElement).blur()}
        />
      )}
    </label>
  );
}
