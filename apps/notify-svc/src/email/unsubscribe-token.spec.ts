import { signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token.js';

const secret = 's'.repeat(32);

test('a signed token gives back its address; a tampered, foreign or garbled one gives nothing', () => {
  const token = signUnsubscribeToken('lisi@example.com', secret);
  expect(verifyUnsubscribeToken(token, secret)).toBe('lisi@example.com');
  const [body, sig] = token.split('.') as [string, string];
  const other = Buffer.from(JSON.stringify({ v: 1, a: 'zhangsan@example.com' })).toString('base64url');
  expect(verifyUnsubscribeToken(`${other}.${sig}`, secret)).toBeNull();
  expect(verifyUnsubscribeToken(token, 't'.repeat(32))).toBeNull();
  expect(verifyUnsubscribeToken(`${body}.${sig.slice(1)}`, secret)).toBeNull();
  for (const junk of ['', '.', 'abc', `${body}.${sig}.x`, '\u0000.\ud800']) expect(verifyUnsubscribeToken(junk, secret)).toBeNull();
});
