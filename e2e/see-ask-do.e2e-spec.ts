import { eventually } from '@govdisc/testing';
import { randomUUID } from 'node:crypto';
import { bearer, tokenFor } from './auth.js';
import { publishedPair, publishedPolicy } from './publishing.js';
import { type Stack, api, startStack } from './stack.js';

// Issue 13.4 看·问·办 both ways: a policy's page lists the published Q&A and service guides citing it;
// when the policy is repealed, the guides citing it are flagged for staff and the editors of the guide's
// department are told in their inbox, while the public guide keeps serving.
let stack: Stack;
const as: Record<string, Record<string, string>> = {};
const USERS = ['editor1', 'reviewer1', 'editor-hr'] as const;

beforeAll(async () => {
  stack = await startStack();
  for (const u of USERS) as[u] = bearer(await tokenFor(stack.issuerUrl, u));
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

const by = () => ({ editor: as.editor1!, reviewer: as.reviewer1! });
const inboxTitles = async (user: (typeof USERS)[number]): Promise<string[]> => {
  const res = await api(stack, 'GET', '/notifications?pageSize=100', undefined, as[user]);
  expect(res.status).toBe(200);
  return res.json.items.map((n: { title: string }) => n.title);
};

test('a policy lists the Q&A and guides citing it; repealing it flags the guide for staff and tells its department’s editors', async () => {
  const tag = randomUUID().slice(0, 8);
  const externalId = `e2e-sad-${tag}`;
  const documentId = await publishedPolicy(stack, by(), {
    externalId,
    title: '江东市稳岗返还实施办法',
    body: ['第一条 为稳定就业岗位，制定本办法。', '第二条 参保单位上年度未裁员的，返还其上年度实际缴纳失业保险费的百分之六十。'].join('\n'),
  });
  const pairId = await publishedPair(stack, by(), {
    question: '江东市稳岗返还的比例是多少？',
    answer: '上年度未裁员的参保单位，返还上年度实际缴纳失业保险费的百分之六十。',
    citations: [{ documentId: externalId, anchor: '第二条', quote: '返还其上年度实际缴纳失业保险费的百分之六十' }],
  });
  const code = `E2E-SAD-${tag}`;
  const guide = {
    code,
    name: '稳岗返还申领',
    department: '市人力资源和社会保障局',
    summary: '上年度未裁员的参保单位可申领稳岗返还。',
    legalBasis: [{ policyId: externalId, clause: '第二条' }],
  };
  expect((await api(stack, 'POST', '/guides', guide, as.editor1)).status).toBe(201);
  expect((await api(stack, 'POST', `/guides/${code}/publish`, undefined, as.reviewer1)).status).toBe(200);

  // 看 → 问 and 办: the policy's public detail lists both (the parts are cached briefly, so wait for them)
  await eventually(
    async () => {
      const detail = await api(stack, 'GET', `/policies/${documentId}/detail`);
      expect(detail.status).toBe(200);
      expect(detail.json.qa).toEqual([{ id: pairId, question: '江东市稳岗返还的比例是多少？' }]);
      expect(detail.json.guides).toEqual([{ code, name: '稳岗返还申领', department: '市人力资源和社会保障局', clause: '第二条' }]);
    },
    { timeoutMs: 20_000, intervalMs: 300 },
  );
  const staffGuide = await api(stack, 'GET', `/guides/${code}`, undefined, as.editor1);
  expect(staffGuide.json.needsUpdate).toBeNull();

  // a reviewer repeals the policy
  const repealed = await api(stack, 'POST', `/policies/${documentId}/repeal`, {}, as.reviewer1);
  expect([repealed.status, repealed.json.validity]).toEqual([200, '废止']);

  const flagged = await eventually(async () => {
    const res = await api(stack, 'GET', `/guides/${code}`, undefined, as.editor1);
    expect(res.json.needsUpdate).toMatchObject({ reason: 'REPEALED', policyId: documentId });
    return res.json;
  });
  expect(Date.parse(flagged.needsUpdate.since)).not.toBeNaN();
  const list = await api(stack, 'GET', '/guides?needsUpdate=true&pageSize=100', undefined, as.editor1);
  expect(list.status).toBe(200);
  expect(list.json.items.map((m: { code: string }) => m.code)).toContain(code);

  // the editors of the guide's department (市人力资源和社会保障局 = hrss) are told; editors of no department are not
  const title = `办事指南需核对：稳岗返还申领（${code}）`;
  await eventually(async () => expect(await inboxTitles('editor-hr')).toContain(title), { timeoutMs: 20_000 });
  expect(await inboxTitles('editor1')).not.toContain(title);

  // the public guide still works, without the staff-only flag
  const publicGuide = await api(stack, 'GET', `/guides/${code}`);
  expect(publicGuide.status).toBe(200);
  expect(publicGuide.json.name).toBe('稳岗返还申领');
  expect(publicGuide.json).not.toHaveProperty('needsUpdate');

  // the editor checks the guide and saves it again: the flag is cleared
  expect((await api(stack, 'POST', '/guides', guide, as['editor-hr'])).status).toBeLessThan(300);
  expect((await api(stack, 'GET', `/guides/${code}`, undefined, as.editor1)).json.needsUpdate).toBeNull();
});
