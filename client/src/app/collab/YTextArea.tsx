/**
 * A text area (or one-line input) bound to a Y.Text, for fields several people may type into at once:
 * a beat's description, a shot's action, a registry entry.
 *
 * Typing writes the smallest edit (shared setText), so a colleague's concurrent typing elsewhere in the
 * field survives. A remote edit moves our caret with the text around it (the change's delta shifts the
 * selection), instead of the browser jumping the caret to the end when the value is replaced.
 */
import { useEffect, useRef, useState, type ChangeEvent } from "react";
import * as Y from "yjs";
import { setText } from "@aiuteur/shared";
import { shiftThroughDelta } from "./shiftThroughDelta";

interface Props {
  text: Y.Text | null;
  readOnly?: boolean;
  /** A textarea that grows with its content (default) or a one-line input. */
  multiline?: boolean;
  placeholder?: string;
  className?: string;
  maxLength?: number;
  rows?: number;
  id?: string;
  "aria-label"?: string;
  "data-testid"?: string;
}

export function YTextArea({ text, readOnly = false, multiline = true, rows = 3, ...rest }: Props) {
  const ref = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const [value, setValue] = useState(() => text?.toString() ?? "");
  // Identifies our own transactions, so the observer does not echo them back into the field.
  const origin = useRef({ source: "YTextArea" }).current;

  useEffect(() => {
    if (!text) return;
    setValue(text.toString());
    const onChange = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      if (transaction.origin === origin) return;
      const next = text.toString();
      const el = ref.current;
      if (el && document.activeElement === el) {
        const start = shiftThroughDelta(el.selectionStart ?? 0, event.delta);
        const end = shiftThroughDelta(el.selectionEnd ?? 0, event.delta);
        el.value = next;
        el.setSelectionRange(start, end);
      }
      setValue(next);
    };
    text.observe(onChange);
    return () => text.unobserve(onChange);
  }, [text, origin]);

  const onInput = (event: ChangeEvent<HTMLTextAreaElement | HTMLInputElement>) => {
    const next = event.target.value;
    setValue(next);
    if (!text || readOnly) return;
    const doc = text.doc;
    if (doc) doc.transact(() => setText(text, next), origin);
    else setText(text, next);
  };

  const common = {
    ref,
    value,
    onChange: onInput,
    readOnly: readOnly || text === null,
    placeholder: rest.placeholder,
    className: rest.className,
    maxLength: rest.maxLength,
    id: rest.id,
    "aria-label": rest["aria-label"],
    "data-testid": rest["data-testid"],
  };
  return multiline ? <textarea {...common} rows={rows} /> : <input type="text" {...common} />;
}
