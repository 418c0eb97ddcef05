import { classifyTopics } from './topics.js';

test('a document is classified by its cue words, title first, with a confidence', () => {
  const r = classifyTopics('关于阶段性减免企业社会保险费的通知', '减免养老保险、失业保险、工伤保险单位缴费，社会保险费……');
  expect(r.topics[0]).toBe('社会保险');
  expect(r.confidence).toBeGreaterThan(0.3);
  expect(r.confidence).toBeLessThanOrEqual(1);
});

test('no cue word → no topic and no confidence', () => {
  expect(classifyTopics('某某', '甲乙丙丁')).toEqual({ topics: [], confidence: null });
});
