import { createHash, randomBytes } from "node:crypto";

/** A random token for a cookie or an emailed link; only its hash is ever stored. */
export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
