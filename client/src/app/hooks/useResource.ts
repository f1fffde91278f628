/**
 * Loads one API resource for a screen: aborts on unmount or when the key changes, never shows data that
 * belongs to a previous key, and exposes setData so a screen can show its own successful writes without
 * a refetch.
 */
import { useCallback, useEffect, useState, type Dispatch, type SetStateAction } from "react";

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
  setData: Dispatch<SetStateAction<T | undefined>>;
}

interface Loaded<T> {
  key: string | null;
  data: T | undefined;
  error: unknown;
  loading: boolean;
}

export function useResource<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const [state, setState] = useState<Loaded<T>>({ key, data: undefined, error: null, loading: key !== null });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    setState((prev) => (prev.key === key ? { ...prev, loading: true } : { key, data: undefined, error: null, loading: true }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ key, data, error: null, loading: false });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState((prev) => ({ key, data: prev.key === key ? prev.data : undefined, error, loading: false }));
      },
    );
    return () => controller.abort();
    // `load` is recreated every render by callers; the key says when the resource changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const setData: Dispatch<SetStateAction<T | undefined>> = useCallback(
    (action) =>
      setState((prev) => ({
        ...prev,
        data: typeof action === "function" ? (action as (p: T | undefined) => T | undefined)(prev.data) : action,
      })),
    [],
  );

  const current = state.key === key;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : null,
    loading: current ? state.loading : key !== null,
    reload,
    setData,
  };
}
