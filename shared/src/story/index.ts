export * from "./yarray.js";
export * from "./beats.js";
export * from "./shots.js";
export * from "./drawing.js";
export * from "./threads.js";
export * from "./registry.js";
export * from "./scenes.js";
