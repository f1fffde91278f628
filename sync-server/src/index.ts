export { startServer, type RunningServer } from "./app.js";
export { loadConfig, ConfigError, type ServerConfig } from "./config.js";
export { createLogger, type Logger } from "./logger.js";
