/**
 * The plumbing every form here shares: stop the browser's submit, show "busy" while the request runs,
 * and turn any failure into the API's message for the person to read.
 */
import { useState, type FormEvent } from "react";
import { messageOf } from "../api";

export interface FormSubmit {
  busy: boolean;
  error: string | null;
  onSubmit(event: FormEvent<HTMLFormElement>): void;
}

/**
 * `action` runs on submit. With `stayBusyOnSuccess` the form keeps its busy state after success, for forms
 * whose success navigates away (sign-in), so the button does not flicker back before the page changes.
 */
export function useFormSubmit(action: () => Promise<void>, options: { stayBusyOnSuccess?: boolean } = {}): FormSubmit {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    action().then(
      () => {
        if (!options.stayBusyOnSuccess) setBusy(false);
      },
      (cause: unknown) => {
        setError(messageOf(cause));
        setBusy(false);
      },
    );
  };

  return { busy, error, onSubmit };
}
