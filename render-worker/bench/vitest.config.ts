import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The benchmark is a plain vitest run of *.bench.ts files that time real work and print (and write) a table.
export default defineConfig({
  resolve: {
    alias: { "@aiuteur/shared": fileURLToPath(new URL("../../shared/src/index.ts", import.meta.url)) },
  },
  test: {
    include: ["bench/**/*.bench.ts"],
    testTimeout: 30 * 60_000,
    hookTimeout: 60_000,
    // One file at a time, alone: timings must not share the machine with another benchmark.
    fileParallelism: false,
    maxWorkers: 1,
  },
});
