import { defineConfig } from "vitest/config";

const jsonDir = process.env.VITEST_JSON_DIR;

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One browser at a time: the machine has two cores and the product under test needs one.
    fileParallelism: false,
    // What one browser does reaches another through the server; on a loaded two-core machine that can take
    // more than Vitest's 1 s default, which made "arrives" checks fail though the edit did arrive.
    expect: { poll: { timeout: 10_000 } },
    reporters: jsonDir ? ["default", ["json", { outputFile: `${jsonDir}/e2e.json` }]] : ["default"],
  },
});
