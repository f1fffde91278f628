import { ERROR_CODES, type ErrorCode } from "@aiuteur/shared";

/** An error meant for the client: a status, a stable code and a message a person can act on. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, string>,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export const badRequest = (message: string, details?: Record<string, string>) =>
  new HttpError(400, ERROR_CODES.validation, message, details);
export const unauthenticated = (message = "Sign in to continue.") =>
  new HttpError(401, ERROR_CODES.unauthenticated, message);
export const forbidden = (message: string) => new HttpError(403, ERROR_CODES.forbidden, message);
export const notFound = (message: string) => new HttpError(404, ERROR_CODES.notFound, message);
