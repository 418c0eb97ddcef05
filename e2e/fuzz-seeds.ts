import { eventually } from '@govdisc/testing';
import { DEMO_USERS, tokenFor } from './auth.js';
import { type Stack, api } from './stack.js';

/** Real records the seeded requests point at, created through the API before fuzzing. */
export interface Fixtures {
  /** published policy: reads, clicks, best bets, related */
  policyId: string;
  /** the published fixture policy's source-system ID */
  policyExternalId: string;
  /** draft policy: the publish route */
  draftPolicyId: string;
  /** published policy whose validity and classification the fuzz may change */
  changingPolicyId: string;
  bestBetId: string;
  /** a second best bet for DELETE (the first delete removes it; later ones answer 404) */
  deletableBestBetId: string;
  importJobId: string;
  /** published pair: public reads and feedback */
  pairId: string;
  /** pair whose workflow the fuzz may move */
  workflowPairId: string;
  guideCode: string;
  /** published 一件事 bundle and service site */
  bundleCode: string;
  siteId: string;
  trackingCode: string;
  requestNumber: string;
  /** the citizen's "已收到" notice about that request (the fuzz's signed-in user for AUTHENTICATED routes) */
  notificationId: string;
  /** officer-edu's webhook endpoint (to an address where nothing listens) and a delivery to it */
  webhookEndpointId: string;
  /** a second endpoint for DELETE (the first delete removes it; later ones answer 404) */
  deletableWebhookEndpointId: string;
  webhookDeliveryId: string;
  /** the citizen's subscription to delete (the first delete removes it; later ones answer 404) */
  subscriptionId: string;
}

/** One seed per route: a valid request the mutations start from. `weight` scales how often the route is drawn. */
export interface Seed {
  body?: (f: Fixtures) => unknown;
  query?: (f: Fixtures) => Record<string, string | number | boolean>;
  weight?: number;
}

const submitBody = (n: number) => ({
  applicant: { type: 'NATURAL_PERSON', name: '张三', idType: 'RESIDENT_ID', idNumber: '11010519491231002X', phone: '13800000000' },
  channel: 'ONLINE',
  description: `申请公开长政发〔2022〕3号文件的实施细则（模糊测试 ${n}）`,
  deliveryForm: 'EMAIL',
});

/**
 * Keyed by `METHOD /path` as in /docs/openapi.json. The test fails when the document lists a route
 * that has no seed here: a new route is fuzzed from a valid request or the test says why not.
 */
export const SEEDS: Record<string, Seed> = {
  'GET /health': {},
  'GET /ready': {},
  'GET /metrics': { weight: 0.2 },
  'GET /metrics/queues': { weight: 0.2 },
  'GET /api/v1/health': {},
  'GET /api/v1/health/{service}/ping': {},
  'GET /api/v1/policies': { query: () => ({ page: 1, pageSize: 10 }) },
  'POST /api/v1/policies': {
    body: () => ({
      title: '江东市促进中小企业发展若干措施',
      docNumber: '江政发〔2024〕3号',
      agency: '江东市人民政府',
      body: '第一条 为促进中小企业发展，制定本措施。',
    }),
  },
  'GET /api/v1/policies/search': { query: () => ({ q: '公积金', page: 1, pageSize: 10 }) },
  'GET /api/v1/policies/suggest': { query: () => ({ q: '公积' }) },
  'POST /api/v1/policies/search/clicks': { body: (f) => ({ query: '公积金提取', documentId: f.policyId }) },
  'GET /api/v1/policies/analytics': { query: () => ({ days: 30, limit: 10 }) },
  'GET /api/v1/policies/best-bets': { query: () => ({ page: 1, pageSize: 10 }) },
  'POST /api/v1/policies/best-bets': { body: (f) => ({ query: `置顶${Math.floor(Math.random() * 1e9)}`, documentIds: [f.policyId] }) },
  'PATCH /api/v1/policies/best-bets/{bestBetId}': { body: (f) => ({ query: '公积金提取', documentIds: [f.policyId] }) },
  'DELETE /api/v1/policies/best-bets/{bestBetId}': { weight: 0.1 },
  'POST /api/v1/policies/search/rebuild': { body: () => ({}), weight: 0.05 },
  'POST /api/v1/policies/import/batches': {
    body: () => ({
      items: [{ line: 1, record: { id: 'jd-fuzz-import', title: '江东市就业补贴办法', body: '第一条 为稳定就业，制定本办法。' } }],
    }),
    weight: 0.5,
  },
  'POST /api/v1/policies/import/files': {
    body: () => ({
      fileName: 'policies.csv',
      content: 'id,标题,正文\njd-fuzz-1,江东市创业担保贷款办法,"第一条 为支持创业，制定本办法。"\n',
    }),
    weight: 0.5,
  },
  'GET /api/v1/policies/import/jobs/{jobId}': {},
  'POST /api/v1/policies/import/jobs/{jobId}/finish': { weight: 0.5 },
  'POST /api/v1/policies/import/jobs/{jobId}/publish': { weight: 0.5 },
  'GET /api/v1/policies/{documentId}': {},
  'GET /api/v1/policies/by-external-id/{externalId}': {},
  'GET /api/v1/policies/{documentId}/detail': { query: () => ({ related: 5 }) },
  'GET /api/v1/policies/{documentId}/versions/{version}': {},
  'GET /api/v1/policies/{documentId}/related': { query: () => ({ limit: 5 }) },
  'PUT /api/v1/policies/{documentId}/classification': { body: () => ({ keywords: ['稳岗返还'], topics: ['就业创业'] }) },
  'POST /api/v1/policies/{documentId}/publish': { weight: 0.5 },
  'POST /api/v1/policies/{documentId}/amend': { body: (f) => ({ byDocumentId: f.policyId }), weight: 0.5 },
  'POST /api/v1/policies/{documentId}/repeal': { body: (f) => ({ byDocumentId: f.policyId }), weight: 0.5 },
  'POST /api/v1/policies/{documentId}/expire': { weight: 0.5 },
  'POST /api/v1/qa/ask': { body: () => ({ question: '租房能提公积金吗？每个月能取多少' }) },
  'POST /api/v1/qa/extract': { body: (f) => ({ documentId: f.policyId, limit: 3 }), weight: 0.5 },
  'GET /api/v1/qa/unanswered': { query: () => ({ page: 1, pageSize: 10 }) },
  'GET /api/v1/qa/ask/stats': { query: () => ({ from: '2026-01-01', to: '2026-01-31' }) },
  'GET /api/v1/qa/pairs': { query: () => ({ page: 1, pageSize: 10 }) },
  'POST /api/v1/qa/pairs': {
    body: () => ({
      question: '租房可以提取住房公积金吗？',
      alternatives: ['租房提取公积金每月多少'],
      answer: '可以，按月提取。',
      topics: ['housing-fund'],
    }),
  },
  'GET /api/v1/qa/pairs/{pairId}': {},
  'PUT /api/v1/qa/pairs/{pairId}': { body: () => ({ question: '购房可以提取住房公积金吗？', answer: '可以，按规定提取。' }) },
  'POST /api/v1/qa/pairs/{pairId}/transitions': { body: () => ({ action: 'SUBMIT' }) },
  'GET /api/v1/qa/pairs/{pairId}/history': {},
  'POST /api/v1/qa/pairs/{pairId}/feedback': { body: () => ({ helpful: true, rating: 5 }) },
  'GET /api/v1/qa/feedback/stats': { query: () => ({}) },
  'POST /api/v1/qa/citations/backfill': { body: () => ({}) },
  'GET /api/v1/qa/citations/backfill': {},
  'POST /api/v1/qa/import': {
    body: () => ({ items: [{ line: 1, record: { id: 'fuzz-qa-import', question: '公积金怎么提取？', answer: '按规定提取。' } }] }),
    weight: 0.5,
  },
  'GET /api/v1/qa/topics': {},
  'GET /api/v1/topics': {},
  'GET /api/v1/search': { query: () => ({ q: '公积金提取', type: 'guide', page: 1 }) },
  'GET /api/v1/topics/{code}': { query: () => ({ page: 1, pageSize: 10 }) },
  'PUT /api/v1/qa/topics/order': { body: () => ({ codes: ['housing-fund'] }) },
  'GET /api/v1/guides': { query: () => ({ page: 1, pageSize: 10 }) },
  'POST /api/v1/guides': {
    body: () => ({
      code: 'FUZZ-GUIDE-1',
      name: '公积金提取',
      type: '公共服务',
      department: '住房公积金中心',
      legalBasis: [{ policyId: 'demo-policy-07', clause: '第六条' }],
      materials: [{ name: '身份证', form: '纸质或电子', originals: 1, exemptedBySharedData: true }],
      steps: [{ name: '申请', description: '网上申请' }],
      statutoryDays: 3,
      promisedDays: 1,
      fees: [{ name: '工本费', amountYuan: 10, basis: '规定' }],
      siteIds: ['FUZZ-SITE-0'],
      onlineUrl: 'https://example.gov.cn/a',
      onlineDepth: '全程网办',
      consultPhones: ['12329'],
      topics: ['housing-fund'],
    }),
  },
  'POST /api/v1/guides/import': {
    body: () => ({ format: 'csv', content: 'code,name,department,materials\nFUZZ-GUIDE-2,社保卡申领,人社局,身份证；照片\n' }),
    weight: 0.5,
  },
  'GET /api/v1/guides/{code}': {},
  'POST /api/v1/guides/{code}/publish': { weight: 0.5 },
  'GET /api/v1/bundles': { query: () => ({ page: 1, pageSize: 10 }) },
  'POST /api/v1/bundles': {
    body: () => ({ code: 'FUZZ-BUNDLE-1', name: '开办企业一件事', description: '一次办', matterCodes: ['FUZZ-GUIDE-0'] }),
  },
  'GET /api/v1/bundles/{code}': {},
  'POST /api/v1/bundles/{code}/publish': { weight: 0.5 },
  'GET /api/v1/sites': { query: () => ({ page: 1, pageSize: 10, district: '江城区' }) },
  'GET /api/v1/sites/nearest': { query: () => ({ lat: 28.19, lng: 112.97, limit: 5, openNow: 'false' }) },
  'POST /api/v1/sites': {
    body: () => ({
      id: 'FUZZ-SITE-1',
      name: '便民服务站',
      level: '社区',
      address: '江城区某路1号',
      district: '江城区',
      phones: ['12345'],
      lat: 28.19,
      lng: 112.97,
      weeklyHours: [{ weekday: 1, open: '09:00', close: '17:00' }],
    }),
  },
  'GET /api/v1/sites/{id}': { query: () => ({ at: '2026-10-01T02:00:00Z' }) },
  'POST /api/v1/sites/{id}/publish': { weight: 0.5 },
  'POST /api/v1/disclosure-requests': { body: () => submitBody(Math.floor(Math.random() * 1e9)) },
  'GET /api/v1/disclosure-requests': { query: () => ({ page: 1, pageSize: 10 }) },
  'GET /api/v1/disclosure-requests/track/{trackingCode}': {},
  'POST /api/v1/disclosure-requests/track/{trackingCode}/withdraw': { body: () => ({ document: '不再需要' }), weight: 0.5 },
  'GET /api/v1/disclosure-requests/mine': { query: () => ({ page: 1, pageSize: 10 }) },
  'GET /api/v1/disclosure-requests/mine/{requestNumber}': {},
  'GET /api/v1/disclosure-requests/{requestNumber}': {},
  'POST /api/v1/disclosure-requests/{requestNumber}/actions': { body: () => ({ action: { type: 'CONFIRM_RECEIPT' } }) },
  'GET /api/v1/disclosure-reports/table3': { query: () => ({ year: 2026, agency: '江东市人民政府' }) },
  'GET /api/v1/disclosure-reports/table3.csv': { query: () => ({ year: 2026, agency: '江东市人民政府' }) },
  'GET /api/v1/disclosure-reports/sla': { query: () => ({ from: '2026-01-01', to: '2026-06-30' }) },
  'GET /api/v1/calendar/working-days/add': { query: () => ({ from: '2026-12-01', days: 10 }) },
  'GET /api/v1/notifications': { query: () => ({ page: 1, pageSize: 10 }) },
  'POST /api/v1/notifications/{notificationId}/read': {},
  'POST /api/v1/notifications/read-all': { weight: 0.5 },
  // No email channel in the fuzz stack, so no real token exists: a well-formed forged one exercises the refusal path.
  'POST /api/v1/notifications/unsubscribe': { query: () => ({ token: 'eyJ2IjoxLCJhIjoiZnV6ekBleGFtcGxlLmNvbSJ9.c2lnbmF0dXJl' }) },
  'GET /api/v1/notifications/deliveries': { query: () => ({ page: 1, pageSize: 10, channel: 'email' }) },
  'GET /api/v1/notifications/channel-metrics': { weight: 0.3 },
  'GET /api/v1/subscriptions': {},
  // Distinct values keep most creates from tripping the 50-subscription limit (a 409 is a fine answer too).
  'POST /api/v1/subscriptions': { body: () => ({ kind: 'query', value: `公积金 提取 ${Math.floor(Math.random() * 1e6)}` }), weight: 0.3 },
  'DELETE /api/v1/subscriptions/{subscriptionId}': { weight: 0.2 },
  'GET /api/v1/notification-preferences': {},
  'PUT /api/v1/notification-preferences': {
    body: () => ({
      channels: { inbox: true, email: false, sms: false, wechat: false },
      email: null,
      phone: null,
      wechatOpenId: null,
      quietHours: { start: '22:00', end: '07:30' },
      digestHour: null,
      optedOut: false,
    }),
  },
  'GET /api/v1/audit-log': {},
  'GET /api/v1/admin/users': { query: () => ({ page: 1, pageSize: 10, q: 'edit' }) },
  'POST /api/v1/webhooks/endpoints': {
    body: () => ({ url: 'http://127.0.0.1:9/fuzz-hook', description: '模糊测试接收端', eventTypes: ['disclosure.request.assigned'] }),
    weight: 0.5,
  },
  'GET /api/v1/webhooks/endpoints': { query: () => ({ page: 1, pageSize: 10 }) },
  'GET /api/v1/webhooks/endpoints/{endpointId}': {},
  'PATCH /api/v1/webhooks/endpoints/{endpointId}': { body: () => ({ description: '教育局办件系统', enabled: true }) },
  'DELETE /api/v1/webhooks/endpoints/{endpointId}': { weight: 0.2 },
  'POST /api/v1/webhooks/endpoints/{endpointId}/rotate-secret': { body: () => ({ previousValidForHours: 24 }), weight: 0.5 },
  'GET /api/v1/webhooks/endpoints/{endpointId}/deliveries': { query: () => ({ page: 1, pageSize: 10 }) },
  'POST /api/v1/webhooks/endpoints/{endpointId}/deliveries/{deliveryId}/replay': {},
  'GET /api/v1/webhooks/endpoints/{endpointId}/health': {},
};

/** Path parameters by name: which fixture fills them (a route-specific pick where one resource has several roles). */
export function pathParam(name: string, route: string, f: Fixtures): string {
  switch (name) {
    case 'documentId':
      if (route.endsWith('/publish')) return f.draftPolicyId;
      if (/\/(amend|repeal|expire|classification)$/.test(route)) return f.changingPolicyId;
      return f.policyId;
    case 'externalId':
      return f.policyExternalId;
    case 'version':
      return '1';
    case 'bestBetId':
      return route.startsWith('DELETE') ? f.deletableBestBetId : f.bestBetId;
    case 'jobId':
      return f.importJobId;
    case 'pairId':
      // the edit too: fuzzed edits of the published pair would queue pending edits on the pair the reads check
      return /\/(transitions|history)$/.test(route) || route.startsWith('PUT') ? f.workflowPairId : f.pairId;
    case 'code':
      if (route.includes('/topics/')) return 'housing-fund';
      return route.includes('/bundles/') ? f.bundleCode : f.guideCode;
    case 'id':
      return f.siteId;
    case 'trackingCode':
      return f.trackingCode;
    case 'requestNumber':
      return f.requestNumber;
    case 'notificationId':
      return f.notificationId;
    case 'endpointId':
      return route.startsWith('DELETE') ? f.deletableWebhookEndpointId : f.webhookEndpointId;
    case 'deliveryId':
      return f.webhookDeliveryId;
    case 'subscriptionId':
      return f.subscriptionId;
    case 'service':
      return 'policy-svc';
    default:
      throw new Error(`no fixture for path parameter {${name}} of ${route}: add one in e2e/fuzz-seeds.ts`);
  }
}

/** Demo user for an access row (x-access.allowed): a role allowed there, the first non-admin one if any. */
export function userFor(allowed: unknown): string | null {
  if (allowed === 'public' || allowed === undefined) return null;
  if (allowed === 'authenticated') return DEMO_USERS.citizen;
  const roles = (allowed as string[]).filter((r) => r in DEMO_USERS) as Array<keyof typeof DEMO_USERS>;
  const role = roles.find((r) => r !== 'admin') ?? roles[0];
  if (!role) throw new Error(`no demo user holds any of ${JSON.stringify(allowed)}`);
  return DEMO_USERS[role];
}

function must<T>(value: T | undefined | null, what: string, res: unknown): T {
  if (value === undefined || value === null) throw new Error(`fixture ${what} missing in ${JSON.stringify(res).slice(0, 400)}`);
  return value;
}

/** Creates the records the seeds point at, each through the API with a role allowed to. */
export async function createFixtures(stack: Stack): Promise<Fixtures> {
  const as = async (user: string) => ({ authorization: `Bearer ${await tokenFor(stack.issuerUrl, user)}` });
  const [editor, reviewer, citizen] = [await as(DEMO_USERS.editor), await as(DEMO_USERS.reviewer), await as(DEMO_USERS.citizen)];
  const [officer, gio] = [await as(DEMO_USERS['dept-officer']), await as(DEMO_USERS['disclosure-officer'])];
  const call = async (method: string, path: string, body: unknown, headers: Record<string, string>) => {
    const res = await api(stack, method, path, body, headers);
    if (res.status >= 300) throw new Error(`fixture ${method} ${path} → ${res.status} ${JSON.stringify(res.json).slice(0, 400)}`);
    return res.json;
  };
  const policy = async (title: string, publish: boolean) => {
    const created = await call(
      'POST',
      '/policies',
      {
        title,
        externalId: `fuzz-${title}`,
        agency: '江东市人民政府',
        body: `第一条 ${title}，适用本办法。\n第二条 职工提取住房公积金，应当提供证明材料。`,
      },
      editor,
    );
    const id = must<string>(created.id, 'policy id', created);
    if (publish) await call('POST', `/policies/${id}/publish`, undefined, reviewer);
    return id;
  };
  const policyId = await policy('江东市住房公积金提取管理办法', true);
  const draftPolicyId = await policy('江东市住房公积金缴存管理办法', false);
  const changingPolicyId = await policy('江东市住房公积金贷款管理办法', true);
  const bestBet = async (query: string) =>
    must<string>((await call('POST', '/policies/best-bets', { query, documentIds: [policyId] }, editor)).id, 'best bet id', query);
  const imported = await call(
    'POST',
    '/policies/import/batches',
    { items: [{ line: 1, record: { id: 'jd-fuzz-fixture', title: '江东市就业补贴办法', body: '第一条 为稳定就业，制定本办法。' } }] },
    editor,
  );
  const pair = async (question: string, publish: boolean) => {
    const created = await call('POST', '/qa/pairs', { question, answer: '可以，按月提取。', topics: ['housing-fund'] }, editor);
    const id = must<string>(created.id, 'pair id', created);
    if (publish) {
      await call('POST', `/qa/pairs/${id}/transitions`, { action: 'SUBMIT' }, editor);
      await call('POST', `/qa/pairs/${id}/transitions`, { action: 'APPROVE' }, reviewer);
    }
    return id;
  };
  const site = {
    id: 'FUZZ-SITE-0',
    name: '江东市民之家',
    level: '市',
    address: '人民中路1号',
    district: '江城区',
    lat: 28.196,
    lng: 112.972,
  };
  await call('POST', '/sites', { ...site, weeklyHours: [{ weekday: 1, open: '09:00', close: '17:00' }] }, editor);
  await call('POST', '/sites/FUZZ-SITE-0/publish', undefined, reviewer);
  const guide = await call(
    'POST',
    '/guides',
    {
      code: 'FUZZ-GUIDE-0',
      name: '住房公积金提取',
      department: '住房公积金中心',
      siteIds: ['FUZZ-SITE-0'],
      materials: [{ name: '身份证' }],
    },
    editor,
  );
  await call('POST', '/guides/FUZZ-GUIDE-0/publish', undefined, reviewer); // public reads see published guides only
  await call('POST', '/bundles', { code: 'FUZZ-BUNDLE-0', name: '公积金一件事', matterCodes: ['FUZZ-GUIDE-0'] }, editor);
  await call('POST', '/bundles/FUZZ-BUNDLE-0/publish', undefined, reviewer);
  const submitted = await call('POST', '/disclosure-requests', submitBody(0), citizen);
  const notice = await eventually(async () => {
    const inbox = await call('GET', '/notifications', undefined, citizen);
    expect(inbox.items.length).toBeGreaterThan(0);
    return inbox.items[0];
  });
  // Webhooks: officer-edu's endpoints, and a delivery to one (a second request assigned to edu).
  const hook = async () =>
    must<string>(
      (await call('POST', '/webhooks/endpoints', { url: 'http://127.0.0.1:9/fuzz-hook' }, officer)).id,
      'webhook endpoint id',
      'hook',
    );
  const webhookEndpointId = await hook();
  const assigned = await call('POST', '/disclosure-requests', submitBody(1), citizen);
  for (const action of [{ type: 'CONFIRM_RECEIPT' }, { type: 'ACCEPT', department: 'edu' }]) {
    await call('POST', `/disclosure-requests/${assigned.requestNumber}/actions`, { action }, gio);
  }
  const delivery = await eventually(async () => {
    const log = await call('GET', `/webhooks/endpoints/${webhookEndpointId}/deliveries`, undefined, officer);
    expect(log.items.length).toBeGreaterThan(0);
    return log.items[0];
  });
  return {
    webhookEndpointId,
    deletableWebhookEndpointId: await hook(),
    webhookDeliveryId: must<string>(delivery.id, 'webhook delivery id', delivery),
    subscriptionId: must<string>(
      (await call('POST', '/subscriptions', { kind: 'topic', value: 'housing-fund' }, citizen)).id,
      'subscription id',
      'subscription',
    ),
    policyId,
    policyExternalId: `fuzz-江东市住房公积金提取管理办法`,
    draftPolicyId,
    changingPolicyId,
    bestBetId: await bestBet('公积金提取'),
    deletableBestBetId: await bestBet('公积金缴存'),
    importJobId: must<string>(imported.jobId ?? imported.id, 'import job id', imported),
    pairId: await pair('租房可以提取住房公积金吗？', true),
    workflowPairId: await pair('购房可以提取住房公积金吗？', false),
    guideCode: must<string>(guide.code, 'guide code', guide),
    bundleCode: 'FUZZ-BUNDLE-0',
    siteId: site.id,
    trackingCode: must<string>(submitted.trackingCode, 'tracking code', submitted),
    requestNumber: must<string>(submitted.requestNumber, 'request number', submitted),
    notificationId: must<string>(notice.id, 'notification id', notice),
  };
}
