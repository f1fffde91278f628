/**
 * A local stand-in for a ComfyUI server (server.py's HTTP API): POST /prompt validates the API-format graph
 * the way ComfyUI does (unknown node types, checkpoints not installed) and queues it; GET /history/{id}
 * answers {} while the run is pending and the entry with outputs (or an error status) once it ends;
 * GET /view serves the saved image; POST /queue {delete} drops queued runs.
 */
import { randomUUID } from "node:crypto";
import { listen, readBody, sendJson } from "./listen.js";
import { samplePng } from "./samplePng.js";

const KNOWN_NODES = new Set(["CheckpointLoaderSimple", "CLIPTextEncode", "EmptyLatentImage", "KSampler", "VAEDecode", "SaveImage", "PreviewImage"]);

export interface ComfyRun {
  id: string;
  clientId: unknown;
  workflow: Record<string, { class_type: string; inputs: Record<string, unknown> }>;
  /** History polls so far. */
  polls: number;
}

export type ComfyBehaviour =
  /** Finishes after `pendingPolls` history polls answered {}. */
  | { kind: "image"; pendingPolls: number }
  /** Ends with an execution error in the sampler. */
  | { kind: "error"; pendingPolls: number; message: string }
  /** Never finishes. */
  | { kind: "hang" };

export interface ComfyUiDouble {
  url: string;
  runs: ComfyRun[];
  deleted: string[];
  /** Files /view served. */
  views: URLSearchParams[];
  checkpoints: string[];
  behave(behaviour: ComfyBehaviour): void;
  close(): Promise<void>;
}

function validate(workflow: unknown, checkpoints: string[]): { status: number; body: unknown } | null {
  if (typeof workflow !== "object" || workflow === null) {
    return { status: 400, body: { error: { type: "invalid_prompt", message: "Cannot execute because the prompt is not an object.", details: "", extra_info: {} }, node_errors: {} } };
  }
  const nodeErrors: Record<string, unknown> = {};
  for (const [id, node] of Object.entries(workflow as Record<string, { class_type?: unknown; inputs?: Record<string, unknown> }>)) {
    if (typeof node.class_type !== "string" || !KNOWN_NODES.has(node.class_type)) {
      return { status: 400, body: { error: { type: "invalid_prompt", message: `Cannot execute because node ${String(node.class_type)} does not exist.`, details: `Node ID '#${id}'`, extra_info: {} }, node_errors: {} } };
    }
    const ckpt = node.inputs?.ckpt_name;
    if (node.class_type === "CheckpointLoaderSimple" && !checkpoints.includes(String(ckpt))) {
      nodeErrors[id] = {
        errors: [{ type: "value_not_in_list", message: "Value not in list", details: `ckpt_name: '${String(ckpt)}' not in ${JSON.stringify(checkpoints)}`, extra_info: {} }],
        dependent_outputs: [],
        class_type: node.class_type,
      };
    }
  }
  if (Object.keys(nodeErrors).length) {
    return { status: 400, body: { error: { type: "prompt_outputs_failed_validation", message: "Prompt outputs failed validation", details: "", extra_info: {} }, node_errors: nodeErrors } };
  }
  return null;
}

export async function startComfyUiDouble(checkpoints = ["v1-5-pruned-emaonly.safetensors"]): Promise<ComfyUiDouble> {
  const runs: ComfyRun[] = [];
  const deleted: string[] = [];
  const views: URLSearchParams[] = [];
  const images = new Map<string, Uint8Array>();
  let behaviour: ComfyBehaviour = { kind: "image", pendingPolls: 1 };
  const behaviours = new Map<string, ComfyBehaviour>();

  const server = await listen(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://x");
    const text = await readBody(request);
    if (request.method === "POST" && url.pathname === "/prompt") {
      const body = JSON.parse(text) as { prompt?: unknown; client_id?: unknown };
      const problem = validate(body.prompt, checkpoints);
      if (problem) return sendJson(response, problem.status, problem.body);
      const run: ComfyRun = { id: randomUUID(), clientId: body.client_id, workflow: body.prompt as ComfyRun["workflow"], polls: 0 };
      runs.push(run);
      behaviours.set(run.id, behaviour);
      return sendJson(response, 200, { prompt_id: run.id, number: runs.length, node_errors: {} });
    }
    const history = /^\/history\/([^/]+)$/.exec(url.pathname);
    if (request.method === "GET" && history) {
      const run = runs.find((r) => r.id === decodeURIComponent(history[1]!));
      if (!run) return sendJson(response, 200, {});
      run.polls += 1;
      const how = behaviours.get(run.id)!;
      if (how.kind === "hang" || run.polls <= how.pendingPolls) return sendJson(response, 200, {});
      if (how.kind === "error") {
        const messages = [
          ["execution_start", { prompt_id: run.id, timestamp: Date.now() }],
          ["execution_error", { prompt_id: run.id, node_id: "5", node_type: "KSampler", executed: ["1", "2", "3", "4"], exception_message: how.message, exception_type: "torch.OutOfMemoryError", traceback: [], current_inputs: {}, current_outputs: {} }],
        ];
        return sendJson(response, 200, { [run.id]: { prompt: [], outputs: {}, status: { status_str: "error", completed: false, messages } } });
      }
      // The picture has the size the graph's empty latent asked for, as a real run's would.
      const latent = Object.values(run.workflow).find((n) => n.class_type === "EmptyLatentImage");
      const filename = `aiuteur_${String(runs.indexOf(run) + 1).padStart(5, "0")}_.png`;
      images.set(filename, samplePng(Number(latent?.inputs.width ?? 64), Number(latent?.inputs.height ?? 64)));
      const saveId = Object.entries(run.workflow).find(([, n]) => n.class_type === "SaveImage")?.[0] ?? "7";
      return sendJson(response, 200, {
        [run.id]: {
          prompt: [],
          outputs: { [saveId]: { images: [{ filename, subfolder: "", type: "output" }] } },
          status: { status_str: "success", completed: true, messages: [["execution_success", { prompt_id: run.id }]] },
          meta: {},
        },
      });
    }
    if (request.method === "GET" && url.pathname === "/view") {
      views.push(url.searchParams);
      const image = url.searchParams.get("type") === "output" ? images.get(url.searchParams.get("filename") ?? "") : undefined;
      if (!image) {
        response.writeHead(404);
        return response.end();
      }
      response.writeHead(200, { "content-type": "image/png" });
      return response.end(image);
    }
    if (request.method === "POST" && url.pathname === "/queue") {
      const body = JSON.parse(text) as { delete?: unknown };
      if (Array.isArray(body.delete)) deleted.push(...body.delete.map(String));
      return sendJson(response, 200, {});
    }
    response.writeHead(404);
    response.end();
  });

  return {
    url: server.url,
    runs,
    deleted,
    views,
    checkpoints,
    behave: (next) => {
      behaviour = next;
    },
    close: server.close,
  };
}
