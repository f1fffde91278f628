/**
 * `npm run bench -w @aiuteur/sync-server`: runs the sync-server benchmark sections in order, prints each,
 * and rewrites the sync-server part of docs/performance.md.
 *
 * BENCH_RUNS=n   repetitions per figure (default 3; figures are medians with their spread)
 * BENCH_QUICK=1  short windows and small sizes, to check the harness (the report says so)
 * BENCH_ONLY=a,b only these section ids (e.g. fanout,durability); the report then holds only those
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { machineNow, renderSection, writeSections, type RunInfo } from "./report.js";
import type { BenchContext, BenchSection, BenchSectionRunner } from "./section.js";
import { capacity } from "./capacity.js";
import { coldOpen } from "./coldOpen.js";
import { crdtEngine } from "./crdtEngine.js";
import { durability } from "./durability.js";
import { fanout } from "./fanout.js";
import { limits } from "./limits.js";
import { underAttack } from "./underAttack.js";

// In report order.
const SECTIONS: BenchSectionRunner[] = [crdtEngine, coldOpen, fanout, durability, capacity, underAttack, limits];

function commandLine(runs: number, quick: boolean, only: string[] | null): string {
  const env = [
    runs !== 3 ? `BENCH_RUNS=${runs}` : "",
    quick ? "BENCH_QUICK=1" : "",
    only ? `BENCH_ONLY=${only.join(",")}` : "",
  ].filter(Boolean);
  return [...env, "npm run bench -w @aiuteur/sync-server"].join(" ");
}

async function main(): Promise<void> {
  const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3) || 3);
  const quick = process.env.BENCH_QUICK === "1";
  const only = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(",").map((id) => id.trim()).filter(Boolean) : null;
  const unknown = only?.filter((id) => !SECTIONS.some((s) => s.id === id)) ?? [];
  if (unknown.length > 0) throw new Error(`BENCH_ONLY names unknown sections: ${unknown.join(", ")}`);
  const selected = SECTIONS.filter((s) => !only || only.includes(s.id));

  const tmpDir = mkdtempSync(join(tmpdir(), "aiuteur-bench-"));
  const started = Date.now();
  const context: BenchContext = {
    runs,
    quick,
    tmpDir,
    log: (message) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${message}\n`),
  };
  const machine = machineNow();
  const sections: BenchSection[] = [];
  const failures: Array<{ id: string; error: string }> = [];
  try {
    for (const runner of selected) {
      context.log(`section ${runner.id}: start`);
      const sectionStart = Date.now();
      try {
        const section = await runner.run(context);
        sections.push(section);
        process.stdout.write(`\n## ${section.title}\n\n${section.markdown.trim()}\n`);
      } catch (error) {
        // One broken section must not hide the others' figures; the report shows the failure.
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        failures.push({ id: runner.id, error: message });
        process.stderr.write(`section ${runner.id} failed:\n${message}\n`);
      }
      context.log(`section ${runner.id}: ${((Date.now() - sectionStart) / 1000).toFixed(0)} s`);
    }
  } finally {
    rmSync(tmpDir, { recursive: true, force: true });
  }
  const run: RunInfo = { date: new Date(started), machine: { ...machine, loadAfter: loadavg() }, command: commandLine(runs, quick, only), runs };
  if (quick) {
    // A harness check: its figures are not the reported ones, so the doc is left as it is.
    context.log("BENCH_QUICK=1: docs/performance.md left unchanged");
  } else {
    writeSections([
      ...sections.map((section) => ({ id: section.id, text: renderSection(section, run) })),
      ...failures.map(({ id, error }) => ({ id, text: `### ${id}: failed\n\n\`\`\`\n${error.trim()}\n\`\`\`` })),
    ]);
    context.log(`docs/performance.md updated (${sections.length} sections, ${failures.length} failed)`);
  }
  if (failures.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
