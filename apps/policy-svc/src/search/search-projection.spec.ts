import { resumeFrom } from './search-projection.js';

const saved = { stream: 'POLICY_EVENTS', streamCreated: '2026-11-28T00:00:00Z', seq: 41 };

test('resumes after the saved sequence on the same stream', () => {
  expect(resumeFrom(saved, 'POLICY_EVENTS', saved.streamCreated, 50)).toEqual({ seq: 42, position: saved });
});

test('starts from the beginning with no snapshot, on a recreated stream, or a stream behind the snapshot', () => {
  expect(resumeFrom(null, 'POLICY_EVENTS', saved.streamCreated, 50).seq).toBe(1);
  expect(resumeFrom(saved, 'POLICY_EVENTS', '2026-11-29T00:00:00Z', 50).seq).toBe(1);
  expect(resumeFrom(saved, 'POLICY_EVENTS', saved.streamCreated, 10).seq).toBe(1);
});
