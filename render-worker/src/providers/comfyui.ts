/**
 * A ComfyUI server (its HTTP API, server.py):
 *
 *   POST /prompt {prompt: workflow, client_id} → {prompt_id, number, node_errors}; 400 {error, node_errors}
 *   GET  /history/{prompt_id}                 → {} until the run ends, then {[id]: {outputs, status}}
 *   GET  /view?filename=&subfolder=&type=     → the image bytes
 *   POST /queue {delete: [prompt_id]}         → drops a queued run we no longer want
 *
 *   COMFYUI_URL         required
 *   COMFYUI_WORKFLOW    optional path to an API-format workflow ("{{prompt}}" marks the prompt)
 *   COMFYUI_CHECKPOINT  the built-in workflow's checkpoint (default v1-5-pruned-emaonly.safetensors)
 *   COMFYUI_TIMEOUT_SECONDS  default 300: queueing and sampling included
 *
 * Polling the history is the documented way without holding a WebSocket open; the interval grows, so a
 * long queue costs few requests.
 */
import { randomUUID } from "node:crypto";
import { answerError, deadlineSignal, errorDetail, failure, isImage, ProviderError, readJson, timeoutFromEnv } from "./http.js";
import { DEFAULT_CHECKPOINT, defaultWorkflow, loadWorkflowFile, prepareWorkflow, type ComfyWorkflow } from "./comfyuiWorkflow.js";
import type { FrameRequest, RenderProvider } from "./types.js";

const SERVICE = "ComfyUI";
export const COMFYUI_DEFAULTS = { timeoutMs: 300_000, firstPollMs: 250, maxPollMs: 2_000 } as const;

export interface ComfyUiSettings {
  baseUrl: string;
  /** Path of a custom workflow, or null for the built-in one. */
  workflowPath: string | null;
  checkpoint: string;
  timeoutMs: number;
  firstPollMs: number;
  maxPollMs: number;
}

export function comfyUiSettings(env: NodeJS.ProcessEnv): ComfyUiSettings | null {
  const url = env.COMFYUI_URL?.trim();
  if (!url) return null;
  return {
    baseUrl: url.replace(/\/+$/, ""),
    workflowPath: env.COMFYUI_WORKFLOW?.trim() || null,
    checkpoint: env.COMFYUI_CHECKPOINT?.trim() || DEFAULT_CHECKPOINT,
    timeoutMs: timeoutFromEnv(env.COMFYUI_TIMEOUT_SECONDS, COMFYUI_DEFAULTS.timeoutMs),
    firstPollMs: COMFYUI_DEFAULTS.firstPollMs,
    maxPollMs: COMFYUI_DEFAULTS.maxPollMs,
  };
}

interface ImageRef {
  filename: string;
  subfolder: string;
  type: string;
}

interface HistoryEntry {
  outputs?: Record<string, { images?: unknown }>;
  status?: { status_str?: unknown; completed?: unknown; messages?: unknown };
}

/** ComfyUI's 400 for an invalid graph: its message and each failing node's first error. */
async function promptRejection(response: Response): Promise<ProviderError> {
  if (response.status !== 400) return answerError(response, SERVICE);
  const text = await response.text();
  let detail = text.slice(0, 300);
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown; details?: unknown }; node_errors?: Record<string, { class_type?: unknown; errors?: Array<{ message?: unknown; details?: unknown }> }> };
    const parts = [body.error?.message, body.error?.details].filter((p): p is string => typeof p === "string" && p !== "");
    for (const [id, node] of Object.entries(body.node_errors ?? {})) {
      const first = node.errors?.[0];
      if (!first) continue;
      const what = [first.message, first.details].filter((p): p is string => typeof p === "string" && p !== "").join(": ");
      parts.push(`node ${id} (${String(node.class_type ?? "?")}): ${what}`);
    }
    if (parts.length) detail = parts.join("; ");
  } catch {
    // Not JSON: the text is the detail.
  }
  return new ProviderError(`${SERVICE} rejected the workflow: ${detail}`, 400);
}

/** The message of a failed run from its status messages ([["execution_error", {…}], …]). */
export function runFailure(entry: HistoryEntry): string {
  const messages = Array.isArray(entry.status?.messages) ? (entry.status.messages as unknown[]) : [];
  for (const message of messages) {
    if (!Array.isArray(message) || typeof message[1] !== "object" || message[1] === null) continue;
    const data = message[1] as { exception_message?: unknown; node_id?: unknown; node_type?: unknown };
    if (message[0] === "execution_error") {
      const where = data.node_id !== undefined ? ` in node ${String(data.node_id)}${data.node_type ? ` (${String(data.node_type)})` : ""}` : "";
      return `${SERVICE} failed${where}: ${typeof data.exception_message === "string" ? data.exception_message.trim() : "no message"}`;
    }
    if (message[0] === "execution_interrupted") return `${SERVICE}'s run was interrupted`;
  }
  return `${SERVICE}'s run ended with status "${String(entry.status?.status_str ?? "unknown")}"`;
}

/** The first saved image of a finished run (type "output", from SaveImage) or, failing that, any image. */
export function firstImage(entry: HistoryEntry): ImageRef | null {
  const images: ImageRef[] = [];
  for (const output of Object.values(entry.outputs ?? {})) {
    if (!Array.isArray(output.images)) continue;
    for (const image of output.images as unknown[]) {
      const { filename, subfolder, type } = (image ?? {}) as Partial<ImageRef>;
      if (typeof filename === "string" && filename) images.push({ filename, subfolder: typeof subfolder === "string" ? subfolder : "", type: typeof type === "string" ? type : "output" });
    }
  }
  return images.find((image) => image.type === "output") ?? images[0] ?? null;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });

export function createComfyUiProvider(settings: ComfyUiSettings): RenderProvider {
  let custom: Promise<ComfyWorkflow> | null = null;
  const workflow = async (): Promise<ComfyWorkflow> => {
    if (!settings.workflowPath) return defaultWorkflow(settings.checkpoint);
    // Read once per provider; a failed read is tried again by the next job.
    custom ??= loadWorkflowFile(settings.workflowPath).catch((error: unknown) => {
      custom = null;
      throw error;
    });
    return custom;
  };

  async function queuePrompt(request: FrameRequest, signal: AbortSignal): Promise<string> {
    const graph = prepareWorkflow(await workflow(), request, { seedFromPrompt: settings.workflowPath === null });
    const response = await fetch(`${settings.baseUrl}/prompt`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ prompt: graph, client_id: randomUUID() }),
      signal,
    });
    if (!response.ok) throw await promptRejection(response);
    const { prompt_id: id } = (await readJson(response, SERVICE)) as { prompt_id?: unknown };
    if (typeof id !== "string" || !id) throw new ProviderError(`${SERVICE} queued the workflow without a prompt_id`);
    return id;
  }

  async function awaitRun(id: string, signal: AbortSignal): Promise<HistoryEntry> {
    for (let wait: number = settings.firstPollMs; ; wait = Math.min(settings.maxPollMs, wait * 2)) {
      const response = await fetch(`${settings.baseUrl}/history/${encodeURIComponent(id)}`, { signal });
      if (!response.ok) throw await answerError(response, SERVICE);
      const entry = ((await readJson(response, SERVICE)) as Record<string, HistoryEntry | undefined>)[id];
      if (entry) {
        if (entry.status?.status_str === "error") throw new ProviderError(runFailure(entry));
        if (firstImage(entry) || entry.status?.completed === true) return entry;
      }
      await sleep(wait, signal);
    }
  }

  async function download(image: ImageRef, signal: AbortSignal): Promise<Uint8Array> {
    const query = new URLSearchParams({ filename: image.filename, subfolder: image.subfolder, type: image.type });
    const response = await fetch(`${settings.baseUrl}/view?${query}`, { signal });
    if (!response.ok) throw new ProviderError(`${SERVICE} could not send the image ${image.filename}: ${response.status} ${await errorDetail(response)}`, response.status);
    return new Uint8Array(await response.arrayBuffer());
  }

  /** Best effort: a run still waiting in ComfyUI's queue is dropped when we stop waiting for it. */
  function forget(id: string): void {
    void fetch(`${settings.baseUrl}/queue`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ delete: [id] }),
      signal: AbortSignal.timeout(5_000),
    })
      .then((response) => response.body?.cancel())
      .catch(() => undefined);
  }

  return {
    id: "comfyui",
    async generateFrame(request) {
      const signal = deadlineSignal(settings.timeoutMs, request.signal);
      let id: string | null = null;
      try {
        id = await queuePrompt(request, signal);
        const entry = await awaitRun(id, signal);
        const image = firstImage(entry);
        if (!image) throw new ProviderError(`${SERVICE} finished the workflow without saving an image (does it end in SaveImage?)`);
        const bytes = await download(image, signal);
        if (!isImage(bytes)) throw new ProviderError(`${SERVICE} sent ${image.filename}, which is not a PNG, JPEG or WebP image`);
        return bytes;
      } catch (error) {
        if (id !== null && signal.aborted) forget(id);
        throw failure(error, SERVICE, settings.timeoutMs, request.signal);
      }
    },
  };
}
