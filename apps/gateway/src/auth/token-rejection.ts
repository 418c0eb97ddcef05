/** Why a bearer token was refused, as told to the client in `details.reason` (a fixed vocabulary, never an exception text). */
export type TokenRejection = 'malformed' | 'bad_signature' | 'expired' | 'wrong_issuer' | 'wrong_audience' | 'wrong_type';

/**
 * Whether the string is a JWT at all: three base64url parts, a JSON header naming an algorithm and
 * a JSON payload with a numeric `exp`. keycloak-connect reports anything it cannot parse as
 * "expired", so this runs first.
 */
export function isWellFormedJwt(token: string): boolean {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p))) return false;
  try {
    const header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as unknown;
    const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as unknown;
    return isObject(header) && typeof header.alg === 'string' && isObject(payload) && typeof payload.exp === 'number';
  } catch {
    return false;
  }
}

/**
 * Maps keycloak-connect's rejection ("invalid token (expired)", "… (wrong audience)", a failed key
 * lookup for an unknown `kid`, …) onto the vocabulary. Whatever is not a claim problem means the
 * signature could not be verified with any of the realm's keys.
 */
export function rejectionOf(error: unknown): TokenRejection {
  const message = error instanceof Error ? error.message : String(error);
  if (/\(expired\)/.test(message)) return 'expired';
  if (/\(wrong ISS\)/.test(message)) return 'wrong_issuer';
  if (/\(wrong audience\)|\(authorized party/.test(message)) return 'wrong_audience';
  if (/\(wrong type\)/.test(message)) return 'wrong_type';
  if (/\(not signed\)|\(missing\)/.test(message)) return 'malformed';
  return 'bad_signature';
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
