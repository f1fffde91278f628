/** Field readers for request bodies: each returns the clean value or throws a 400 naming the field. */
import { FIELD_LIMITS, isEmail, isId, isRole, ROLES, type Role } from "@aiuteur/shared";
import { badRequest, notFound } from "./errors.js";

export function requiredString(body: Record<string, unknown>, field: string, max: number, min = 1): string {
  const value = body[field];
  if (typeof value !== "string") throw badRequest(`${field} is required and must be text.`, { field });
  const trimmed = value.trim();
  if (trimmed.length < min) throw badRequest(`${field} must be at least ${min} character${min === 1 ? "" : "s"}.`, { field });
  if (trimmed.length > max) throw badRequest(`${field} must be at most ${max} characters.`, { field });
  return trimmed;
}

export function email(body: Record<string, unknown>): string {
  const value = body.email;
  if (!isEmail(typeof value === "string" ? value.trim() : value)) {
    throw badRequest("email must be a valid email address.", { field: "email" });
  }
  return (value as string).trim().toLowerCase();
}

export function password(body: Record<string, unknown>): string {
  const value = body.password;
  if (typeof value !== "string" || value.length < FIELD_LIMITS.passwordMin || value.length > FIELD_LIMITS.passwordMax) {
    throw badRequest(
      `password must be ${FIELD_LIMITS.passwordMin} to ${FIELD_LIMITS.passwordMax} characters long.`,
      { field: "password" },
    );
  }
  return value;
}

export function role(body: Record<string, unknown>): Role {
  const value = body.role;
  if (!isRole(value)) throw badRequest(`role must be one of ${ROLES.join(", ")}.`, { field: "role" });
  return value;
}

/** A path id that is not even well-formed cannot name anything: answer 404, as for a missing one. */
export function pathId(params: Record<string, string>, name: string, what: string): string {
  const value = params[name];
  if (!isId(value)) throw notFound(`No ${what} with that id.`);
  return value;
}
