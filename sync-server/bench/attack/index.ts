/**
 * Starts an attack (./attacker.ts) in its own process, so its CPU stays out of the server's and the victims'
 * load generator's figures.
 *
 * Usage:
 *   const attack = startAttack({ kind: "presence-flood", url, victimDocument, ownDocument, token, durationMs: 12_000, seed: 1 });
 *   await attack.started;              // the attack process is up and attacking
 *   const stats = await attack.result; // after durationMs: frames sent, closes by code, refusals by reason
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { AttackEvent, AttackPlan, AttackStats } from "./plan.js";

export type { AttackKind, AttackPlan, AttackStats } from "./plan.js";

const ATTACKER = fileURLToPath(new URL("./attacker.ts", import.meta.url));
const SYNC_SERVER_DIR = fileURLToPath(new URL("../..", import.meta.url));

export interface RunningAttack {
  pid: number;
  started: Promise<void>;
  result: Promise<AttackStats>;
}

export function startAttack(plan: AttackPlan): RunningAttack {
  const child = spawn(process.execPath, ["--import", "tsx", ATTACKER], { cwd: SYNC_SERVER_DIR, stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-10_000)));
  child.stdin.end(JSON.stringify(plan));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const timer = setTimeout(() => child.kill("SIGKILL"), plan.durationMs + 60_000);
  let markStarted: () => void = () => undefined;
  let failStarted: (error: Error) => void = () => undefined;
  const started = new Promise<void>((resolve, reject) => {
    markStarted = resolve;
    failStarted = reject;
  });
  const result = (async () => {
    let stats: AttackStats | null = null;
    let failure: string | null = null;
    try {
      for await (const line of createInterface({ input: child.stdout })) {
        if (!line.startsWith("{")) continue;
        const event = JSON.parse(line) as AttackEvent;
        if (event.type === "started") markStarted();
        else if (event.type === "result") stats = event.stats;
        else failure = event.message;
      }
      const code = await exited;
      if (!stats) throw new Error(`attack process failed (exit ${code}): ${failure ?? ""}\n${stderr}`);
      return stats;
    } catch (error) {
      failStarted(error as Error);
      throw error;
    } finally {
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
  })();
  // A failure before "started" rejects both; callers await started first, so result's rejection is handled there.
  result.catch(() => undefined);
  return { pid: child.pid!, started, result };
}
