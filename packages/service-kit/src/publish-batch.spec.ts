import { PublishBatch } from './publish-batch.js';

/** What the batch reported as refused, as `error reply` pairs. */
function refusals() {
  const seen: [unknown, string | undefined][] = [];
  return { seen, failed: (error: unknown, reply: string | undefined) => void seen.push([error, reply]) };
}

const turn = () => new Promise((r) => setImmediate(r));

test('messages queued in one event-loop turn are handed over together after it, in order', async () => {
  const published: string[] = [];
  const batch = new PublishBatch({ publish: (subject: string, data?: unknown) => void published.push(`${subject} ${String(data)}`) });
  const { seen, failed } = refusals();
  batch.publish('a', '1', 'r.1', undefined, failed);
  batch.publish('b', '2', undefined, undefined, failed);
  expect(published).toEqual([]); // nothing before the turn ends
  await turn();
  expect(published).toEqual(['a 1', 'b 2']);
  batch.publish('c', '3', undefined, undefined, failed);
  batch.flush(); // drain/close hand it over at once
  expect(published).toEqual(['a 1', 'b 2', 'c 3']);
  expect(seen).toEqual([]);
});

test('a message nats.js refuses is reported with its reply subject; the others still go', async () => {
  const published: string[] = [];
  const refusal = new Error('max_payload size exceeded');
  const batch = new PublishBatch({
    publish: (subject: string) => {
      if (subject === 'big') throw refusal;
      published.push(subject);
    },
  });
  const { seen, failed } = refusals();
  batch.publish('big', 'x', 'inbox.7', undefined, failed);
  batch.publish('small', 'y', 'inbox.8', undefined, failed);
  await turn();
  expect(seen).toEqual([[refusal, 'inbox.7']]);
  expect(published).toEqual(['small']);
});
