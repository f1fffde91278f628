export * from "./types.js";
export * from "./lockMirror.js";
export * from "./gating.js";
export * from "./revert.js";
