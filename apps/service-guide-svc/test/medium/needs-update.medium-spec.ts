import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { type MediumEnv, eventually, prepareMediumEnv, queryRows, startMediumApp } from '@govdisc/testing';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { UpsertGuideMatterReq, documentAmended, documentRepealed, matterNeedsUpdate } from '@govdisc/contracts';
import { AppModule } from '../../src/app.module.js';
import { loadAppConfig } from '../../src/config/env.js';
import { toMatterView } from '../../src/matter/matter.mapper.js';
import { MatterService } from '../../src/matter/matter.service.js';

const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
let env: MediumEnv;
let app: INestApplication;
let service: MatterService;
const editor = { sub: 'editor-1', roles: ['editor'] };
const reviewer = { sub: 'reviewer-1', roles: ['reviewer'] };

beforeAll(async () => {
  env = await prepareMediumEnv({ label: 'guide-needs-update', schema: 'guide', migrationsDir });
  app = await startMediumApp(AppModule.forRoot(loadAppConfig({ ...env.env, DB_SCHEMA: 'guide' })));
  service = app.get(MatterService);
});

afterAll(async () => {
  await app?.close();
  await env?.cleanup();
});

const m = (code: string, legalBasis: { policyId: string; clause?: string }[], over: Record<string, unknown> = {}) =>
  UpsertGuideMatterReq.parse({ code, name: `事项 ${code}`, department: '市人力资源和社会保障局', legalBasis, ...over });
const publishMatter = async (input: ReturnType<typeof m>) => {
  await service.save(input, editor);
  return service.publish(input.code, reviewer);
};
const lifecycle = (documentId: string, externalId: string | null) => ({
  documentId,
  externalId,
  title: '稳岗返还办法',
  version: 2,
  byDocumentId: null,
  at: new Date().toISOString(),
});
const ctx = { source: 'policy-svc', correlationId: 'medium' };

async function send(envelope: { type: string }, times = 1) {
  const js = jetstream(env.nc);
  for (let i = 0; i < times; i++) await js.publish(env.naming.subject(envelope.type), JSON.stringify(envelope), { msgID: randomUUID() });
}

/** The guide.matter.needs-update events published so far. */
async function guideEvents() {
  const jsm = await jetstreamManager(env.nc);
  const stream = env.naming.stream('GUIDE_EVENTS');
  const info = await jsm.streams.info(stream);
  const out = [];
  for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
    const msg = await jsm.streams.getMessage(stream, { seq });
    out.push(matterNeedsUpdate.parse(msg!.json()));
  }
  return out;
}

const staffView = async (code: string) => toMatterView(await service.get(code, editor), { staff: true });
const codes = async (needsUpdate: boolean, actor: typeof editor | null) =>
  (await service.list({ page: 1, pageSize: 50, needsUpdate }, actor)).items.map((i) => i.code);

test('an amended policy flags the published matters citing it by id or externalId, once per event however often it arrives', async () => {
  const documentId = randomUUID();
  await publishMatter(m('AMD-BY-EXT', [{ policyId: 'policy-amd', clause: '第六条' }]));
  await publishMatter(m('AMD-BY-ID', [{ policyId: documentId }]));
  await publishMatter(m('AMD-OTHER', [{ policyId: 'policy-unrelated' }]));
  const amended = documentAmended.make(lifecycle(documentId, 'policy-amd'), ctx);
  await send(amended, 3); // redelivered: the same event three times

  await eventually(async () =>
    expect((await staffView('AMD-BY-ID')).needsUpdate).toMatchObject({ reason: 'AMENDED', policyId: documentId }),
  );
  expect((await staffView('AMD-BY-EXT')).needsUpdate).toMatchObject({ reason: 'AMENDED', policyId: documentId, since: expect.any(String) });
  expect((await staffView('AMD-OTHER')).needsUpdate).toBeNull();
  // the public guide keeps serving, without the staff-only flag
  const publicView = toMatterView(await service.get('AMD-BY-EXT', null), { staff: false });
  expect(publicView.name).toBe('事项 AMD-BY-EXT');
  expect(publicView).not.toHaveProperty('needsUpdate');

  const events = await eventually(async () => {
    const found = await guideEvents();
    expect(found).toHaveLength(2);
    return found;
  });
  expect(events.map((e) => e.payload.code).sort()).toEqual(['AMD-BY-EXT', 'AMD-BY-ID']);
  expect(events[0]!.payload).toMatchObject({ department: '市人力资源和社会保障局', documentId, reason: 'AMENDED' });
  expect(events.every((e) => e.causationId === amended.id)).toBe(true);
  const processed = await queryRows(env.databaseUrl, 'SELECT consumer FROM guide.processed_event WHERE event_id = $1', [amended.id]);
  expect(processed).toEqual([{ consumer: 'service-guide-svc__policy-document-changed' }]);

  // staff filter the list by the flag; the public cannot
  expect((await codes(true, editor)).sort()).toEqual(['AMD-BY-EXT', 'AMD-BY-ID']);
  expect(await codes(false, editor)).toContain('AMD-OTHER');
  expect(await codes(false, editor)).not.toContain('AMD-BY-ID');
  expect(await codes(true, null)).toContain('AMD-OTHER'); // the flag is staff-only: the public filter is ignored
});

test('a repealed policy flags its matters with the reason REPEALED; a second change does not tell the editors twice', async () => {
  const documentId = randomUUID();
  await publishMatter(m('REP-1', [{ policyId: 'policy-rep' }]));
  const before = (await guideEvents()).length;
  await send(documentRepealed.make(lifecycle(documentId, 'policy-rep'), ctx));
  await eventually(async () => expect((await staffView('REP-1')).needsUpdate).toMatchObject({ reason: 'REPEALED', policyId: documentId }));
  await eventually(async () => expect((await guideEvents()).length).toBe(before + 1));
  expect((await guideEvents()).at(-1)!.payload).toMatchObject({ code: 'REP-1', reason: 'REPEALED' });

  await send(documentAmended.make(lifecycle(documentId, 'policy-rep'), ctx));
  await eventually(async () => expect((await staffView('REP-1')).needsUpdate).toMatchObject({ reason: 'AMENDED' }));
  expect((await guideEvents()).length).toBe(before + 1);
});

test('saving the matter again clears the flag', async () => {
  const documentId = randomUUID();
  const input = m('CLR-1', [{ policyId: 'policy-clr' }]);
  await publishMatter(input);
  await send(documentRepealed.make(lifecycle(documentId, 'policy-clr'), ctx));
  await eventually(async () => expect((await staffView('CLR-1')).needsUpdate).toMatchObject({ reason: 'REPEALED' }));
  // the editor checked the guide and found nothing to change: saving it unchanged is the answer
  await service.save(input, editor);
  expect((await staffView('CLR-1')).needsUpdate).toBeNull();
});

test('published matters citing a policy, by id or externalId, with the clause cited; drafts are left out', async () => {
  const documentId = randomUUID();
  await publishMatter(m('CITE-A', [{ policyId: 'policy-cite', clause: '第三条' }]));
  await publishMatter(m('CITE-B', [{ policyId: 'another' }, { policyId: documentId }]));
  await service.save(m('CITE-DRAFT', [{ policyId: 'policy-cite' }]), editor);
  expect(await service.citing(documentId, 'policy-cite', 20)).toEqual([
    { code: 'CITE-A', name: '事项 CITE-A', department: '市人力资源和社会保障局', clause: '第三条' },
    { code: 'CITE-B', name: '事项 CITE-B', department: '市人力资源和社会保障局' },
  ]);
  expect(await service.citing(randomUUID(), null, 20)).toEqual([]);
  // what policy-svc asks before asking per document: every id a published matter names, none only a draft names
  await service.save(m('CITE-DRAFT-ONLY', [{ policyId: 'policy-cite-draft-only' }]), editor);
  const ids = await service.citedPolicyIds();
  expect(ids).toEqual(expect.arrayContaining(['policy-cite', 'another', documentId]));
  expect(ids).not.toContain('policy-cite-draft-only');
  expect(new Set(ids).size).toBe(ids.length);
});
