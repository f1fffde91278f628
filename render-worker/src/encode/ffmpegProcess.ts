/**
 * Running the ffmpeg binary for a pipe: the last line it printed (the reason when it fails) and how it
 * ended, and killing it when the caller's AbortSignal fires so an aborted render leaves no busy process.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { ffmpegPath } from "./ffmpegPath.js";

export interface FfmpegRun {
  child: ChildProcess;
  /** Resolves when ffmpeg exited 0; rejects with its last stderr line, or with the abort reason. */
  done: Promise<void>;
}

/** The error an aborted render rejects with: the signal's reason when it is an Error. */
export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  const error = new Error(typeof reason === "string" ? reason : "The render was aborted");
  error.name = "AbortError";
  return error;
}

export function runFfmpeg(args: readonly string[], stdio: { stdin: boolean; stdout: boolean }, signal?: AbortSignal): FfmpegRun {
  if (signal?.aborted) throw abortError(signal);
  const child = spawn(ffmpegPath(), ["-hide_banner", "-nostdin", "-v", "error", ...args], {
    stdio: [stdio.stdin ? "pipe" : "ignore", stdio.stdout ? "pipe" : "ignore", "pipe"],
  });
  // Keep only the tail: ffmpeg can be chatty and the last line is the one that explains a failure.
  let tail = "";
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => {
    tail = (tail + chunk).slice(-4000);
  });
  const onAbort = () => child.kill("SIGKILL");
  signal?.addEventListener("abort", onAbort, { once: true });
  const done = new Promise<void>((resolve, reject) => {
    child.on("error", (error) => reject(new Error(`ffmpeg could not start: ${error.message}`)));
    child.on("close", (code, killedBy) => {
      signal?.removeEventListener("abort", onAbort);
      if (signal?.aborted) return reject(abortError(signal));
      if (code === 0) return resolve();
      const last = tail.trim().split("\n").filter((line) => line.trim() !== "").slice(-1)[0] ?? "no output";
      reject(new Error(`ffmpeg failed (${code ?? killedBy}): ${last}`));
    });
  });
  // The caller may be awaiting something else when ffmpeg fails; the rejection is read through `done`.
  done.catch(() => undefined);
  return { child, done };
}
