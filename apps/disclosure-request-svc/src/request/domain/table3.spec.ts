import fc from 'fast-check';
import { ApplicantType, DisclosureOutcome } from '@govdisc/contracts';
import { type Table3Record, buildTable3, checkTable3, reportingRecord, toCsv } from './table3.js';

const rec = (over: Partial<Table3Record>): Table3Record => ({
  applicantType: 'NATURAL_PERSON',
  firstReceiptDate: '2025-03-01',
  finishedDate: '2025-03-20',
  outcome: 'DISCLOSED',
  duplicateOfId: null,
  ...over,
});

test('§11.31 received 2025-12-29, answered 2026-01-05: carried out of 2025, carried into and answered in 2026', () => {
  const r = [rec({ firstReceiptDate: '2025-12-29', finishedDate: '2026-01-05', outcome: 'NOT_HELD' })];
  const y25 = buildTable3(2025, r);
  expect(y25.get('new')![6]).toBe(1);
  expect(y25.get('carriedOut')![6]).toBe(1);
  expect(y25.get('r4_1')![6]).toBe(0);
  const y26 = buildTable3(2026, r);
  expect(y26.get('new')![6]).toBe(0);
  expect(y26.get('carriedIn')![6]).toBe(1);
  expect(y26.get('r4_1')![6]).toBe(1);
});

test('§11.33 organisation subtypes land in their own columns; duplicates are not counted', () => {
  const t = buildTable3(2025, [
    rec({ applicantType: 'LEGAL_SERVICE_ORG' }),
    rec({ applicantType: 'RESEARCH_INSTITUTION', outcome: 'PARTIAL' }),
    rec({ applicantType: 'NATURAL_PERSON', duplicateOfId: 'x' }),
  ]);
  expect(t.get('new')).toEqual([0, 0, 1, 0, 1, 0, 2]);
  expect(t.get('r1')).toEqual([0, 0, 0, 0, 1, 0, 1]);
  expect(t.get('r2')).toEqual([0, 0, 1, 0, 0, 0, 1]);
});

test('§11.32 every invariant holds for random data', () => {
  const date = fc.integer({ min: 0, max: 1_000 }).map((i) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10));
  const record = fc
    .record({
      applicantType: fc.constantFrom(...ApplicantType.options),
      firstReceiptDate: date,
      lag: fc.option(fc.integer({ min: 0, max: 200 })),
      outcome: fc.constantFrom(...DisclosureOutcome.options),
      dup: fc.boolean(),
    })
    .map(({ lag, dup, ...r }): Table3Record => ({
      ...r,
      duplicateOfId: dup ? 'other' : null,
      finishedDate:
        lag === null ? null : new Date(Date.parse(`${r.firstReceiptDate}T00:00:00Z`) + lag * 86_400_000).toISOString().slice(0, 10),
    }));
  fc.assert(
    fc.property(fc.array(record, { maxLength: 60 }), fc.constantFrom(2024, 2025, 2026), (records, year) =>
      checkTable3(buildTable3(year, records)).every((c) => c.ok),
    ),
  );
});

test('a broken table fails the checks; CSV has the official row order', () => {
  const t = buildTable3(2025, [rec({})]);
  t.get('r1')![0] = 5;
  expect(checkTable3(t).filter((c) => !c.ok).length).toBeGreaterThan(0);
  const csv = toCsv(t).split('\n');
  expect(csv[0]).toBe(
    '项目,自然人,法人或其他组织-商业企业,法人或其他组织-科研机构,法人或其他组织-社会公益组织,法人或其他组织-法律服务机构,法人或其他组织-其他,总计',
  );
  expect(csv[1]!.startsWith('一、本年新收政府信息公开申请数量,')).toBe(true);
  expect(csv[25]!.startsWith('四、结转下年度继续办理,')).toBe(true);
});

test('ADR 0001: a recorded reporting day replaces the act date; without one the act date counts', () => {
  const row = {
    ...rec({ firstReceiptDate: '2025-12-30', finishedDate: '2026-01-04' }),
    reportReceiptDate: '2026-01-02',
    reportFinishedDate: null,
  };
  expect(reportingRecord(row)).toEqual(rec({ firstReceiptDate: '2026-01-02', finishedDate: '2026-01-04' }));
  expect(reportingRecord({ ...rec({}), reportReceiptDate: null, reportFinishedDate: '2025-04-01' })).toEqual(
    rec({ finishedDate: '2025-04-01' }),
  );
});
