import { describe, expect, it } from "vitest";
import { readWorkerConfig } from "../src/main.js";
import { throttleProgress } from "../src/sync/progressThrottle.js";

describe("the worker process configuration", () => {
  it("lists every missing or invalid variable at once", () => {
    const result = readWorkerConfig({ SERVER_URL: "ftp://x", JWT_SECRET: "short", RENDER_CONCURRENCY: "0" });
    expect("problems" in result && result.problems).toEqual([
      expect.stringMatching(/^REDIS_URL is required/),
      "SERVER_URL must be an http:// or https:// URL",
      "JWT_SECRET must be at least 32 characters long",
      "RENDER_CONCURRENCY must be a whole number from 1 to 64",
    ]);
  });

  it("reads a complete environment with defaults", () => {
    const result = readWorkerConfig({ REDIS_URL: "redis://127.0.0.1:6379", SERVER_URL: "http://sync:3000/", JWT_SECRET: "x".repeat(32) });
    expect(result).toMatchObject({ redisUrl: "redis://127.0.0.1:6379", serverUrl: "http://sync:3000", concurrency: 1 });
    expect("workDir" in result && result.workDir).toMatch(/aiuteur-render-\d+$/);
  });
});

describe("throttleProgress", () => {
  it("writes only steps of at least 5 % and not more often than every 500 ms", () => {
    let now = 0;
    const written: number[] = [];
    const report = throttleProgress((percent) => written.push(percent), { now: () => now });
    report(0);
    now = 100;
    report(0.2); // too soon
    now = 600;
    report(0.22);
    now = 1200;
    report(0.24); // too small a step
    now = 1800;
    report(1);
    expect(written).toEqual([0, 22, 100]);
  });
});
