/**
 * OpenSearch answers 429 when its write queue is full: for a whole bulk request, or for single items of one (the
 * others are stored). Both are "try again later", not failures: the items refused are sent again after a growing
 * pause, so a rebuild under indexing pressure (passage scoring made bulk requests ~2× larger) finishes instead of
 * starting over. Any other refusal is final.
 */
export interface BulkRetryOptions {
  /** sends after the first one; 5 → pauses of 0.25, 0.5, 1, 2, 4 s (≈ 8 s in all) */
  retries?: number;
  firstPauseMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export class BulkRejectedError extends Error {
  constructor(
    readonly rejected: number,
    retries: number,
  ) {
    super(`OpenSearch kept refusing ${rejected} documents with 429 (too many requests) after ${retries} retries`);
  }
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends `items` with `send`, which returns the items OpenSearch refused with 429; sends those again until none is
 * left or the retries run out (then throws BulkRejectedError).
 */
export async function sendWithRetry<T>(
  items: readonly T[],
  send: (items: readonly T[]) => Promise<readonly T[]>,
  { retries = 5, firstPauseMs = 250, sleep = pause }: BulkRetryOptions = {},
): Promise<void> {
  let pending = items;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt > 0) {
      if (attempt > retries) throw new BulkRejectedError(pending.length, retries);
      await sleep(firstPauseMs * 2 ** (attempt - 1));
    }
    pending = await send(pending);
  }
}
