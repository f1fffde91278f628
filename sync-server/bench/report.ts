/**
 * The sync-server benchmark report: formatting helpers shared by the sections, and the writer that replaces
 * the text between the sync-server markers in docs/performance.md (everything else in that file is kept).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import type { BenchSection } from "./section.js";
import { median } from "./load/stats.js";

export const PERFORMANCE_DOC = fileURLToPath(new URL("../../docs/performance.md", import.meta.url));
const START = "<!-- bench:sync-server:start -->";
const END = "<!-- bench:sync-server:end -->";

/** A number with `digits` decimals and thousands separators. */
export function num(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return "–";
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** "median (min–max)" over runs, or the single value when there was one run. */
export function spread(values: number[], digits = 1): string {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return "–";
  const middle = num(median(finite), digits);
  if (finite.length === 1) return middle;
  return `${middle} (${num(Math.min(...finite), digits)}–${num(Math.max(...finite), digits)})`;
}

/** a ÷ b as "×1.23" (how many times the first figure the second is). */
export function ratio(a: number, b: number): string {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return "–";
  return `×${num(a / b, 2)}`;
}

export function table(header: string[], align: Array<"l" | "r">, rows: string[][]): string {
  const rule = align.map((a) => (a === "r" ? "---:" : "---"));
  return [header, rule, ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

export interface MachineInfo {
  cores: number;
  cpuModel: string;
  node: string;
  loadBefore: number[];
  loadAfter: number[];
}

export function machineNow(): Omit<MachineInfo, "loadAfter"> {
  const all = cpus();
  return { cores: all.length, cpuModel: all[0]?.model.trim() ?? "unknown", node: process.version, loadBefore: loadavg() };
}

export interface RunInfo {
  date: Date;
  machine: MachineInfo;
  command: string;
  runs: number;
}

/** One section as it stands in the doc: its heading, the command, when and where it was measured, the figures. */
export function renderSection(section: Pick<BenchSection, "title" | "command" | "markdown">, run: RunInfo): string {
  const load = (values: number[]) => values.map((v) => num(v, 2)).join(" / ");
  const { machine } = run;
  return [
    `### ${section.title}`,
    `\`${section.command}\``,
    "",
    `Measured ${run.date.toISOString().slice(0, 16).replace("T", " ")} UTC on ${machine.cores} cores (${machine.cpuModel}), ` +
      `Node ${machine.node}, by \`${run.command}\`; load average (1/5/15 min) ${load(machine.loadBefore)} before the run, ` +
      `${load(machine.loadAfter)} after. Every figure is the median of ${run.runs} run${run.runs === 1 ? "" : "s"}` +
      (run.runs > 1 ? ", with the spread (min–max) in brackets." : "."),
    "",
    section.markdown.trim(),
  ].join("\n");
}

const sectionStart = (id: string) => `<!-- bench:section:${id} -->`;
const sectionEnd = (id: string) => `<!-- /bench:section:${id} -->`;

/**
 * Replaces each given section (by id) inside the sync-server block of docs/performance.md, or adds it at the
 * block's end: running one section (BENCH_ONLY) updates that section and keeps the others' figures.
 * Throws if the block's markers are missing rather than appending somewhere.
 */
export function writeSections(sections: Array<{ id: string; text: string }>, path = PERFORMANCE_DOC): void {
  let text = readFileSync(path, "utf8");
  const blockStart = text.indexOf(START);
  if (blockStart < 0 || text.indexOf(END) < blockStart) throw new Error(`${path} lacks the ${START} … ${END} markers`);
  text = text.replace(`${START}\n(not yet measured)\n`, `${START}\n`);
  for (const { id, text: body } of sections) {
    const wrapped = `${sectionStart(id)}\n${body.trim()}\n${sectionEnd(id)}`;
    const from = text.indexOf(sectionStart(id));
    const to = text.indexOf(sectionEnd(id));
    if (from >= 0 && to > from) text = text.slice(0, from) + wrapped + text.slice(to + sectionEnd(id).length);
    else {
      const end = text.indexOf(END);
      text = `${text.slice(0, end).trimEnd()}\n\n${wrapped}\n${text.slice(end)}`;
    }
  }
  writeFileSync(path, text);
}
