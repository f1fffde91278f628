/**
 * A one-line input for a validated shot field (number, lens, duration). What the user types stays in the
 * field as a draft; it is written to the shot only while valid, and the problem shows inline below it
 * (linked with aria-describedby), so an invalid value never reaches collaborators or the render worker.
 */
import { useId, useState, type KeyboardEvent } from "react";

interface Props {
  label: string;
  /** The shot's current value, as text. */
  value: string;
  problemOf(text: string): string | null;
  commit(text: string): void;
  editable: boolean;
  testId: string;
  className?: string;
  inputMode?: "decimal" | "text";
  list?: string;
  placeholder?: string;
  suffix?: string;
}

export function DraftInput({ label, value, problemOf, commit, editable, testId, className, inputMode, list, placeholder, suffix }: Props) {
  const id = useId();
  // null: show the shot's value (it follows collaborators); a string: the user's text being typed.
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? value;
  const problem = draft === null ? null : problemOf(draft);

  const change = (text: string) => {
    setDraft(text);
    if (problemOf(text) === null) commit(text);
  };
  const settle = () => {
    // A valid draft has been written: show the stored value (normalised, e.g. "2,5" → 2.5).
    if (draft !== null && problemOf(draft) === null) setDraft(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Escape") setDraft(null);
    if (event.key === "Enter") settle();
  };

  return (
    <div className={`shot-field ${className ?? ""}`}>
      <label htmlFor={id}>{label}</label>
      <span className="shot-field-input">
        <input
          id={id}
          type="text"
          inputMode={inputMode}
          list={list}
          placeholder={placeholder}
          value={shown}
          readOnly={!editable}
          aria-invalid={problem !== null}
          aria-describedby={problem ? `${id}-problem` : undefined}
          data-testid={testId}
          onChange={(event) => change(event.target.value)}
          onBlur={settle}
          onKeyDown={onKeyDown}
        />
        {suffix && <span className="shot-field-suffix" aria-hidden="true">{suffix}</span>}
      </span>
      {problem && (
        <span className="shot-field-problem" id={`${id}-problem`} role="alert" data-testid={`${testId}-problem`}>
          {problem}
        </span>
      )}
    </div>
  );
}
