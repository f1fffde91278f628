/**
 * The product as `npm start` serves it: the built server (sync-server/dist/main.js) serving the built
 * client, with embedded defaults (SQLite in a fresh data folder), on a free port.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export interface Product {
  url: string;
  port: number;
  /** The server's log lines at warn level and above so far (LOG_LEVEL=warn), for a failing test's message. */
  warnings(): string;
  stop(): Promise<void>;
}

export async function startProduct(): Promise<Product> {
  const main = join(ROOT, "sync-server/dist/main.js");
  if (!existsSync(main) || !existsSync(join(ROOT, "client/dist/index.html"))) {
    throw new Error("Build the product first (npm run build): sync-server/dist or client/dist is missing.");
  }
  const dataDir = mkdtempSync(join(tmpdir(), "aiuteur-e2e-"));
  const child: ChildProcess = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the product did not start:\n${output}`)), 30_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      // Kept bounded: a long suite's warnings are only ever read from the end.
      output = (output + chunk.toString()).slice(-200_000);
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`the product exited with ${code}:\n${output}`)));
  });
  return {
    url,
    port: Number(new URL(url).port),
    warnings: () => output.slice(-20_000),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
