/**
 * A button's request: "busy" while it runs (so it cannot be sent twice) and the API's message when it
 * fails, cleared on the next try.
 */
import { useState } from "react";
import { messageOf } from "../api";

export interface RequestAction {
  busy: boolean;
  error: string | null;
  run(): void;
}

export function useRequestAction(action: () => Promise<unknown>): RequestAction {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = () => {
    setBusy(true);
    setError(null);
    action().then(
      () => setBusy(false),
      (cause: unknown) => {
        setError(messageOf(cause));
        setBusy(false);
      },
    );
  };
  return { busy, error, run };
}
