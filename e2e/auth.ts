/** Tokens for e2e tests from the stack's issuer (real Keycloak or the embedded one): same realm, same users. */
export const DEMO_USERS = {
  citizen: 'citizen1',
  enterprise: 'enterprise1',
  editor: 'editor1',
  reviewer: 'reviewer1',
  'dept-officer': 'officer-edu',
  'hotline-operator': 'hotline1',
  'disclosure-officer': 'gio1',
  admin: 'admin1',
} as const;

const cache = new Map<string, { token: string; until: number }>();

async function requestToken(issuerUrl: string, form: Record<string, string>): Promise<string> {
  const key = `${issuerUrl}|${JSON.stringify(form)}`;
  const hit = cache.get(key);
  if (hit && hit.until > Date.now()) return hit.token;
  const res = await fetch(`${issuerUrl}/protocol/openid-connect/token`, { method: 'POST', body: new URLSearchParams(form) });
  if (!res.ok) throw new Error(`token request failed: HTTP ${res.status} ${await res.text()}`);
  const json = (await res.json()) as { access_token: string; expires_in: number };
  cache.set(key, { token: json.access_token, until: Date.now() + (json.expires_in - 30) * 1000 });
  return json.access_token;
}

/** Password grant for a demo user (password `demo-<username>`). */
export function tokenFor(issuerUrl: string, username: string): Promise<string> {
  return requestToken(issuerUrl, { grant_type: 'password', client_id: 'govdisc-web', username, password: `demo-${username}` });
}

/** Client-credentials grant, as a department's own system would use. */
export function clientToken(issuerUrl: string, clientId = 'dept-system-demo', secret = 'dept-system-demo-secret'): Promise<string> {
  return requestToken(issuerUrl, { grant_type: 'client_credentials', client_id: clientId, client_secret: secret });
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export function claimsOf(token: string): Record<string, any> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
}
