import { jest } from '@jest/globals';
import { WakeableLoop } from './wakeable-loop.js';

/** Lets the pass's promise chain settle under fake timers. */
async function settle() {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

describe('WakeableLoop', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function loopWith(run: () => Promise<{ failed: boolean }>, onError = jest.fn()) {
    return new WakeableLoop({ label: 't', everyMs: 5_000, retryMs: 500, run, failed: (r) => r.failed, onError });
  }

  it('runs at start, then every everyMs when nobody wakes it', async () => {
    const run = jest.fn(async () => ({ failed: false }));
    const loop = loopWith(run);
    loop.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(4_999);
    expect(run).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(2);
    await loop.stop();
  });

  it('a wake between passes runs one at once', async () => {
    const run = jest.fn(async () => ({ failed: false }));
    const loop = loopWith(run);
    loop.start();
    await jest.advanceTimersByTimeAsync(100);
    loop.wake();
    await jest.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(2);
    await loop.stop();
  });

  it('a wake during a pass runs another right after it, not a poll later', async () => {
    let finish!: () => void;
    const run = jest.fn(
      () =>
        new Promise<{ failed: boolean }>((resolve) => {
          finish = () => resolve({ failed: false });
        }),
    );
    const loop = loopWith(run);
    loop.start();
    await jest.advanceTimersByTimeAsync(0);
    loop.wake(); // the pass in flight may have read before the work the wake is about
    finish();
    await settle();
    await jest.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(2);
    finish();
    await settle();
    await jest.advanceTimersByTimeAsync(4_999);
    expect(run).toHaveBeenCalledTimes(2); // no wake during the second: back to the poll
    await loop.stop();
  });

  it('a pass that failed or threw is retried after retryMs, and the error reported', async () => {
    const onError = jest.fn();
    const results: Array<() => Promise<{ failed: boolean }>> = [
      async () => ({ failed: true }),
      async () => {
        throw new Error('database restarting');
      },
      async () => ({ failed: false }),
    ];
    const run = jest.fn(() => (results.shift() ?? (async () => ({ failed: false })))());
    const loop = loopWith(run, onError);
    loop.start();
    await jest.advanceTimersByTimeAsync(0);
    await jest.advanceTimersByTimeAsync(500);
    expect(run).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(500);
    expect(run).toHaveBeenCalledTimes(3);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'database restarting' }), 't pass failed; will retry');
    await jest.advanceTimersByTimeAsync(4_999);
    expect(run).toHaveBeenCalledTimes(3);
    await loop.stop();
  });

  it('stop waits for the pass in flight and nothing runs after it', async () => {
    let finish!: () => void;
    const run = jest.fn(() => new Promise<{ failed: boolean }>((resolve) => (finish = () => resolve({ failed: false }))));
    const loop = loopWith(run);
    loop.start();
    await jest.advanceTimersByTimeAsync(0);
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await settle();
    expect(stopped).toBe(false);
    finish();
    await stopping;
    loop.wake();
    await jest.advanceTimersByTimeAsync(10_000);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
