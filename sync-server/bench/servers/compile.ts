/**
 * Compiles a TypeScript bench entry to one plain ES module before it is started, so the server process runs
 * plain `node file.mjs` like the product's dist/main.js does. Running it through the tsx loader instead would
 * add the loader's own memory (about 50 MB) to the peer's RSS and skew the comparison.
 *
 * Packages stay external (resolved from node_modules as usual); relative imports (the product's dist for
 * aiuteur-nolog) are bundled in. The output goes under sync-server/node_modules/.cache, which node_modules
 * resolution reaches and git ignores.
 */
import { mkdirSync } from "node:fs";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const CACHE_DIR = fileURLToPath(new URL("../../node_modules/.cache/aiuteur-bench/", import.meta.url));
const compiled = new Map<string, Promise<string>>();

export function compileEntry(entry: string): Promise<string> {
  let output = compiled.get(entry);
  if (!output) {
    output = (async () => {
      mkdirSync(CACHE_DIR, { recursive: true });
      const outfile = CACHE_DIR + basename(entry).replace(/\.ts$/, ".mjs");
      await build({
        entryPoints: [entry],
        outfile,
        bundle: true,
        packages: "external",
        platform: "node",
        format: "esm",
        target: "node20",
        logLevel: "error",
      });
      return outfile;
    })();
    compiled.set(entry, output);
  }
  return output;
}
