import { createHash, randomBytes } from 'node:crypto';

/** What a code or refresh token stands for until it is redeemed. */
export interface CodeGrant {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  nonce?: string;
  username: string;
  /** The sign-in (session) id: shared by the id token, its refresh tokens and end-session. */
  sid: string;
  authTime: number;
}
export interface RefreshGrant {
  clientId: string;
  username: string;
  sid: string;
  nonce?: string;
  authTime: number;
}

/**
 * Single-use secrets with an expiry (authorization codes, refresh tokens), in memory like the
 * issuer's key. Taking one removes it, so a replayed code or an old refresh token finds nothing.
 */
export class SingleUseSecrets<T extends { sid: string }> {
  private readonly entries = new Map<string, { value: T; expiresAt: number }>();

  constructor(
    private readonly lifetimeMs: number,
    private readonly now: () => number,
    /** Bounded, so a flood of sign-ins cannot grow memory without limit; the oldest go first. */
    private readonly max = 50_000,
  ) {}

  issue(value: T): string {
    const secret = randomBytes(32).toString('base64url');
    this.entries.set(secret, { value, expiresAt: this.now() + this.lifetimeMs });
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
    return secret;
  }

  take(secret: string | undefined): T | undefined {
    if (!secret) return undefined;
    const entry = this.entries.get(secret);
    this.entries.delete(secret);
    return entry && entry.expiresAt > this.now() ? entry.value : undefined;
  }

  /** Ends a sign-in: every secret issued for it stops working (end-session). */
  revokeSession(sid: string): void {
    for (const [secret, entry] of this.entries) if (entry.value.sid === sid) this.entries.delete(secret);
  }
}

/** RFC 7636 S256: BASE64URL(SHA256(verifier)) must equal the challenge sent with the authorization request. */
export function pkceS256Matches(verifier: string | undefined, challenge: string): boolean {
  if (!verifier || !/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier)) return false;
  return createHash('sha256').update(verifier).digest('base64url') === challenge;
}
