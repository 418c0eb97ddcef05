import { BusNaming } from './naming.js';

test('no prefix: contract names as they are', () => {
  const naming = new BusNaming();
  expect(naming.subject('policy.document.published')).toBe('policy.document.published');
  expect(naming.stream('POLICY_EVENTS')).toBe('POLICY_EVENTS');
});

test('a prefix isolates subjects, streams and consumers of a test run', () => {
  const naming = new BusNaming('t42.');
  expect(naming.subject('policy.document.published')).toBe('t42.policy.document.published');
  expect(naming.streamSpecs()).toContainEqual({ name: 'T42_POLICY_EVENTS', subjects: ['t42.policy.>'] });
  expect(naming.streamSpecs()).toContainEqual({ name: 'T42_DEAD_LETTERS', subjects: ['t42.deadletter.>'] });
  expect(naming.consumerSpec('notify-svc__policy-document-published')).toMatchObject({
    stream: 'T42_POLICY_EVENTS',
    filterSubject: 't42.policy.document.published',
  });
});

test('bad prefixes and unknown consumers are refused', () => {
  expect(() => new BusNaming('a.b.')).toThrow(/prefix/);
  expect(() => new BusNaming().consumerSpec('nobody__nothing')).toThrow(/unknown consumer/);
});
