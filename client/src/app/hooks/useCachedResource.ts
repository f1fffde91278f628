/**
 * An API resource with an offline copy: shows the cached value at once (so screens open instantly and
 * offline), replaces it with the server's answer, and writes each answer and each local edit back.
 */
import { useCallback, useMemo } from "react";
import { ApiError } from "../api";
import { useResource } from "./useResource";

export interface CachedResource<T> {
  data: T | undefined;
  /** The error of the last load, unless a cached value is being shown because the network failed. */
  error: unknown;
  loading: boolean;
  /** Showing the cached copy because the server could not be reached. */
  offline: boolean;
  reload(): void;
  /** Applies a local change (after a successful write) to the data and the cache. */
  update(change: (current: T | undefined) => T): void;
}

export interface CacheSlot<T> {
  read(): T | null;
  write(value: T): void;
}

export function useCachedResource<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
  slot: CacheSlot<T>,
): CachedResource<T> {
  const resource = useResource(key, async (signal) => {
    const value = await load(signal);
    slot.write(value);
    return value;
  });
  // Read the cache once per key: later writes go through `update`, which also sets the resource data.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const cached = useMemo(() => (key === null ? null : slot.read()), [key]);
  const data = resource.data ?? cached ?? undefined;
  const networkFailed = resource.error instanceof ApiError && resource.error.isNetworkError;
  const offline = networkFailed && data !== undefined;

  const { setData } = resource;
  const update = useCallback(
    (change: (current: T | undefined) => T) => {
      setData((current) => {
        const next = change(current ?? cached ?? undefined);
        slot.write(next);
        return next;
      });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [setData, cached],
  );

  return {
    data,
    error: offline ? null : resource.error,
    loading: resource.loading && data === undefined,
    offline,
    reload: resource.reload,
    update,
  };
}
