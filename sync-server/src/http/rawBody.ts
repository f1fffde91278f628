import type { IncomingMessage, ServerResponse } from "node:http";
import { ERROR_CODES } from "@aiuteur/shared";
import { HttpError } from "./errors.js";

/**
 * Reads a binary body of at most `limit` bytes. A body declared or found to be larger is refused with 413
 * as soon as that is known, holding at most `limit` bytes in memory; the connection is then closed so the
 * rest of an oversized upload is not read.
 */
export async function readRawBody(req: IncomingMessage, res: ServerResponse, limit: number, what: string): Promise<Buffer> {
  const tooLarge = () => {
    res.setHeader("Connection", "close");
    return new HttpError(413, ERROR_CODES.payloadTooLarge, `${what} is larger than ${Math.round(limit / 1024 / 1024)} MiB.`);
  };
  const declared = Number(req.headers["content-length"] ?? "0");
  if (declared > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
