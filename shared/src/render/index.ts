export * from "./types.js";
export * from "./jobs.js";
export * from "./mirror.js";
export * from "./input.js";
export * from "./context.js";
export * from "./artifacts.js";
export * from "./prompt.js";
