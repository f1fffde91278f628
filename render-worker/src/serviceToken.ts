/** Mints the worker's service token (see RENDER_SERVICE_TOKEN in shared); fresh ones replace expiring ones. */
import { SignJWT } from "jose";
import { RENDER_SERVICE_TOKEN } from "@aiuteur/shared";

export function createServiceToken(secret: Uint8Array): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(RENDER_SERVICE_TOKEN.subject)
    .setIssuer(RENDER_SERVICE_TOKEN.issuer)
    .setAudience(RENDER_SERVICE_TOKEN.audience)
    .setIssuedAt()
    .setExpirationTime(`${RENDER_SERVICE_TOKEN.ttlSeconds}s`)
    .sign(secret);
}

/** Caches a token and mints a new one once most of its lifetime has passed. */
export function serviceTokenSource(secret: Uint8Array): () => Promise<string> {
  let token: Promise<string> | null = null;
  let mintedAt = 0;
  return () => {
    if (!token || Date.now() - mintedAt > (RENDER_SERVICE_TOKEN.ttlSeconds * 1000) / 2) {
      mintedAt = Date.now();
      token = createServiceToken(secret);
    }
    return token;
  };
}
