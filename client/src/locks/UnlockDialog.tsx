/**
 * Unlocking approved work: "Unlock here" reopens it on this timeline; "Unlock on a new branch" leaves it
 * locked and forks a story timeline (named in the dialog) where everything is open, then goes there.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { BRANCH_NAME_MAX } from "@aiuteur/shared";
import { ErrorMessage } from "../app/components/ErrorMessage";
import { useEscapeKey } from "../app/hooks/useEscapeKey";

interface Props {
  /** What is unlocked, e.g. "the script" or "shot 4". */
  what: string;
  defaultBranchName: string;
  busy: boolean;
  error: string | null;
  onUnlockHere(): void;
  onUnlockOnBranch(name: string): void;
  onClose(): void;
}

export function UnlockDialog({ what, defaultBranchName, busy, error, onUnlockHere, onUnlockOnBranch, onClose }: Props) {
  const id = useId();
  const [name, setName] = useState(defaultBranchName);
  const [nameError, setNameError] = useState<string | null>(null);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  useEscapeKey(onClose);

  const submitBranch = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === "") return setNameError("Give the new timeline a name.");
    setNameError(null);
    onUnlockOnBranch(trimmed);
  };

  return (
    <div className="dialog-backdrop" onClick={(event) => event.target === event.currentTarget && onClose()}>
      <div className="dialog unlock-dialog" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} data-testid="unlock-dialog">
        <h2 id={`${id}-title`}>Unlock {what}?</h2>
        <section className="unlock-choice">
          <p>Reopen it for changes on this timeline. Its approval is recorded in the history.</p>
          <button type="button" ref={first} className="button-primary" data-testid="unlock-here" disabled={busy} onClick={onUnlockHere}>
            Unlock here
          </button>
        </section>
        <form className="unlock-choice" onSubmit={submitBranch}>
          <p>Or keep it locked here and try changes on a new story timeline.</p>
          <label htmlFor={`${id}-branch`}>New timeline name</label>
          <input
            id={`${id}-branch`}
            data-testid="unlock-branch-name"
            value={name}
            maxLength={BRANCH_NAME_MAX}
            onChange={(event) => setName(event.target.value)}
          />
          <ErrorMessage message={nameError} />
          <button type="submit" className="button-secondary" data-testid="unlock-on-branch" disabled={busy}>
            Unlock on a new branch
          </button>
        </form>
        <ErrorMessage message={error} />
        <div className="dialog-actions">
          <button type="button" className="button-quiet" onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
