import { isWellFormedJwt, rejectionOf } from './token-rejection.js';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const jwt = (header: unknown, payload: unknown) => `${b64(header)}.${b64(payload)}.c2ln`;

test('garbage is malformed, not expired', () => {
  for (const garbage of [
    'not-a-jwt',
    'a.b.c',
    'x.y',
    '....',
    `${b64({ alg: 'RS256' })}.${b64('str')}.sig`,
    jwt({ alg: 'RS256' }, { sub: 'no-exp' }),
    jwt([], { exp: 1 }),
  ]) {
    expect(isWellFormedJwt(garbage)).toBe(false);
  }
  expect(isWellFormedJwt(jwt({ alg: 'RS256', kid: 'k' }, { exp: 1, sub: 's' }))).toBe(true);
});

test('keycloak-connect messages map to a fixed vocabulary; internal errors never show through', () => {
  expect(rejectionOf(new Error('invalid token (expired)'))).toBe('expired');
  expect(rejectionOf(new Error('Grant validation failed. Reason: invalid token (wrong audience)'))).toBe('wrong_audience');
  expect(rejectionOf(new Error('Grant validation failed. Reason: invalid token (wrong ISS)'))).toBe('wrong_issuer');
  expect(rejectionOf(new Error('invalid token (signature)'))).toBe('bad_signature');
  expect(rejectionOf(new Error('failed to load public key to verify token. Reason: x'))).toBe('bad_signature');
  // An unknown key id asked for twice within the JWKS refresh interval: keycloak-connect trips over itself.
  expect(rejectionOf(new TypeError("Cannot read properties of undefined (reading 'then')"))).toBe('bad_signature');
});
