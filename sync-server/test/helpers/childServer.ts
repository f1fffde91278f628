/**
 * The built server (sync-server/dist/main.js, what `npm start` runs) as a child process, so a test can
 * kill -9 it exactly as a crash would.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { TestStorage } from "./storage.js";

const MAIN = fileURLToPath(new URL("../../dist/main.js", import.meta.url));

export interface ChildServer {
  url: string;
  process: ChildProcess;
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

export async function startChildServer(storage: TestStorage, env: Record<string, string> = {}): Promise<ChildServer> {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH ?? "",
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: storage.dataDir,
      DATABASE_URL: storage.databaseUrl ?? "",
      CLIENT_DIR: "",
      LOG_LEVEL: "warn",
      COMPACTION_DELAY_MS: "50",
      // No render worker unless a test asks for one: other tests must not start encoders.
      RENDER_WORKERS: "none",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    process: child,
    async kill9() {
      child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await exited;
      }
    },
  };
}
