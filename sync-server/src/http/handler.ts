/** The one request handler: health probes, the REST API, then the built client. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { ERROR_CODES } from "@aiuteur/shared";
import type { Logger } from "../logger.js";
import { HttpError } from "./errors.js";
import { sendError, sendJson } from "./json.js";
import type { Router } from "./router.js";
import { serveClient } from "./static.js";

export interface HandlerDeps {
  router: Router;
  log: Logger;
  clientDir: string | null;
  ready(): Promise<void>;
}

export function createRequestHandler(deps: HandlerDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://localhost");
    try {
      if (url.pathname === "/healthz") return sendJson(res, 200, { status: "ok" });
      if (url.pathname === "/readyz") {
        try {
          await deps.ready();
          return sendJson(res, 200, { status: "ready" });
        } catch (error) {
          deps.log.warn("readiness.failed", { error });
          return sendJson(res, 503, { error: { code: ERROR_CODES.unavailable, message: "Storage is not reachable." } });
        }
      }
      if (url.pathname === "/api" || url.pathname.startsWith("/api/")) {
        const match = deps.router.match(req.method ?? "GET", url.pathname);
        if (match === "method-not-allowed") {
          throw new HttpError(405, ERROR_CODES.badRequest, `${req.method} is not supported on ${url.pathname}.`);
        }
        if (!match) throw new HttpError(404, ERROR_CODES.notFound, `No API endpoint at ${url.pathname}.`);
        await match.handler({ req, res, params: match.params, query: url.searchParams });
        return;
      }
      if (deps.clientDir && (await serveClient(deps.clientDir, req, res))) return;
      throw new HttpError(404, ERROR_CODES.notFound, "Not found.");
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof HttpError) return sendError(res, error);
      deps.log.error("request.failed", { method: req.method, path: url.pathname, error });
      sendError(res, new HttpError(500, ERROR_CODES.internal, "Something went wrong on the server. Try again in a moment."));
    }
  };
}
