import { summed } from './ask-stats.service.js';

test('a batch of asks becomes one row per day and topic, each ask counted once under its outcome', () => {
  const rows = summed([
    { day: '2026-12-06', topic: 'housing-fund', outcome: 'answered' },
    { day: '2026-12-06', topic: 'housing-fund', outcome: 'fallback' },
    { day: '2026-12-06', topic: '', outcome: 'suggestionsOnly' },
    { day: '2026-12-07', topic: 'housing-fund', outcome: 'answered' },
  ]);
  expect(rows).toEqual([
    { day: '2026-12-06', topic: 'housing-fund', asked: 2, answered: 1, suggestionsOnly: 0, fallback: 1 },
    { day: '2026-12-06', topic: '', asked: 1, answered: 0, suggestionsOnly: 1, fallback: 0 },
    { day: '2026-12-07', topic: 'housing-fund', asked: 1, answered: 1, suggestionsOnly: 0, fallback: 0 },
  ]);
});
