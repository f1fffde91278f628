import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const jsonDir = process.env.VITEST_JSON_DIR;

export default defineConfig({
  resolve: {
    // Tests run against shared's source, so a change there needs no rebuild to be tested here.
    alias: {
      "@aiuteur/shared": fileURLToPath(new URL("../shared/src/index.ts", import.meta.url)),
      "@aiuteur/render-worker": fileURLToPath(new URL("../render-worker/src/index.ts", import.meta.url)),
    },
  },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
    reporters: jsonDir ? ["default", ["json", { outputFile: `${jsonDir}/sync-server.json` }]] : ["default"],
  },
});
