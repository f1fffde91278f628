import * as Y from "yjs";
import {
  canCreateEpisodes,
  canRead,
  ERROR_CODES,
  FIELD_LIMITS,
  FountainError,
  LIMITS,
  migrateDocument,
  newId,
  parseFountain,
  readScreenplay,
  writeFountain,
  writeScreenplay,
  type Screenplay,
} from "@aiuteur/shared";
import { HttpError, notFound } from "../http/errors.js";
import { readJsonObject, sendJson } from "../http/json.js";
import type { Router } from "../http/router.js";
import { pathId, requiredString } from "../http/validate.js";
import type { Services } from "../services.js";
import { episodeInfo } from "../store/episodes.js";
import { requireBranch } from "./branchParam.js";
import { requireRole, requireThat, requireUser } from "./session.js";

/** The Fountain body may be large; allow for JSON escaping on top of the Fountain limit. */
const EPISODE_BODY_LIMIT = LIMITS.maxFountainBytes * 2 + 64 * 1024;

function importFountain(text: unknown): Screenplay | null {
  if (text === undefined || text === null) return null;
  if (typeof text !== "string") throw new HttpError(400, ERROR_CODES.invalidFountain, "fountain must be the text of a .fountain file.");
  if (Buffer.byteLength(text, "utf8") > LIMITS.maxFountainBytes) {
    throw new HttpError(413, ERROR_CODES.payloadTooLarge, `The Fountain file is larger than ${LIMITS.maxFountainBytes / 1024 / 1024} MiB.`);
  }
  try {
    return parseFountain(text);
  } catch (error) {
    if (error instanceof FountainError) throw new HttpError(400, ERROR_CODES.invalidFountain, error.message);
    throw error;
  }
}

function titleFrom(body: Record<string, unknown>, screenplay: Screenplay | null): string {
  const fromTitlePage = screenplay?.titlePage.find((f) => f.key.toLowerCase() === "title")?.value.replace(/\s+/g, " ").trim();
  if ((body.title === undefined || body.title === "") && fromTitlePage) {
    return fromTitlePage.replace(/[*_]/g, "").slice(0, FIELD_LIMITS.title);
  }
  return requiredString(body, "title", FIELD_LIMITS.title);
}

/**
 * The initial state of a script document: the imported text, or one empty scene heading so the writer
 * starts where a screenplay starts (and two people opening a new script together do not each create a
 * first block). Every migration is applied.
 */
function initialScriptState(screenplay: Screenplay | null): Uint8Array {
  const doc = new Y.Doc();
  writeScreenplay(doc, screenplay ?? { titlePage: [], blocks: [{ type: "sceneHeading", content: [], attrs: { sceneId: newId() } }] });
  migrateDocument(doc, "script");
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

function attachmentName(title: string): string {
  const ascii = title.replace(/[^\w .-]+/g, "").trim() || "script";
  return `attachment; filename="${ascii}.fountain"; filename*=UTF-8''${encodeURIComponent(title)}.fountain`;
}

export function episodeRoutes(router: Router, services: Services): void {
  router.add("POST", "/api/projects/:projectId/episodes", async ({ req, res, params, query }) => {
    const user = await requireUser(services, req);
    const projectId = pathId(params, "projectId", "project");
    const role = await requireRole(services, projectId, user.id);
    requireThat(canCreateEpisodes(role), `A ${role} cannot create episodes; ask an owner, director or writer.`);
    // An episode created on a branch has documents there only, until the branch is merged.
    const branchId = await requireBranch(services, projectId, query);
    const body = await readJsonObject(req, EPISODE_BODY_LIMIT);
    const screenplay = importFountain(body.fountain);
    const title = titleFrom(body, screenplay);
    const id = newId();
    const state = initialScriptState(screenplay);
    const info = episodeInfo(projectId, { id, title }, branchId);
    await services.db.transaction(async (tx) => {
      await services.episodes.insert(tx, projectId, id, title, user.id);
      await services.documents.create(tx, info.documents.script, projectId, "script", state);
      await services.documents.register(tx, info.documents.beats, projectId, "beats");
      await services.documents.register(tx, info.documents.notes, projectId, "notes");
    });
    services.log.info("episode.created", { projectId, episodeId: id, branchId, imported: screenplay !== null });
    sendJson(res, 201, info);
  });

  router.add("GET", "/api/projects/:projectId/episodes", async ({ req, res, params, query }) => {
    const user = await requireUser(services, req);
    const projectId = pathId(params, "projectId", "project");
    await requireRole(services, projectId, user.id);
    const branchId = await requireBranch(services, projectId, query);
    sendJson(res, 200, await services.episodes.list(projectId, branchId));
  });

  router.add("GET", "/api/projects/:projectId/episodes/:episodeId", async ({ req, res, params, query }) => {
    const user = await requireUser(services, req);
    const projectId = pathId(params, "projectId", "project");
    const episodeId = pathId(params, "episodeId", "episode");
    await requireRole(services, projectId, user.id);
    const branchId = await requireBranch(services, projectId, query);
    const episode = await services.episodes.get(projectId, episodeId, branchId);
    if (!episode) throw notFound("No episode with that id in this project.");
    sendJson(res, 200, episode);
  });

  router.add("GET", "/api/projects/:projectId/episodes/:episodeId/script.fountain", async ({ req, res, params, query }) => {
    const user = await requireUser(services, req);
    const projectId = pathId(params, "projectId", "project");
    const episodeId = pathId(params, "episodeId", "episode");
    const role = await requireRole(services, projectId, user.id);
    requireThat(canRead(role, "script"), "You cannot read this script.");
    const branchId = await requireBranch(services, projectId, query);
    const episode = await services.episodes.get(projectId, episodeId, branchId);
    if (!episode) throw notFound("No episode with that id in this project.");
    const doc = await services.readDocument(episode.documents.script);
    if (!doc) throw notFound("This episode has no script document.");
    const text = writeFountain(readScreenplay(doc));
    res.writeHead(200, {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": attachmentName(episode.title),
      "Cache-Control": "no-store",
    });
    res.end(text);
  });
}
