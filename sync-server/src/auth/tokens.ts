/** Signed session tokens (HS256 JWTs with an expiry), used by the REST API and the WebSocket alike. */
import { SignJWT, jwtVerify } from "jose";
import { RENDER_SERVICE_TOKEN } from "@aiuteur/shared";

const ISSUER = "aiuteur";
const AUDIENCE = "aiuteur-api";

export interface TokenService {
  issue(userId: string): Promise<string>;
  /** The user id the token was issued to, or null for a bad, foreign or expired token. */
  verify(token: string): Promise<string | null>;
  /**
   * Whether the token is the render worker's service identity (render-worker/src/serviceToken.ts): same
   * secret, its own audience, so it is never taken for a user nor a user's token for it.
   */
  verifyService(token: string): Promise<boolean>;
}

export function createTokenService(secret: Uint8Array, ttlSeconds: number): TokenService {
  return {
    issue: (userId) =>
      new SignJWT({})
        .setProtectedHeader({ alg: "HS256" })
        .setSubject(userId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(secret),
    async verify(token) {
      if (typeof token !== "string" || token.length === 0 || token.length > 4096) return null;
      try {
        const { payload } = await jwtVerify(token, secret, {
          issuer: ISSUER,
          audience: AUDIENCE,
          algorithms: ["HS256"],
        });
        return typeof payload.sub === "string" ? payload.sub : null;
      } catch {
        return null;
      }
    },
    async verifyService(token) {
      if (typeof token !== "string" || token.length === 0 || token.length > 4096) return false;
      try {
        const { payload } = await jwtVerify(token, secret, {
          issuer: RENDER_SERVICE_TOKEN.issuer,
          audience: RENDER_SERVICE_TOKEN.audience,
          subject: RENDER_SERVICE_TOKEN.subject,
          algorithms: ["HS256"],
        });
        return payload.sub === RENDER_SERVICE_TOKEN.subject;
      } catch {
        return false;
      }
    },
  };
}
