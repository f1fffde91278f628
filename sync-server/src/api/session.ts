import type { IncomingMessage } from "node:http";
import type { Role } from "@aiuteur/shared";
import { forbidden, notFound, unauthenticated } from "../http/errors.js";
import type { Services } from "../services.js";
import type { StoredUser } from "../store/users.js";

export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}

/** The signed-in user, or a 401 that says why. */
export async function requireUser(services: Services, req: IncomingMessage): Promise<StoredUser> {
  const token = bearerToken(req);
  if (!token) throw unauthenticated("Sign in to continue: send Authorization: Bearer <token>.");
  const userId = await services.tokens.verify(token);
  const user = userId ? await services.users.byId(userId) : undefined;
  if (!user) throw unauthenticated("Your session is invalid or has expired. Sign in again.");
  return user;
}

/**
 * The caller's role in a project. Non-members get 404 rather than 403 so project ids cannot be probed.
 */
export async function requireRole(services: Services, projectId: string, userId: string): Promise<Role> {
  const role = await services.projects.roleOf(projectId, userId);
  if (!role) throw notFound("No project with that id, or you are not a member of it.");
  return role;
}

export function requireThat(allowed: boolean, message: string): void {
  if (!allowed) throw forbidden(message);
}
