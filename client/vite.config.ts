/**
 * Vite + Vitest configuration for the browser app.
 *
 * - "@aiuteur/shared" resolves to shared's TypeScript source, so dev, build and tests never depend on a
 *   stale shared/dist (tsconfig.json maps the same path for type checking).
 * - The dev server proxies the API and the collaboration socket to the sync server's default port, so the
 *   app always talks to its own origin, exactly as in production where one process serves everything.
 * - The build writes asset-manifest.json: the list of every emitted file under /assets/, which the service
 *   worker (public/sw.js) precaches so the app, its lazily used fonts included, reloads offline.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import type { Plugin } from "vite";
import { defineConfig } from "vitest/config";

const here = path.dirname(fileURLToPath(import.meta.url));
const SYNC_SERVER = "http://127.0.0.1:4700";

function assetManifest(): Plugin {
  return {
    name: "aiuteur-asset-manifest",
    apply: "build",
    generateBundle(_options, bundle) {
      const assets = Object.keys(bundle)
        // .woff duplicates the .woff2 every supported browser uses; source maps are for developers only.
        .filter((file) => file.startsWith("assets/") && !file.endsWith(".woff") && !file.endsWith(".map"))
        .map((file) => `/${file}`)
        .sort();
      this.emitFile({ type: "asset", fileName: "asset-manifest.json", source: JSON.stringify({ assets }) });
    },
  };
}

export default defineConfig({
  plugins: [react(), assetManifest()],
  resolve: {
    alias: {
      "@aiuteur/shared": path.resolve(here, "../shared/src/index.ts"),
    },
  },
  server: {
    proxy: {
      "/api": { target: SYNC_SERVER, changeOrigin: true },
      "/healthz": { target: SYNC_SERVER, changeOrigin: true },
      "/collab": { target: SYNC_SERVER, ws: true, changeOrigin: true },
    },
  },
  build: {
    outDir: path.resolve(here, "dist"),
    emptyOutDir: true,
    assetsDir: "assets",
    // One bundle on purpose: the first online visit then holds everything the app needs offline, even
    // before the service worker has finished precaching. ~250 kB gzipped, editor included.
    chunkSizeWarningLimit: 1000,
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    reporters: process.env.VITEST_JSON_DIR
      ? ["default", ["json", { outputFile: `${process.env.VITEST_JSON_DIR}/client.json` }]]
      : ["default"],
  },
});
