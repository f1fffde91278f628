import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadImage } from "@napi-rs/canvas";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createProvider } from "./index.js";
import { defaultWorkflow, latentSide, PROMPT_PLACEHOLDER, prepareWorkflow, promptSeed, type ComfyWorkflow } from "./comfyuiWorkflow.js";
import { startComfyUiDouble, type ComfyUiDouble } from "./testing/comfyuiDouble.js";

const PROMPT = "Wide shot, eye level angle, static camera. A harbour at dawn.";

describe("the ComfyUI provider against a double of its HTTP API", () => {
  let comfy: ComfyUiDouble;
  let folder: string;
  const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ COMFYUI_URL: comfy.url, ...extra });

  beforeAll(async () => {
    comfy = await startComfyUiDouble(["v1-5-pruned-emaonly.safetensors", "storyboard-xl.safetensors"]);
    folder = await mkdtemp(join(tmpdir(), "aiuteur-comfy-"));
  });
  afterAll(async () => {
    await comfy.close();
    await rm(folder, { recursive: true, force: true });
  });
  beforeEach(() => {
    comfy.behave({ kind: "image", pendingPolls: 2 });
  });

  it("queues the built-in workflow with the prompt and frame size, waits for the run and downloads its image", async () => {
    const frame = await createProvider("comfyui", env()).generateFrame({ prompt: PROMPT, width: 1282, height: 722 });
    const run = comfy.runs.at(-1)!;
    expect(typeof run.clientId).toBe("string");
    expect(run.workflow["2"]!.inputs.text).toBe(PROMPT);
    expect(run.workflow["4"]!.inputs).toMatchObject({ width: 1280, height: 720 });
    expect(run.workflow["1"]!.inputs.ckpt_name).toBe("v1-5-pruned-emaonly.safetensors");
    expect(run.workflow["5"]!.inputs.seed).toBe(promptSeed(PROMPT));
    // Pending twice ({}), then done: the provider kept polling until the outputs appeared.
    expect(run.polls).toBe(3);
    expect(Object.fromEntries(comfy.views.at(-1)!)).toEqual({ filename: expect.stringMatching(/\.png$/), subfolder: "", type: "output" });
    const picture = await loadImage(Buffer.from(frame!));
    expect([picture.width, picture.height]).toEqual([1280, 720]);
  });

  it("uses COMFYUI_CHECKPOINT, and reports ComfyUI's validation error for a checkpoint it does not have", async () => {
    await createProvider("comfyui", env({ COMFYUI_CHECKPOINT: "storyboard-xl.safetensors" })).generateFrame({ prompt: PROMPT, width: 512, height: 512 });
    expect(comfy.runs.at(-1)!.workflow["1"]!.inputs.ckpt_name).toBe("storyboard-xl.safetensors");

    const runs = comfy.runs.length;
    await expect(createProvider("comfyui", env({ COMFYUI_CHECKPOINT: "missing.safetensors" })).generateFrame({ prompt: PROMPT, width: 512, height: 512 })).rejects.toThrow(
      "ComfyUI rejected the workflow: Prompt outputs failed validation; node 1 (CheckpointLoaderSimple): Value not in list: ckpt_name: 'missing.safetensors' not in",
    );
    expect(comfy.runs).toHaveLength(runs);
  });

  it("fills a custom workflow's {{prompt}} placeholder and sizes its latent", async () => {
    const custom: ComfyWorkflow = defaultWorkflow("storyboard-xl.safetensors");
    custom["2"]!.inputs.text = `masterpiece, ${PROMPT_PLACEHOLDER}, ink drawing`;
    custom["5"]!.inputs.seed = 42;
    const path = join(folder, "workflow.json");
    await writeFile(path, JSON.stringify(custom));
    await createProvider("comfyui", env({ COMFYUI_WORKFLOW: path })).generateFrame({ prompt: PROMPT, width: 640, height: 360 });
    const run = comfy.runs.at(-1)!;
    expect(run.workflow["2"]!.inputs.text).toBe(`masterpiece, ${PROMPT}, ink drawing`);
    expect(run.workflow["4"]!.inputs).toMatchObject({ width: 640, height: 360 });
    // A custom workflow's own seed is the author's choice.
    expect(run.workflow["5"]!.inputs.seed).toBe(42);
  });

  it("explains a workflow file that is in the UI format or missing", async () => {
    const path = join(folder, "ui.json");
    await writeFile(path, JSON.stringify({ nodes: [], links: [] }));
    await expect(createProvider("comfyui", env({ COMFYUI_WORKFLOW: path })).generateFrame({ prompt: PROMPT, width: 512, height: 512 })).rejects.toThrow(
      'is in ComfyUI\'s UI format; export it with "Save (API Format)" instead',
    );
    await expect(createProvider("comfyui", env({ COMFYUI_WORKFLOW: join(folder, "nope.json") })).generateFrame({ prompt: PROMPT, width: 512, height: 512 })).rejects.toThrow(
      "cannot be read",
    );
  });

  it("reports a run that ended in an execution error with ComfyUI's message", async () => {
    comfy.behave({ kind: "error", pendingPolls: 1, message: "CUDA out of memory. Tried to allocate 2.00 GiB" });
    await expect(createProvider("comfyui", env()).generateFrame({ prompt: PROMPT, width: 512, height: 512 })).rejects.toThrow(
      "ComfyUI failed in node 5 (KSampler): CUDA out of memory. Tried to allocate 2.00 GiB",
    );
  });

  it("times out, and drops the run it no longer waits for from ComfyUI's queue", async () => {
    comfy.behave({ kind: "hang" });
    await expect(createProvider("comfyui", env({ COMFYUI_TIMEOUT_SECONDS: "0.6" })).generateFrame({ prompt: PROMPT, width: 512, height: 512 })).rejects.toThrow(
      "ComfyUI did not answer within 0.6 s",
    );
    const id = comfy.runs.at(-1)!.id;
    await expect.poll(() => comfy.deleted).toContain(id);
  });

  it("passes the job's cancellation through unchanged", async () => {
    comfy.behave({ kind: "hang" });
    const controller = new AbortController();
    const reason = new Error("worker closing");
    setTimeout(() => controller.abort(reason), 300);
    await expect(createProvider("comfyui", env()).generateFrame({ prompt: PROMPT, width: 512, height: 512, signal: controller.signal })).rejects.toBe(reason);
  });

  it("reports an unreachable server", async () => {
    await expect(createProvider("comfyui", { COMFYUI_URL: "http://127.0.0.1:1" }).generateFrame({ prompt: PROMPT, width: 512, height: 512 })).rejects.toThrow(
      "ComfyUI could not be reached",
    );
  });
});

describe("prepareWorkflow", () => {
  it("puts the prompt on the sampler's positive encoder when there is no placeholder, leaving the negative alone", () => {
    const graph = defaultWorkflow("x.safetensors");
    graph["2"]!.inputs.text = "old text";
    const prepared = prepareWorkflow(graph, { prompt: PROMPT, width: 100, height: 50 }, { seedFromPrompt: false });
    expect(prepared["2"]!.inputs.text).toBe(PROMPT);
    expect(prepared["3"]!.inputs.text).toBe(graph["3"]!.inputs.text);
    expect(prepared["4"]!.inputs).toMatchObject({ width: 104, height: 64 });
    // The workflow it was given is not changed (it is reused for the next frame).
    expect(graph["2"]!.inputs.text).toBe("old text");
  });

  it("refuses a workflow with nowhere to put the prompt", () => {
    const graph: ComfyWorkflow = { "1": { class_type: "LoadImage", inputs: { image: "a.png" } } };
    expect(() => prepareWorkflow(graph, { prompt: PROMPT, width: 64, height: 64 }, { seedFromPrompt: false })).toThrow('no "{{prompt}}" placeholder');
  });

  it("rounds latent sides to multiples of 8", () => {
    expect([latentSide(1280), latentSide(722), latentSide(1083), latentSide(10)]).toEqual([1280, 720, 1080, 64]);
  });
});
