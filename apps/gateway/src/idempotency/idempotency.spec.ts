import { Idempotency } from './idempotency.js';
import type { IdempotencyRepository } from './idempotency.repository.js';

/** A repository whose writes fail as told: the database restarting, or the record gone. */
function records(failures: { complete?: Error[]; release?: Error[] }, recordGone = false) {
  const calls = { complete: 0, release: 0 };
  const next = (kind: 'complete' | 'release') => {
    calls[kind]++;
    const error = failures[kind]?.shift();
    return error === undefined ? Promise.resolve(!recordGone) : Promise.reject(error);
  };
  const repo = {
    claim: () => Promise.resolve({ claim: new Date() }),
    complete: () => next('complete'),
    release: () => next('release'),
  } as unknown as IdempotencyRepository;
  return { repo, calls };
}

const restarting = Object.assign(new Error('Server has closed the connection.'), { code: 'P1017' });
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

function idempotency(repo: IdempotencyRepository) {
  const it = new Idempotency(repo);
  it.firstRetryMs = 1;
  return it;
}

describe('Idempotency when the database fails around the work', () => {
  const run = (it: Idempotency, work: () => Promise<unknown>) =>
    it.run({ scope: 'user:1 POST /x', key: 'key-12345678', body: { a: 1 }, status: 201, work });

  it('answers with the work done when keeping the answer fails, and keeps it once the database is back', async () => {
    const { repo, calls } = records({ complete: [restarting, restarting] });
    await expect(run(idempotency(repo), () => Promise.resolve({ id: 'r1' }))).resolves.toEqual({ replayed: false, body: { id: 'r1' } });
    await settle();
    expect(calls.complete).toBe(3);
  });

  it('does not retry keeping an answer whose record is gone', async () => {
    const { repo, calls } = records({}, true);
    await expect(run(idempotency(repo), () => Promise.resolve('ok'))).resolves.toEqual({ replayed: false, body: 'ok' });
    await settle();
    expect(calls.complete).toBe(1);
  });

  it('passes on the work failing and releases the key, again in the background if the database refuses', async () => {
    const { repo, calls } = records({ release: [restarting] });
    await expect(run(idempotency(repo), () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await settle();
    expect(calls.release).toBe(2);
    expect(calls.complete).toBe(0);
  });
});
