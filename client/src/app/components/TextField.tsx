/** A labelled text input with an optional hint underneath: the one field shape the forms use. */
import type { InputHTMLAttributes } from "react";

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "onChange" | "value"> {
  label: string;
  value: string;
  onValue(value: string): void;
  hint?: string;
  testId: string;
  grow?: boolean;
}

export function TextField({ label, value, onValue, hint, testId, grow, type = "text", ...input }: TextFieldProps) {
  return (
    <label className={grow ? "field field-grow" : "field"}>
      <span>{label}</span>
      <input {...input} type={type} value={value} onChange={(e) => onValue(e.target.value)} data-testid={testId} />
      {hint && <small className="hint">{hint}</small>}
    </label>
  );
}
