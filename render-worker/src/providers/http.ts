/**
 * What both HTTP providers need: one deadline for the whole generation combined with the job's signal, the
 * service's own error message in every failure, and a check that the bytes that came back are an image.
 */

/** A provider call that failed; `status` is the HTTP status when the service answered. */
export class ProviderError extends Error {
  override name = "ProviderError";
  constructor(
    message: string,
    readonly status: number | null = null,
    /** From a 429's Retry-After: how long the service asked us to wait. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

/** The job's signal (cancellation) combined with a deadline; which one fired is told apart by `failure`. */
export function deadlineSignal(timeoutMs: number, signal?: AbortSignal): AbortSignal {
  const timeout = AbortSignal.timeout(timeoutMs);
  return signal ? AbortSignal.any([signal, timeout]) : timeout;
}

/**
 * The error to throw for a request that did not get an answer: the job's own cancellation passes through
 * unchanged (the queue gives the job back), a deadline becomes a clear timeout message.
 */
export function failure(error: unknown, service: string, timeoutMs: number, signal?: AbortSignal): unknown {
  if (signal?.aborted) return signal.reason ?? error;
  if (error instanceof ProviderError) return error;
  if (error instanceof Error && error.name === "TimeoutError") {
    return new ProviderError(`${service} did not answer within ${Number((timeoutMs / 1000).toFixed(1))} s`);
  }
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return new ProviderError(`${service} could not be reached (${error instanceof Error ? error.message : String(error)}${cause})`);
}

/** Reads a JSON answer; a body that is not JSON is the service misbehaving (or a proxy's error page). */
export async function readJson(response: Response, service: string): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ProviderError(`${service} answered ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`, response.status);
  }
}

/** The message a service put in its error body: {error: {message}} (OpenAI, ComfyUI), {error: "…"}, or the text. */
export async function errorDetail(response: Response): Promise<string> {
  const text = await response.text().catch(() => "");
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown };
    const error = body.error;
    if (typeof error === "string" && error) return error;
    if (typeof error === "object" && error !== null) {
      const message = (error as { message?: unknown }).message;
      if (typeof message === "string" && message) return message;
    }
    if (typeof body.message === "string" && body.message) return body.message;
  } catch {
    // Not JSON: the text itself (a proxy's page) is the best there is.
  }
  return text.replace(/\s+/g, " ").trim().slice(0, 300) || response.statusText || "no details";
}

/** Seconds from a Retry-After header (delta-seconds or an HTTP date), or null. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

/** The error for a non-2xx answer, with the service's message; a 429 says when to try again. */
export async function answerError(response: Response, service: string): Promise<ProviderError> {
  const detail = await errorDetail(response);
  if (response.status === 429) {
    const wait = retryAfterSeconds(response.headers.get("retry-after"));
    const when = wait === null ? "" : ` (it asks to retry after ${wait} s)`;
    // A plain failure: the queue retries it with its backoff.
    return new ProviderError(`${service} is rate limiting requests${when}: ${detail}`, 429, wait);
  }
  return new ProviderError(`${service} answered ${response.status}: ${detail}`, response.status);
}

/** PNG, JPEG or WebP: what the frame renderer decodes. */
export function isImage(bytes: Uint8Array): boolean {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return true;
  if (starts(0xff, 0xd8, 0xff)) return true;
  return starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50;
}

/** A positive number of seconds from the environment as milliseconds, else the default. */
export function timeoutFromEnv(value: string | undefined, defaultMs: number): number {
  const seconds = Number(value);
  return value !== undefined && value.trim() !== "" && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : defaultMs;
}
