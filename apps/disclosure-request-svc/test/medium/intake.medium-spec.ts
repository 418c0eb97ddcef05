import { ErrorCode, SubmitDisclosureRequestReq, parseOrThrow } from '@govdisc/contracts';
import { queryRows } from '@govdisc/testing';
import { FilesystemObjectStore } from '@govdisc/object-store';
import { createHash } from 'node:crypto';
import { ActOnRequestUseCase } from '../../src/request/act-on-request.usecase.js';
import { RequestQueries } from '../../src/request/request-queries.service.js';
import { SubmitRequestUseCase } from '../../src/request/submit-request.usecase.js';
import { citizen, gio, newRequest } from '../factories.js';
import { type Harness, startHarness, stopHarness } from './setup.js';

let h: Harness;
let submit: SubmitRequestUseCase;
let act: ActOnRequestUseCase;
let queries: RequestQueries;
const ctx = { source: 'test', correlationId: 'intake' };
const count = async () =>
  Number((await queryRows<{ n: string }>(h.env.databaseUrl, 'SELECT count(*) AS n FROM disclosure.disclosure_request'))[0]!.n);

beforeAll(async () => {
  h = await startHarness('disclosure-intake', { ATTACHMENT_MAX_BYTES: '2000' });
  submit = h.app.get(SubmitRequestUseCase);
  act = h.app.get(ActOnRequestUseCase);
  queries = h.app.get(RequestQueries);
});
afterAll(() => stopHarness(h));

test('concurrent submissions get distinct, gap-free numbers of the Shanghai year', async () => {
  h.setNow('2026-12-31T17:30:00Z'); // already 2027-01-01 in Asia/Shanghai
  const results = await Promise.all(Array.from({ length: 6 }, (_, i) => submit.execute(newRequest({ n: 100 + i }), citizen)));
  const numbers = results.map((r) => r.request.requestNumber).sort();
  expect(numbers).toEqual(Array.from({ length: 6 }, (_, i) => `2027-${String(i + 1).padStart(6, '0')}`));
  expect(new Set(results.map((r) => r.request.trackingCode)).size).toBe(6);
});

test('a burst of forty submissions at once: every one is stored with its own number (none refused while they queue for the counter)', async () => {
  h.setNow('2026-06-01T02:00:00Z');
  const results = await Promise.all(Array.from({ length: 40 }, (_, i) => submit.execute(newRequest({ n: 200 + i }), citizen)));
  expect(new Set(results.map((r) => r.request.requestNumber)).size).toBe(40);
});

test('§11.35 online submission confirmed two days later: the receipt date is the confirmation date', async () => {
  h.setNow('2026-03-02T02:00:00Z');
  const { request } = await submit.execute(newRequest({ n: 2 }), citizen);
  expect(request.status).toBe('SUBMITTED');
  expect(request.dueDate).toBeNull();
  h.setNow('2026-03-04T02:00:00Z');
  const confirmed = await act.execute({ requestNumber: request.requestNumber, action: { type: 'CONFIRM_RECEIPT' }, actor: gio, ctx });
  expect(confirmed).toMatchObject({ status: 'RECEIVED', clockStart: '2026-03-04', firstReceiptDate: '2026-03-04', dueDate: '2026-04-01' });
});

test('§11.36 signed-for post counts from the signing day; ordinary mail from the same-day confirmation', async () => {
  h.setNow('2026-03-10T02:00:00Z');
  const signed = await submit.execute(newRequest({ n: 3, channel: 'LETTER_SIGNED', receivedOn: '2026-03-06' }), gio);
  expect(signed.request).toMatchObject({ status: 'RECEIVED', clockStart: '2026-03-06', dueDate: '2026-04-03' });
  const ordinary = await submit.execute(newRequest({ n: 4, channel: 'LETTER_ORDINARY' }), gio);
  expect(ordinary.request.status).toBe('SUBMITTED');
  const confirmed = await act.execute({
    requestNumber: ordinary.request.requestNumber,
    action: { type: 'CONFIRM_RECEIPT' },
    actor: gio,
    ctx,
  });
  expect(confirmed.clockStart).toBe('2026-03-10');
});

test('paper channels are registered by staff only; a citizen gets DISCLOSURE_FORBIDDEN and nothing is written', async () => {
  const before = await count();
  await expect(submit.execute(newRequest({ n: 5, channel: 'IN_PERSON' }), citizen)).rejects.toMatchObject({
    code: ErrorCode.DISCLOSURE_FORBIDDEN,
  });
  expect(await count()).toBe(before);
});

test('a duplicate (same applicant, same content, short interval) is linked, not counted; other content is new', async () => {
  h.setNow('2026-03-11T02:00:00Z');
  const first = await submit.execute(newRequest({ n: 6 }), citizen);
  h.setNow('2026-03-11T02:10:00Z');
  const again = await submit.execute(newRequest({ n: 6, description: ' 2025年度财政预算执行情况（申请 6） ' }), citizen);
  expect(again.duplicateOf?.requestNumber).toBe(first.request.requestNumber);
  expect(again.request).toMatchObject({ status: 'CLOSED', duplicateOfId: first.request.id, firstReceiptDate: null });
  const other = await submit.execute(newRequest({ n: 6, description: '另一份文件：江政发〔2024〕3号' }), citizen);
  expect(other.duplicateOf).toBeNull();
  h.setNow('2026-03-11T04:00:00Z'); // beyond the 60-minute window
  expect((await submit.execute(newRequest({ n: 6 }), citizen)).duplicateOf).toBeNull();
});

test('the applicant sees their own data via the tracking code; the timeline records actor, dates and calendar', async () => {
  const { request } = await submit.execute(newRequest({ n: 7, channel: 'IN_PERSON', receivedOn: '2026-03-11' }), gio);
  const view = await queries.track(request.trackingCode.toLowerCase());
  expect(view.applicant).toMatchObject({ name: '李四', masked: false, phone: '13800138000' });
  expect(view.timeline[0]).toMatchObject({ action: 'REGISTERED', actor: 'gio-officer', legalBasis: expect.stringContaining('第三十一条') });
  expect(view.timeline[0]!.calendarVersion).toMatch(/^chinese-days@/);
  expect(view.deadlines.find((d) => d.kind === 'REPLY_DUE')).toMatchObject({ date: '2026-04-09', provisional: false });
  await expect(queries.track('ZZZZZZZZZZZZ')).rejects.toMatchObject({ code: ErrorCode.DISCLOSURE_REQUEST_NOT_FOUND });
  await expect(queries.get(request.requestNumber, citizen)).rejects.toMatchObject({ code: ErrorCode.DISCLOSURE_FORBIDDEN });
});

describe('attachments', () => {
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(100, 0x20)]).toString('base64');
  test('a PDF (by magic bytes) is stored in the object store (here a directory), keyed by its SHA-256, outside the database', async () => {
    const { request } = await submit.execute(newRequest({ n: 8, attachments: [{ fileName: 'id.pdf', contentBase64: pdf }] }), citizen);
    const rows = await queryRows<{ mime: string; storage_path: string; sha256: string }>(
      h.env.databaseUrl,
      'SELECT mime, storage_path, sha256 FROM disclosure.request_attachment WHERE request_id = $1',
      [request.id],
    );
    const sha = createHash('sha256').update(Buffer.from(pdf, 'base64')).digest('hex');
    expect(rows).toEqual([{ mime: 'application/pdf', storage_path: `${sha.slice(0, 2)}/${sha}`, sha256: sha }]);
    const stored = await new FilesystemObjectStore(h.attachmentDir).get(rows[0]!.storage_path);
    expect(stored).toEqual({ bytes: Buffer.from(pdf, 'base64'), contentType: 'application/pdf' });
  });

  test('oversized or forbidden attachments are rejected with stable codes and nothing is written', async () => {
    const before = await count();
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(3_000, 0x20)]).toString('base64');
    await expect(
      submit.execute(newRequest({ n: 9, attachments: [{ fileName: 'big.pdf', contentBase64: big }] }), citizen),
    ).rejects.toMatchObject({
      code: ErrorCode.DISCLOSURE_ATTACHMENT_TOO_LARGE,
    });
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0)]).toString('base64');
    await expect(
      submit.execute(newRequest({ n: 9, attachments: [{ fileName: 'scan.pdf', contentBase64: exe }] }), citizen),
    ).rejects.toMatchObject({
      code: ErrorCode.DISCLOSURE_ATTACHMENT_TYPE_FORBIDDEN,
    });
    expect(await count()).toBe(before);
  });
});

test('field-level Chinese messages: invalid ID checksum, missing contact, missing description', () => {
  const bad = { ...newRequest({ n: 1 }), description: '' } as Record<string, unknown>;
  (bad.applicant as Record<string, unknown>).idNumber = '110105199003070011';
  delete (bad.applicant as Record<string, unknown>).phone;
  delete (bad.applicant as Record<string, unknown>).address;
  try {
    parseOrThrow(SubmitDisclosureRequestReq, bad);
    throw new Error('should have failed');
  } catch (e) {
    const issues = (e as { details: { issues: Array<{ path: string; message: string }> } }).details.issues;
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'applicant.idNumber', message: expect.stringContaining('校验位') },
        { path: 'applicant.phone', message: expect.stringContaining('联系方式') },
        { path: 'description', message: expect.stringContaining('至少5个字') },
      ]),
    );
  }
});

test('§11.29 the same applicant asking again for information already answered is flagged as a possible repeat (staff decide REPEAT)', async () => {
  h.setNow('2026-04-01T02:00:00Z');
  const first = await submit.execute(newRequest({ n: 14, channel: 'IN_PERSON', receivedOn: '2026-04-01' }), gio);
  await act.execute({
    requestNumber: first.request.requestNumber,
    action: {
      type: 'REPLY',
      outcome: 'DISCLOSED',
      content: { text: '予以公开，详见随答复提供的文件。', reasons: [], enclosures: ['文件.pdf'] },
    },
    actor: gio,
    ctx,
  });
  h.setNow('2026-05-06T02:00:00Z');
  const again = await submit.execute(newRequest({ n: 14, channel: 'IN_PERSON', receivedOn: '2026-05-06' }), gio);
  expect(again.duplicateOf).toBeNull();
  const view = await queries.track(again.request.trackingCode);
  expect(view.timeline[0]!.details).toMatchObject({ possibleRepeatOf: first.request.requestNumber });
  const repeat = await act.execute({
    requestNumber: again.request.requestNumber,
    action: { type: 'REPLY', outcome: 'REPEAT', content: { text: '重复申请，不予重复处理', reasons: [] } },
    actor: gio,
    ctx,
  });
  expect(repeat.outcome).toBe('REPEAT');
});
