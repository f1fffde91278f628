import { canManageMembers, ERROR_CODES, rolesAssignableBy, type Role } from "@aiuteur/shared";
import { HttpError, notFound } from "../http/errors.js";
import { readJsonObject, sendJson } from "../http/json.js";
import type { Router } from "../http/router.js";
import { email, pathId, role } from "../http/validate.js";
import type { Services } from "../services.js";
import { publicUser } from "../store/users.js";
import { requireRole, requireThat, requireUser } from "./session.js";

function requireAssignable(callerRole: Role, wanted: Role): void {
  requireThat(canManageMembers(callerRole), "Only owners and directors can manage members.");
  requireThat(rolesAssignableBy(callerRole).includes(wanted), `A ${callerRole} cannot make someone ${wanted}.`);
}

export function memberRoutes(router: Router, services: Services): void {
  router.add("GET", "/api/projects/:projectId/members", async ({ req, res, params }) => {
    const user = await requireUser(services, req);
    const projectId = pathId(params, "projectId", "project");
    await requireRole(services, projectId, user.id);
    sendJson(res, 200, await services.projects.members(projectId));
  });

  router.add("POST", "/api/projects/:projectId/members", async ({ req, res, params }) => {
    const user = await requireUser(services, req);
    const projectId = pathId(params, "projectId", "project");
    const callerRole = await requireRole(services, projectId, user.id);
    const body = await readJsonObject(req);
    const wanted = role(body);
    requireAssignable(callerRole, wanted);
    const member = await services.users.byEmail(email(body));
    if (!member) {
      throw new HttpError(404, ERROR_CODES.userNotFound, "No account uses that email. Ask them to sign up first.");
    }
    if (!(await services.projects.addMember(projectId, member.id, wanted))) {
      throw new HttpError(409, ERROR_CODES.conflict, `${member.displayName} is already a member of this project.`);
    }
    services.log.info("member.added", { projectId, userId: member.id, role: wanted, by: user.id });
    sendJson(res, 201, { user: publicUser(member), role: wanted });
  });

  router.add("PATCH", "/api/projects/:projectId/members/:userId", async ({ req, res, params }) => {
    const user = await requireUser(services, req);
    const projectId = pathId(params, "projectId", "project");
    const memberId = pathId(params, "userId", "member");
    const callerRole = await requireRole(services, projectId, user.id);
    const wanted = role(await readJsonObject(req));
    requireAssignable(callerRole, wanted);
    const current = await services.projects.roleOf(projectId, memberId);
    if (!current) throw notFound("That person is not a member of this project.");
    requireThat(current !== "owner" || callerRole === "owner", "Only an owner can change another owner's role.");
    if (current === "owner" && wanted !== "owner" && (await services.projects.countOwners(projectId)) <= 1) {
      throw new HttpError(409, ERROR_CODES.conflict, "A project needs at least one owner.");
    }
    await services.projects.setRole(projectId, memberId, wanted);
    services.disconnectMember(projectId, memberId);
    const member = await services.users.byId(memberId);
    sendJson(res, 200, { user: member && publicUser(member), role: wanted });
  });

  router.add("DELETE", "/api/projects/:projectId/members/:userId", async ({ req, res, params }) => {
    const user = await requireUser(services, req);
    const projectId = pathId(params, "projectId", "project");
    const memberId = pathId(params, "userId", "member");
    const callerRole = await requireRole(services, projectId, user.id);
    requireThat(canManageMembers(callerRole) || memberId === user.id, "Only owners and directors can remove members.");
    const current = await services.projects.roleOf(projectId, memberId);
    if (!current) throw notFound("That person is not a member of this project.");
    requireThat(current !== "owner" || callerRole === "owner", "Only an owner can remove an owner.");
    if (current === "owner" && (await services.projects.countOwners(projectId)) <= 1) {
      throw new HttpError(409, ERROR_CODES.conflict, "A project needs at least one owner.");
    }
    await services.projects.removeMember(projectId, memberId);
    services.disconnectMember(projectId, memberId);
    sendJson(res, 200, { removed: memberId });
  });
}
