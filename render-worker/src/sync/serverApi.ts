/**
 * The worker's REST calls to the sync server, authorised with its service token. Everything the worker
 * learns besides the documents themselves comes from here (never from the database).
 */
export interface ServerApi {
  readonly serverUrl: string;
  /** GET a JSON route; a non-2xx answer is an Error carrying the server's message. */
  getJson<T>(path: string, signal?: AbortSignal): Promise<T>;
  /** fetch with the service token; the caller reads the response. */
  request(path: string, init?: RequestInit): Promise<Response>;
}

/** A non-2xx answer, with its status so a job can tell "gone" (404: no retry helps) from "try again". */
export class ServerAnswerError extends Error {
  override name = "ServerAnswerError";
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function createServerApi(serverUrl: string, token: () => Promise<string>): ServerApi {
  const base = serverUrl.replace(/\/+$/, "");
  async function request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set("authorization", `Bearer ${await token()}`);
    return fetch(path.startsWith("http") ? path : `${base}${path}`, { ...init, headers });
  }
  return {
    serverUrl: base,
    request,
    async getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
      const response = await request(path, { signal: signal ?? null });
      if (!response.ok) throw new ServerAnswerError(response.status, `GET ${path} answered ${response.status}: ${await reasonOf(response)}`);
      return (await response.json()) as T;
    },
  };
}

/** The server's error message (docs/api.md: `{error: {code, message}}`), or the body text. */
export async function reasonOf(response: Response): Promise<string> {
  const text = await response.text().catch(() => "");
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown } | string; message?: unknown };
    if (typeof body.error === "object" && typeof body.error?.message === "string") return body.error.message;
    if (typeof body.error === "string") return body.error;
    if (typeof body.message === "string") return body.message;
  } catch {
    // not JSON: the text itself is the reason
  }
  return text.slice(0, 300) || response.statusText;
}
