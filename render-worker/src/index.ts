/** The render worker's public entry: what the sync server needs to queue renders and run the worker in-process. */
export * from "./contract.js";
export { createServiceToken, serviceTokenSource } from "./serviceToken.js";
