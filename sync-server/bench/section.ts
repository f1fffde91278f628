/**
 * The contract between the benchmark runner (bench/run.ts) and each benchmark section: a section measures
 * one thing and returns its part of the report as Markdown; the runner writes all parts into
 * docs/performance.md between the sync-server markers.
 */
export interface BenchContext {
  /** Repetitions per figure; every reported figure is the median of these, with its spread. */
  runs: number;
  /** BENCH_QUICK=1: smaller sizes and shorter windows, to check the harness works (figures not reported). */
  quick: boolean;
  /** A scratch folder for this run, removed afterwards. */
  tmpDir: string;
  log(message: string): void;
}

export interface BenchSection {
  /** Stable id, also what BENCH_ONLY selects (e.g. "fanout"). */
  id: string;
  title: string;
  /** The exact command that reproduces this section alone. */
  command: string;
  markdown: string;
}

export interface BenchSectionRunner {
  id: string;
  run(context: BenchContext): Promise<BenchSection>;
}
