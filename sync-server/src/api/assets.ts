/** Reference images: upload (type checked from the bytes, size limited) and download, members only. */
import { ASSET_LIMITS, canWrite, ERROR_CODES, newId, type Role } from "@aiuteur/shared";
import { badRequest, HttpError, notFound } from "../http/errors.js";
import { sniffImageType } from "../http/imageType.js";
import { sendJson } from "../http/json.js";
import { readRawBody } from "../http/rawBody.js";
import type { Router } from "../http/router.js";
import { pathId } from "../http/validate.js";
import type { Services } from "../services.js";
import { requireMemberOrService } from "./caller.js";
import { requireRole, requireThat, requireUser } from "./session.js";

const ACCEPTED = ASSET_LIMITS.contentTypes.join(", ");

const canUpload = (role: Role) => canWrite(role, "project") || canWrite(role, "storyboard") || canWrite(role, "shot");

function unsupported(message: string): HttpError {
  return new HttpError(415, ERROR_CODES.unsupportedMediaType, message);
}

export function assetRoutes(router: Router, services: Services): void {
  router.add("POST", "/api/projects/:projectId/assets", async ({ req, res, params }) => {
    const user = await requireUser(services, req);
    const projectId = pathId(params, "projectId", "project");
    const role = await requireRole(services, projectId, user.id);
    requireThat(canUpload(role), `A ${role} cannot upload images; ask a director, an artist or an owner.`);
    const declared = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
    if (!(ASSET_LIMITS.contentTypes as readonly string[]).includes(declared)) {
      throw unsupported(`Upload an image as the request body with Content-Type ${ACCEPTED}.`);
    }
    const data = await readRawBody(req, res, ASSET_LIMITS.maxBytes, "The image");
    if (data.byteLength === 0) throw badRequest("The image is empty: send the file's bytes as the request body.");
    const actual = sniffImageType(data);
    if (!actual) throw unsupported(`This file is not a PNG, JPEG, WebP or GIF image, whatever its name says.`);
    const asset = await services.assets.insert({ id: newId(), projectId, contentType: actual, data, createdBy: user.id });
    services.log.info("asset.uploaded", { projectId, assetId: asset.id, contentType: actual, bytes: asset.bytes });
    sendJson(res, 201, asset);
  });

  router.add("GET", "/api/projects/:projectId/assets/:assetId", async ({ req, res, params }) => {
    const projectId = pathId(params, "projectId", "project");
    const assetId = pathId(params, "assetId", "image");
    // Members, and the render worker drawing a panel's reference image.
    await requireMemberOrService(services, req, projectId);
    const asset = await services.assets.get(projectId, assetId);
    if (!asset) throw notFound("No image with that id in this project.");
    res.writeHead(200, {
      "Content-Type": asset.contentType,
      "Content-Length": asset.bytes,
      // An asset never changes (a new upload gets a new id); private: it needs the member's token.
      "Cache-Control": "private, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    });
    res.end(asset.data);
  });
}
