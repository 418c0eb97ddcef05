import { DomainError, ErrorCode } from '@govdisc/contracts';

export type Fetch = typeof fetch;

export interface AdminTokenOptions {
  /** Where the gateway reaches Keycloak (KEYCLOAK_URL) and the realm of the service-account client. */
  baseUrl: string;
  realm: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
  fetch?: Fetch;
  now?: () => number;
}

/** Renew this long before expiry, so a token never expires between taking it and Keycloak checking it (capped at half its life). */
export const RENEW_BEFORE_EXPIRY_MS = 30_000;

/** The provider could not be asked (down, slow, refused the client): 503 with one stable code, the reason in details. */
export const unavailable = (reason: string) => new DomainError(ErrorCode.IDENTITY_PROVIDER_UNAVAILABLE, undefined, { reason });

/**
 * The service-account token for Keycloak's Admin REST API (client credentials grant), kept until shortly before it
 * expires; concurrent callers share one request. `invalidate()` drops it when Keycloak refuses it early (a restart).
 */
export class KeycloakAdminToken {
  private cached: { token: string; renewAt: number } | null = null;
  private pending: Promise<string> | null = null;
  private readonly fetch: Fetch;
  private readonly now: () => number;

  constructor(private readonly opts: AdminTokenOptions) {
    this.fetch = opts.fetch ?? fetch;
    this.now = opts.now ?? Date.now;
  }

  get(): Promise<string> {
    if (this.cached && this.now() < this.cached.renewAt) return Promise.resolve(this.cached.token);
    this.pending ??= this.request().finally(() => (this.pending = null));
    return this.pending;
  }

  invalidate(): void {
    this.cached = null;
  }

  private async request(): Promise<string> {
    const { baseUrl, realm, clientId, clientSecret, timeoutMs } = this.opts;
    const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
    let res: Response;
    try {
      res = await this.fetch(`${baseUrl}/realms/${encodeURIComponent(realm)}/protocol/openid-connect/token`, {
        method: 'POST',
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch {
      throw unavailable('unreachable');
    }
    if (res.status === 400 || res.status === 401) throw unavailable('credentials-rejected');
    if (!res.ok) throw unavailable(`token-endpoint-${res.status}`);
    const json = (await res.json().catch(() => null)) as { access_token?: unknown; expires_in?: unknown } | null;
    if (typeof json?.access_token !== 'string' || typeof json.expires_in !== 'number') throw unavailable('bad-answer');
    const lifeMs = json.expires_in * 1000;
    this.cached = { token: json.access_token, renewAt: this.now() + lifeMs - Math.min(RENEW_BEFORE_EXPIRY_MS, lifeMs / 2) };
    return json.access_token;
  }
}
