import type { ApplicantType, DisclosureAction, DisclosureOutcome } from '@govdisc/contracts';
import { ActOnRequestUseCase } from '../../src/request/act-on-request.usecase.js';
import { SubmitRequestUseCase } from '../../src/request/submit-request.usecase.js';
import { Table3UseCase } from '../../src/request/table3.usecase.js';
import { gio, newRequest, validId } from '../factories.js';
import { type Harness, startHarness, stopHarness } from './setup.js';

let h: Harness;
const AGENCY = '江东市财政局';
const ctx = { source: 'test', correlationId: 'report' };
const ORG_CODE = '91320100MA1XXXXX0Y';

async function seed(s: { n: number; type: ApplicantType; receivedOn: string; agency?: string; then?: DisclosureAction[] }) {
  const org = s.type !== 'NATURAL_PERSON';
  const input = newRequest({ n: s.n, channel: 'IN_PERSON', receivedOn: s.receivedOn, agency: s.agency ?? AGENCY });
  input.applicant = {
    ...input.applicant,
    type: s.type,
    idType: org ? 'CREDIT_CODE' : 'RESIDENT_ID',
    idNumber: org ? ORG_CODE.replace('XXXXX', String(10_000 + s.n)) : validId(s.n),
  };
  const { request } = await h.app.get(SubmitRequestUseCase).execute(input, gio);
  for (const action of s.then ?? [])
    await h.app.get(ActOnRequestUseCase).execute({ requestNumber: request.requestNumber, action, actor: gio, ctx });
  return input;
}
const reply = (on: string, outcome: DisclosureOutcome, reasons: string[] = []): DisclosureAction => ({
  type: 'REPLY',
  on,
  outcome,
  content: { text: '经审查，现将办理结果答复如下。', reasons, enclosures: ['答复附件.pdf'] },
});

beforeAll(async () => {
  h = await startHarness('disclosure-report');
  h.setNow('2026-01-10T02:00:00Z'); // before the 2025 report closes (01-31), so every act counts in the year of its date
  const first = await seed({ n: 1, type: 'NATURAL_PERSON', receivedOn: '2025-03-03' });
  const duplicate = await h.app.get(SubmitRequestUseCase).execute(first, gio); // duplicate submission: linked, not counted
  await h.app
    .get(ActOnRequestUseCase)
    .execute({ requestNumber: duplicate.duplicateOf!.requestNumber, action: reply('2025-03-20', 'DISCLOSED'), actor: gio, ctx });
  await seed({ n: 2, type: 'COMMERCIAL_ENTERPRISE', receivedOn: '2025-05-06', then: [reply('2025-05-20', 'PARTIAL', ['涉及商业秘密'])] });
  await seed({
    n: 3,
    type: 'LEGAL_SERVICE_ORG',
    receivedOn: '2025-06-02',
    then: [reply('2025-06-20', 'WITHHELD_THIRD_PARTY', ['第三方不同意'])],
  });
  await seed({ n: 4, type: 'NATURAL_PERSON', receivedOn: '2025-12-29', then: [reply('2026-01-05', 'NOT_HELD')] });
  await seed({
    n: 5,
    type: 'RESEARCH_INSTITUTION',
    receivedOn: '2025-09-01',
    then: [
      { type: 'REQUEST_SUPPLEMENT', on: '2025-09-03', items: ['文号'] },
      { type: 'ABANDON_NO_SUPPLEMENT', on: '2025-10-31' },
    ],
  });
  await seed({
    n: 6,
    type: 'PUBLIC_WELFARE_ORG',
    receivedOn: '2025-11-03',
    then: [{ type: 'WITHDRAW', on: '2025-11-10', document: '撤回申请书' }],
  });
  await seed({ n: 7, type: 'OTHER_ORG', receivedOn: '2025-10-09', then: [reply('2025-10-15', 'PETITION_NOT_GIO')] });
  await seed({ n: 8, type: 'NATURAL_PERSON', receivedOn: '2025-04-01', agency: '江东市教育局', then: [reply('2025-04-10', 'DISCLOSED')] });
  await seed({ n: 9, type: 'NATURAL_PERSON', receivedOn: '2025-12-30' });
});
afterAll(() => stopHarness(h));

/** Hand-built from the seeds above; columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计. */
const expected2025: Record<string, number[]> = {
  new: [3, 1, 1, 1, 1, 1, 8],
  r1: [1, 0, 0, 0, 0, 0, 1],
  r2: [0, 1, 0, 0, 0, 0, 1],
  r3_4: [0, 0, 0, 0, 1, 0, 1],
  r5_1: [0, 0, 0, 0, 0, 1, 1],
  r6_1: [0, 0, 1, 0, 0, 0, 1],
  r6_3: [0, 0, 0, 1, 0, 0, 1],
  total: [1, 1, 1, 1, 1, 1, 6],
  carriedOut: [2, 0, 0, 0, 0, 0, 2],
};
const expected2026: Record<string, number[]> = {
  carriedIn: [2, 0, 0, 0, 0, 0, 2],
  r4_1: [1, 0, 0, 0, 0, 0, 1],
  total: [1, 0, 0, 0, 0, 0, 1],
  carriedOut: [1, 0, 0, 0, 0, 0, 1],
};

test.each([
  [2025, expected2025],
  [2026, expected2026],
])('Table 3 for %i reproduces the hand-built table and passes every consistency check', async (year, expected) => {
  const report = await h.app.get(Table3UseCase).execute({ year, agency: AGENCY }, gio);
  expect(report.rows).toHaveLength(25);
  for (const row of report.rows) expect([row.key, row.values]).toEqual([row.key, expected[row.key] ?? [0, 0, 0, 0, 0, 0, 0]]);
  expect(report.checks.every((c) => c.ok)).toBe(true);
  expect(report.csv.split('\n')[0]).toContain('自然人');
});

test('only the GIO may generate the report', async () => {
  await expect(
    h.app.get(Table3UseCase).execute({ year: 2025, agency: AGENCY }, { sub: 'd', roles: ['dept-officer'], department: 'x' }),
  ).rejects.toMatchObject({
    code: 'DISCLOSURE_FORBIDDEN',
  });
});
