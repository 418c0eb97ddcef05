import { BulkRejectedError, sendWithRetry } from './bulk-retry.js';

describe('sendWithRetry (OpenSearch bulk 429s)', () => {
  const pauses: number[] = [];
  const sleep = (ms: number) => {
    pauses.push(ms);
    return Promise.resolve();
  };
  beforeEach(() => (pauses.length = 0));

  it('sends once when nothing is refused', async () => {
    const sent: number[][] = [];
    await sendWithRetry([1, 2, 3], (items) => (sent.push([...items]), Promise.resolve([])), { sleep });
    expect(sent).toEqual([[1, 2, 3]]);
    expect(pauses).toEqual([]);
  });

  it('sends only the refused items again, after growing pauses', async () => {
    const sent: number[][] = [];
    const refusals: number[][] = [[2, 3], [3], []];
    await sendWithRetry([1, 2, 3], (items) => (sent.push([...items]), Promise.resolve(refusals[sent.length - 1] ?? [])), {
      sleep,
      firstPauseMs: 100,
    });
    expect(sent).toEqual([[1, 2, 3], [2, 3], [3]]);
    expect(pauses).toEqual([100, 200]);
  });

  it('gives up with the number still refused once the retries run out', async () => {
    let sends = 0;
    const always = (items: readonly number[]) => (sends++, Promise.resolve(items.slice(1)));
    const err = await sendWithRetry([1, 2, 3, 4, 5, 6], always, { sleep, retries: 2, firstPauseMs: 10 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BulkRejectedError);
    expect((err as BulkRejectedError).rejected).toBe(3);
    expect(sends).toBe(3);
    expect(pauses).toEqual([10, 20]);
  });

  it('passes on any other failure at once', async () => {
    const boom = () => Promise.reject(new Error('mapping refused'));
    await expect(sendWithRetry([1], boom, { sleep })).rejects.toThrow('mapping refused');
    expect(pauses).toEqual([]);
  });
});
