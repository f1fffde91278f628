import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The token-signing secret: JWT_SECRET when given (several instances must share one), otherwise generated
 * once and kept in the data folder so tokens stay valid across restarts of a single instance.
 */
export function resolveJwtSecret(explicit: string | null, dataDir: string): Uint8Array {
  if (explicit) return new TextEncoder().encode(explicit);
  const file = join(dataDir, "jwt-secret");
  try {
    return new TextEncoder().encode(readFileSync(file, "utf8").trim());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  // "wx" fails if another process created it first; then read theirs so both agree.
  try {
    writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return new TextEncoder().encode(secret);
  } catch {
    return new TextEncoder().encode(readFileSync(file, "utf8").trim());
  }
}
