/** Shapes of the REST API's answers (docs/api.md is the prose version of this file). */
import type { Role } from "./roles.js";

export interface UserInfo {
  id: string;
  email: string;
  displayName: string;
}

export interface AuthResponse {
  token: string;
  user: UserInfo;
}

export interface ProjectInfo {
  id: string;
  title: string;
  role: Role;
}

export interface MemberInfo {
  user: UserInfo;
  role: Role;
}

export interface EpisodeInfo {
  id: string;
  title: string;
  documents: { script: string };
}

/** Limits on user-supplied fields, checked by the server and mirrored by client forms. */
export const FIELD_LIMITS = {
  email: 254,
  passwordMin: 8,
  passwordMax: 256,
  displayName: 80,
  title: 200,
} as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(value: unknown): value is string {
  return typeof value === "string" && value.length <= FIELD_LIMITS.email && EMAIL.test(value);
}
