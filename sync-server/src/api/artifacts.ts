/**
 * Render artifacts (docs/api.md "Artifacts"): the render worker uploads them, members download them.
 *
 *   PUT  /api/projects/:projectId/artifacts/<key>   service token only; the body is the file; 201
 *   HEAD /api/projects/:projectId/artifacts/<key>   members or the service; 200 with size, or 404
 *   GET  /api/projects/:projectId/artifacts/<key>   members or the service; Range → 206, so players seek
 *
 * A key has slashes (shots/<hash>/clip.mp4, animatics/<branch>/<episode>/<hash>/animatic.mp4), so the
 * routes are registered for both depths and the key is the joined segments. Downloads accept the token as
 * `?access_token=` because <video src> and <a download> cannot send a header.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { ARTIFACT_CONTENT_TYPES, ERROR_CODES, isArtifactKey } from "@aiuteur/shared";
import { badRequest, HttpError, notFound } from "../http/errors.js";
import { sendJson } from "../http/json.js";
import type { Router } from "../http/router.js";
import { pathId } from "../http/validate.js";
import { ArtifactTooLargeError } from "../render/artifactStore.js";
import { artifactUrls } from "../render/artifactKeys.js";
import { parseRange } from "../render/range.js";
import type { Services } from "../services.js";
import { requireMemberOrService, requireService } from "./caller.js";

/** Largest artifact accepted: a long 1080p animatic stays well under it. */
export const ARTIFACT_MAX_BYTES = 2 * 1024 * 1024 * 1024;

const KEY_SHAPES = ["/:k1/:k2/:k3", "/:k1/:k2/:k3/:k4/:k5"];

function keyOf(params: Record<string, string>): string {
  const key = ["k1", "k2", "k3", "k4", "k5"].flatMap((name) => (params[name] === undefined ? [] : [params[name]])).join("/");
  if (!isArtifactKey(key)) {
    throw badRequest("Not an artifact key: shots/<hash>/clip.mp4|clip.webm|poster.png|thumb.jpg or animatics/<branch>/<episode>/<hash>/animatic.mp4|otio|xml|edl.", { field: "key" });
  }
  return key;
}

function contentType(key: string): string {
  return ARTIFACT_CONTENT_TYPES[key.slice(key.lastIndexOf(".") + 1)] ?? "application/octet-stream";
}

const DOWNLOAD_HEADERS = {
  // A key names fixed content (a content or timeline hash): it never changes. Private: it needs a token.
  "Cache-Control": "private, max-age=31536000, immutable",
  "X-Content-Type-Options": "nosniff",
  "Accept-Ranges": "bytes",
};

async function download(services: Services, req: IncomingMessage, res: ServerResponse, params: Record<string, string>, query: URLSearchParams, withBody: boolean): Promise<void> {
  const projectId = pathId(params, "projectId", "project");
  await requireMemberOrService(services, req, projectId, query);
  const key = keyOf(params);
  const head = await services.artifacts.head(projectId, key);
  if (!head) throw notFound("No such artifact in this project (it may still be rendering).");
  const type = contentType(key);
  const range = parseRange(req.headers.range, head.size);
  if (range === "unsatisfiable") {
    res.writeHead(416, { "Content-Range": `bytes */${head.size}`, ...DOWNLOAD_HEADERS });
    res.end();
    return;
  }
  const length = range ? range.end - range.start + 1 : head.size;
  res.writeHead(range ? 206 : 200, {
    "Content-Type": type,
    "Content-Length": length,
    ...(range ? { "Content-Range": `bytes ${range.start}-${range.end}/${head.size}` } : {}),
    ...DOWNLOAD_HEADERS,
  });
  if (!withBody || length === 0) {
    res.end();
    return;
  }
  const body = await services.artifacts.get(projectId, key, range ?? undefined);
  if (!body) {
    res.destroy();
    return;
  }
  body.on("error", () => res.destroy());
  res.on("close", () => body.destroy());
  body.pipe(res);
}

export function artifactRoutes(router: Router, services: Services): void {
  for (const shape of KEY_SHAPES) {
    const path = `/api/projects/:projectId/artifacts${shape}`;

    router.add("PUT", path, async ({ req, res, params }) => {
      const projectId = pathId(params, "projectId", "project");
      await requireService(services, req, projectId);
      const key = keyOf(params);
      const declared = Number(req.headers["content-length"] ?? "0");
      if (declared > ARTIFACT_MAX_BYTES) {
        res.setHeader("Connection", "close");
        throw new HttpError(413, ERROR_CODES.payloadTooLarge, "The artifact is larger than 2 GiB.");
      }
      try {
        const stored = await services.artifacts.put(projectId, key, req, ARTIFACT_MAX_BYTES);
        services.log.info("artifact.stored", { projectId, key, bytes: stored.size });
        sendJson(res, 201, { key, size: stored.size, url: artifactUrls(projectId, { url: key }).url });
      } catch (error) {
        if (req.destroyed && !res.headersSent) {
          // The uploader went away (a killed worker): nothing was stored, nobody is left to answer.
          services.log.info("artifact.upload-aborted", { projectId, key });
          res.destroy();
          return;
        }
        if (error instanceof ArtifactTooLargeError) {
          res.setHeader("Connection", "close");
          throw new HttpError(413, ERROR_CODES.payloadTooLarge, "The artifact is larger than 2 GiB.");
        }
        throw error;
      }
    });

    router.add("HEAD", path, ({ req, res, params, query }) => download(services, req, res, params, query, false));
    router.add("GET", path, ({ req, res, params, query }) => download(services, req, res, params, query, true));
  }
}
