/**
 * Stable error ids returned by the REST API as `{ error: { code, message } }`. Clients branch on the code,
 * never on the message.
 */
export const ERROR_CODES = {
  badRequest: "bad_request",
  validation: "validation_failed",
  unauthenticated: "unauthenticated",
  invalidCredentials: "invalid_credentials",
  forbidden: "forbidden",
  notFound: "not_found",
  conflict: "conflict",
  emailTaken: "email_taken",
  userNotFound: "user_not_found",
  payloadTooLarge: "payload_too_large",
  unsupportedMediaType: "unsupported_media_type",
  invalidFountain: "invalid_fountain",
  internal: "internal_error",
  unavailable: "service_unavailable",
  /** The document is locked: unlock it (or fork a branch) before changing it. */
  locked: "document_locked",
  /** A lock refused by the gating rules, e.g. a shot before its episode's script. */
  lockRefused: "lock_refused",
} as const;
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; details?: Record<string, string> };
}
