import { TEMPLATE_OUTCOMES, replyTemplate } from './reply-templates';

const request = { requestNumber: 'JD-2026-000123', description: '江东市2025年义务教育阶段学位供给情况', receiptDate: '2026-06-01' };

test('a template names the request and the day it was received, and quotes what was asked for', () => {
  const t = replyTemplate('NOT_HELD', request)!;
  expect(t.outcome).toBe('NOT_HELD');
  expect(t.text).toContain('本机关于2026-06-01收到您的政府信息公开申请（编号JD-2026-000123）');
  expect(t.text).toContain('“江东市2025年义务教育阶段学位供给情况”');
  expect(t.text).toContain('该政府信息不存在');
  expect(t.reasons).toBe('');
});

test('refusals come with a reason line to complete (the service refuses a refusal without reasons)', () => {
  for (const outcome of TEMPLATE_OUTCOMES.filter((o) => o.startsWith('WITHHELD_') || o === 'PARTIAL')) {
    expect(replyTemplate(outcome, request)!.reasons).not.toBe('');
  }
});

test('no template for an unknown type or a closing outcome; a long description is shortened', () => {
  expect(replyTemplate('NOPE', request)).toBeNull();
  expect(replyTemplate('ABANDONED_FEE_UNPAID', request)).toBeNull();
  expect(replyTemplate('DISCLOSED', { ...request, description: '长'.repeat(200), receiptDate: null })!.text).toMatch(
    /^本机关已收到.*长{60}…”/,
  );
});
