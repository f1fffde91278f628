/** "Give it a title and create it": the inline form for new projects and new episodes. */
import { useState } from "react";
import { FIELD_LIMITS } from "@aiuteur/shared";
import { useFormSubmit } from "../hooks/useFormSubmit";
import { ErrorMessage } from "./ErrorMessage";
import { TextField } from "./TextField";

export interface TitleFormProps {
  /** "project" or "episode": names the label, the button and the test ids (new-<noun>-title/submit). */
  noun: string;
  create(title: string): Promise<void>;
}

export function TitleForm({ noun, create }: TitleFormProps) {
  const [title, setTitle] = useState("");
  const form = useFormSubmit(async () => {
    await create(title.trim());
    setTitle("");
  });
  const capitalised = noun[0]!.toUpperCase() + noun.slice(1);

  return (
    <form className="inline-form" onSubmit={form.onSubmit} noValidate>
      <TextField
        label={`New ${noun}`}
        placeholder={`${capitalised} title`}
        maxLength={FIELD_LIMITS.title}
        value={title}
        onValue={setTitle}
        testId={`new-${noun}-title`}
        grow
      />
      <button type="submit" className="button-primary" disabled={form.busy} data-testid={`new-${noun}-submit`}>
        {form.busy ? "Creating…" : `Create ${noun}`}
      </button>
      <ErrorMessage message={form.error} />
    </form>
  );
}
