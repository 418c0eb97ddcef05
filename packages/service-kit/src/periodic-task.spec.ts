import { PeriodicTask } from './periodic-task.js';

test('runs at start and again every interval, one run at a time; a failure does not stop it; stop waits for the run in progress', async () => {
  let runs = 0;
  let release: () => void = () => undefined;
  const task = new PeriodicTask({
    label: 'test task',
    everyMs: 20,
    run: async () => {
      runs++;
      if (runs === 1) throw new Error('first run fails');
      await new Promise<void>((resolve) => (release = resolve));
    },
  });
  task.start();
  expect(runs).toBe(1);
  await new Promise((resolve) => setTimeout(resolve, 30));
  expect(runs).toBe(2);
  let stopped = false;
  const stopping = task.stop().then(() => (stopped = true));
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect([stopped, runs]).toEqual([false, 2]); // waits for the second run; ticks meanwhile were skipped
  release();
  await stopping;
  expect(stopped).toBe(true);
});
