import type { IncomingMessage, ServerResponse } from "node:http";
import { ERROR_CODES, LIMITS } from "@aiuteur/shared";
import { HttpError } from "./errors.js";

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
    "Cache-Control": "no-store",
  });
  res.end(text);
}

export function sendError(res: ServerResponse, error: HttpError): void {
  const body: { code: string; message: string; details?: Record<string, string> } = {
    code: error.code,
    message: error.message,
  };
  if (error.details) body.details = error.details;
  sendJson(res, error.status, { error: body });
}

/** Reads a JSON object body, refusing other media types, oversized bodies and anything but an object. */
export async function readJsonObject(req: IncomingMessage, limit: number = LIMITS.maxJsonBodyBytes): Promise<Record<string, unknown>> {
  const type = req.headers["content-type"] ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw new HttpError(415, ERROR_CODES.unsupportedMediaType, "Send the request body as application/json.");
  }
  const declared = Number(req.headers["content-length"] ?? "0");
  if (declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk as Buffer);
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new HttpError(400, ERROR_CODES.badRequest, "The request body is not valid JSON.");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new HttpError(400, ERROR_CODES.badRequest, "The request body must be a JSON object.");
  }
  return value as Record<string, unknown>;
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, ERROR_CODES.payloadTooLarge, `The request body is larger than ${Math.round(limit / 1024)} KiB.`);
}
