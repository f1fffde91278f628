/**
 * Who is calling a render or artifact route: a member of the project (their session token) or the render
 * worker (its service token, docs/api.md "Renders"). Artifact downloads may carry the token as
 * `?access_token=` because a <video src> cannot send an Authorization header.
 */
import type { IncomingMessage } from "node:http";
import type { Role } from "@aiuteur/shared";
import { forbidden, notFound, unauthenticated } from "../http/errors.js";
import type { Services } from "../services.js";
import type { StoredUser } from "../store/users.js";
import { bearerToken, requireRole } from "./session.js";

export type Caller = { kind: "service" } | { kind: "user"; user: StoredUser; role: Role };

export const ACCESS_TOKEN_QUERY = "access_token";

/** The caller, or 401 (no or bad token) / 404 (not a member, or no such project). */
export async function requireMemberOrService(
  services: Services,
  req: IncomingMessage,
  projectId: string,
  query?: URLSearchParams,
): Promise<Caller> {
  const token = bearerToken(req) ?? query?.get(ACCESS_TOKEN_QUERY) ?? null;
  if (!token) throw unauthenticated("Sign in to continue: send Authorization: Bearer <token>.");
  if (await services.tokens.verifyService(token)) {
    if (!(await services.projects.renderSettings(projectId))) throw notFound("No project with that id.");
    return { kind: "service" };
  }
  const userId = await services.tokens.verify(token);
  const user = userId ? await services.users.byId(userId) : undefined;
  if (!user) throw unauthenticated("Your session is invalid or has expired. Sign in again.");
  return { kind: "user", user, role: await requireRole(services, projectId, user.id) };
}

/** Routes only the render worker calls (uploads, the animatic plan). */
export async function requireService(services: Services, req: IncomingMessage, projectId: string): Promise<void> {
  const caller = await requireMemberOrService(services, req, projectId);
  if (caller.kind !== "service") throw forbidden("Only the render worker may do this.");
}
