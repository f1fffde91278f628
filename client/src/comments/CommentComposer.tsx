/**
 * A comment text box with @mention autocomplete: typing "@" lists the project's members, ↑/↓ pick,
 * Enter or Tab inserts "@Name", Escape closes the list; Mod+Enter sends. The mentioned user ids are
 * computed from the final text (findMentions), so editing a mention by hand stays honest.
 */
import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { THREAD_LIMITS, findMentions, type Author } from "@aiuteur/shared";
import { isMac } from "../editor/shortcuts";
import { insertMention, matchMembers, mentionQueryAt, type MentionQuery } from "./mentions";

export interface CommentComposerProps {
  members: readonly Author[];
  onSubmit(body: string, mentions: string[]): void;
  placeholder: string;
  autoFocus?: boolean;
  submitLabel?: string;
  onCancel?(): void;
  /** Prefix of the data-testids: `<testId>-input`, `<testId>-submit`, `<testId>-cancel`. */
  testId?: string;
  "aria-label"?: string;
}

export function CommentComposer(props: CommentComposerProps) {
  const { members, onSubmit, placeholder, autoFocus, submitLabel = "Comment", onCancel, testId = "comment-composer" } = props;
  const [body, setBody] = useState("");
  const [mention, setMention] = useState<MentionQuery | null>(null);
  const [highlighted, setHighlighted] = useState(0);
  const input = useRef<HTMLTextAreaElement>(null);
  // Where the caret goes once React has written a new value (after inserting a mention).
  const caretAfterRender = useRef<number | null>(null);
  useLayoutEffect(() => {
    const caret = caretAfterRender.current;
    if (caret === null || !input.current) return;
    caretAfterRender.current = null;
    input.current.setSelectionRange(caret, caret);
  }, [body]);
  const listId = useId();
  const matches = useMemo(() => (mention ? matchMembers(members, mention.query) : []), [members, mention]);
  const listOpen = mention !== null && matches.length > 0;

  const track = (text: string, caret: number) => {
    const next = mentionQueryAt(text, caret);
    setMention(next);
    if (next?.query !== mention?.query) setHighlighted(0);
  };

  const choose = (member: Author) => {
    const field = input.current;
    if (!mention || !field) return;
    const next = insertMention(body, mention, field.selectionStart, member);
    caretAfterRender.current = next.caret;
    setBody(next.text);
    setMention(null);
    field.focus();
  };

  const send = () => {
    const text = body.trim();
    if (text === "") return;
    onSubmit(text, findMentions(text, members));
    setBody("");
    setMention(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if ((event.metaKey || event.ctrlKey) && event.key === "Enter") {
      event.preventDefault();
      send();
      return;
    }
    if (listOpen) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        setHighlighted((i) => (i + step + matches.length) % matches.length);
        return;
      }
      if (event.key === "Enter" || event.key === "Tab") {
        event.preventDefault();
        const member = matches[Math.min(highlighted, matches.length - 1)];
        if (member) choose(member);
        return;
      }
    }
    if (event.key === "Escape") {
      if (listOpen) {
        event.preventDefault();
        event.stopPropagation();
        setMention(null);
      } else if (onCancel) {
        event.preventDefault();
        event.stopPropagation();
        onCancel();
      }
    }
  };

  const optionId = (index: number) => `${listId}-option-${index}`;
  return (
    <form
      className="comment-composer"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <div className="comment-composer-field">
        <textarea
          ref={input}
          value={body}
          rows={2}
          maxLength={THREAD_LIMITS.body}
          placeholder={placeholder}
          aria-label={props["aria-label"] ?? placeholder}
          autoFocus={autoFocus}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={listOpen}
          aria-controls={listId}
          aria-activedescendant={listOpen ? optionId(highlighted) : undefined}
          data-testid={`${testId}-input`}
          onChange={(event) => {
            setBody(event.target.value);
            track(event.target.value, event.target.selectionStart);
          }}
          onSelect={(event) => track(event.currentTarget.value, event.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(() => setMention(null), 150)}
        />
        {listOpen && (
          <ul className="mention-list" id={listId} role="listbox" aria-label="Mention a project member">
            {matches.map((member, index) => (
              <li
                key={member.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === highlighted}
                className={index === highlighted ? "is-highlighted" : undefined}
                data-testid="mention-option"
                // mousedown, not click: the textarea must keep focus (and its caret) while choosing.
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(member);
                }}
              >
                @{member.name}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="comment-composer-actions">
        <span className="comment-composer-hint muted">@ to mention · {isMac() ? "⌘" : "Ctrl"}+Enter to send</span>
        {onCancel && (
          <button type="button" className="button-quiet" onClick={onCancel} data-testid={`${testId}-cancel`}>
            Cancel
          </button>
        )}
        <button type="submit" className="button-primary" disabled={body.trim() === ""} data-testid={`${testId}-submit`}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
