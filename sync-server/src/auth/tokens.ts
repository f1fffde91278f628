/** Signed session tokens (HS256 JWTs with an expiry), used by the REST API and the WebSocket alike. */
import { SignJWT, jwtVerify } from "jose";

const ISSUER = "aiuteur";
const AUDIENCE = "aiuteur-api";

export interface TokenService {
  issue(userId: string): Promise<string>;
  /** The user id the token was issued to, or null for a bad, foreign or expired token. */
  verify(token: string): Promise<string | null>;
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
  };
}
