/** The render settings of the environment: where workers run and where files go. */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";

const load = (env: Record<string, string>) => loadConfig({ DATA_DIR: "/srv/aiuteur", ...env }, { clientDir: null });

describe("render configuration", () => {
  it("runs the worker in-process without Redis and leaves it to worker processes with Redis", () => {
    expect(load({}).renderWorkers).toBe("inline");
    expect(load({ REDIS_URL: "redis://127.0.0.1:6379" }).renderWorkers).toBe("none");
    expect(load({ REDIS_URL: "redis://127.0.0.1:6379", RENDER_WORKERS: "inline" }).renderWorkers).toBe("inline");
    expect(load({ RENDER_WORKERS: "none" }).renderWorkers).toBe("none");
  });

  it("keeps artifacts and scratch files in the data folder unless told otherwise", () => {
    expect(load({})).toMatchObject({ artifactDir: "/srv/aiuteur/artifacts", renderWorkDir: "/srv/aiuteur/render-work" });
    expect(load({ ARTIFACT_DIR: "files", RENDER_WORK_DIR: "/tmp/work" })).toMatchObject({ artifactDir: resolve("files"), renderWorkDir: "/tmp/work" });
  });

  it("lists a wrong RENDER_WORKERS with the other problems", () => {
    let thrown: unknown = null;
    try {
      load({ RENDER_WORKERS: "all", PORT: "-1" });
    } catch (error) {
      thrown = error;
      expect((error as ConfigError).problems).toEqual(
        expect.arrayContaining([expect.stringMatching(/^PORT/), 'RENDER_WORKERS must be inline or none (got "all")']),
      );
    }
    expect(thrown).toBeInstanceOf(ConfigError);
  });
});
