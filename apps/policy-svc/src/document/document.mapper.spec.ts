import { documentAmended } from '@govdisc/contracts';
import { lifecyclePayload, summaryOf } from './document.mapper.js';

test("a published event's summary is the first non-empty paragraph, at most 300 characters", () => {
  expect(summaryOf('\n  为规范住房公积金提取管理，制定本办法。\n第一条 ……')).toBe('为规范住房公积金提取管理，制定本办法。');
  expect(summaryOf('长'.repeat(400))).toHaveLength(300);
  expect(summaryOf(' \n \n')).toBeNull();
});

test('an amended/repealed event carries what subscriptions match on: agency, region, summary, topic codes', () => {
  const doc = {
    id: '00000000-0000-4000-8000-000000000001',
    externalId: 'x-1',
    title: '江东市住房公积金提取管理办法',
    agency: '江东市住房公积金管理中心',
    version: 3,
    region: '江东市',
    body: '为规范住房公积金提取管理，制定本办法。\n第一条 ……',
    topicCodes: ['housing-fund'],
  };
  const payload = lifecyclePayload(doc, null, new Date('2026-06-01T00:00:00Z'));
  expect(payload).toMatchObject({
    agency: doc.agency,
    region: '江东市',
    summary: '为规范住房公积金提取管理，制定本办法。',
    topicCodes: ['housing-fund'],
  });
  expect(() => documentAmended.make(payload, { source: 'test', correlationId: 'c' })).not.toThrow();
});
