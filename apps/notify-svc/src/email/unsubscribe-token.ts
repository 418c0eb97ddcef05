import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * One-click unsubscribe tokens (RFC 8058): the address, signed with HMAC-SHA256. They never expire
 * (a link in an old email must still work) and carry nothing but the address they unsubscribe.
 * Format: base64url(JSON {v: 1, a: address}) "." base64url(HMAC).
 */
const mac = (secret: string, body: string) => createHmac('sha256', secret).update(`unsubscribe.${body}`).digest('base64url');

export function signUnsubscribeToken(address: string, secret: string): string {
  const body = Buffer.from(JSON.stringify({ v: 1, a: address })).toString('base64url');
  return `${body}.${mac(secret, body)}`;
}

/** The address a token unsubscribes, or null for anything not signed with `secret`. */
export function verifyUnsubscribeToken(token: string, secret: string): string | null {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(secret, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { v?: unknown; a?: unknown };
    return claims.v === 1 && typeof claims.a === 'string' && claims.a.includes('@') ? claims.a : null;
  } catch {
    return null;
  }
}
