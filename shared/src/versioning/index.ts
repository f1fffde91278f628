export * from "./types.js";
export * from "./lockMirror.js";
export * from "./gating.js";
export * from "./revert.js";
export * from "./sceneHashes.js";
export * from "./diff.js";
export * from "./shotDiff.js";
