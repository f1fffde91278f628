/** What every job needs from the worker around it. */
import type { RenderLog } from "../contract.js";
import type { ServerApi } from "../sync/serverApi.js";

export interface JobEnvironment {
  api: ServerApi;
  /** The current service token (renewed before it expires). */
  token: () => Promise<string>;
  log: RenderLog;
  /** Provider configuration (OPENAI_*, COMFYUI_*): read from the environment, never from documents. */
  env: NodeJS.ProcessEnv;
}

export interface JobRun {
  /** A private, empty folder for this job; deleted after it. */
  folder: string;
  attempt: number;
  isFinalAttempt: boolean;
  signal: AbortSignal;
}

export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));
