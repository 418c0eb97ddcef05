import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { UpsertQaPairReq, parseOrThrow, type z } from '@govdisc/contracts';
import { OpenSearchSearchIndex } from '@govdisc/search-index';
import { type MediumEnv, eventually, prepareMediumEnv, startMediumApp, requiredOpensearchUrl } from '@govdisc/testing';
import { QA_CONFIDENCE_MODEL } from '@govdisc/text-analysis';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { AppModule } from '../../src/app.module.js';
import { AskService } from '../../src/ask/ask.service.js';
import { QaIndexService } from '../../src/ask/qa-index.service.js';
import { UnansweredService } from '../../src/ask/unanswered.service.js';
import { loadAppConfig } from '../../src/config/env.js';
import { PrismaService } from '../../src/infra/prisma.service.js';
import { PairService } from '../../src/pair/pair.service.js';
import { publishPair } from '../publish-pair.js';

// 一号答 on both engines of the search port: the same scenario, the same expectations. The embedded
// engine always; OpenSearch at $OPENSEARCH_URL (a missing URL fails, it is never skipped).
const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
const admin = { sub: 'admin-1', roles: ['admin'] };
const editor = { sub: 'editor-1', roles: ['editor'] };

const PAIRS: z.input<typeof UpsertQaPairReq>[] = [
  {
    question: '租房可以提取住房公积金吗？',
    alternatives: ['租房提公积金每月能取多少'],
    answer: '可以。无房职工租房自住的，每月提取额不超过1500元。',
    topics: ['housing-fund'],
  },
  { question: '灵活就业人员怎么参加职工基本医疗保险？', answer: '持身份证到户籍所在地医保经办机构办理参保登记。', topics: ['medical'] },
  { question: '残疾人两项补贴向哪里申请？', answer: '向户籍所在地街道（乡镇）提出申请。', topics: ['disability'] },
  {
    externalId: 'medium-loan',
    question: '高校毕业生自主创业可以申请创业担保贷款吗？',
    answer: '可以，最高30万元，按规定贴息。',
    topics: ['entrepreneurship'],
  },
  { question: '新生儿怎么办理落户？', answer: '持出生医学证明和父母户口簿到派出所办理。', topics: ['household-registration'] },
];

type Engine = { name: string; env: () => Record<string, string>; cleanup?: (alias: string) => Promise<void> };

const engines: Engine[] = [
  { name: 'embedded', env: () => ({}) },
  {
    name: 'OpenSearch',
    env: () => ({ OPENSEARCH_URL: requiredOpensearchUrl(), QA_INDEX_ALIAS: `govdisc-qa-test-${randomUUID().slice(0, 8)}` }),
    cleanup: async (alias) => {
      const index = await OpenSearchSearchIndex.open({ node: requiredOpensearchUrl(), alias });
      await index.drop();
      await index.close();
    },
  },
];

describe.each(engines)('一号答 on the $name engine', (engine) => {
  let env: MediumEnv;
  let app: INestApplication | undefined;
  let engineEnv: Record<string, string>;
  const ids = new Map<string, string>();
  const ask = (question: string) => app!.get(AskService).ask(question, 3);

  beforeAll(async () => {
    engineEnv = engine.env();
    env = await prepareMediumEnv({ label: `qa-ask-${engine.name.toLowerCase()}`, schema: 'qa', migrationsDir });
    app = await startMediumApp(AppModule.forRoot(loadAppConfig({ ...env.env, DB_SCHEMA: 'qa', QA_INDEX_REFRESH_MS: '200', ...engineEnv })));
    const pairs = app.get(PairService);
    for (const p of PAIRS) ids.set(p.question, (await publishPair(pairs, p)).pair.id);
    // A draft is never an answer.
    await pairs.upsert(
      parseOrThrow(UpsertQaPairReq, { question: '租房提取公积金需要什么材料？', answer: '草稿，尚未审核。', topics: ['housing-fund'] }),
      editor,
    );
  });

  afterAll(async () => {
    await app?.close();
    if (engineEnv?.QA_INDEX_ALIAS) await engine.cleanup?.(engineEnv.QA_INDEX_ALIAS);
    await env?.cleanup();
  });

  it('keeps the index on the configured engine, holding the published pairs only', async () => {
    const qaIndex = app!.get(QaIndexService);
    expect(qaIndex.kind).toBe(engine.name === 'embedded' ? 'embedded' : 'opensearch');
    expect(qaIndex.index instanceof OpenSearchSearchIndex).toBe(engine.name === 'OpenSearch');
    await eventually(async () => expect(await qaIndex.index.count()).toBe(PAIRS.length));
  });

  it('answers a reworded question with the right pair, confidently and with no fallback', async () => {
    const res = await eventually(async () => {
      const r = await ask('租房子可以提取公积金吗');
      expect(r.answers[0]?.id).toBe(ids.get('租房可以提取住房公积金吗？'));
      return r;
    });
    expect(res.answers[0]!.confidence).toBeGreaterThanOrEqual(QA_CONFIDENCE_MODEL.threshold);
    expect(res.answers[0]!.answer).toContain('1500元');
    expect(res.fallback).toBeNull();
    expect((await ask('残疾人补贴去哪申请')).answers[0]?.id).toBe(ids.get('残疾人两项补贴向哪里申请？'));
  });

  it('says so when nothing matches, and queues the question for editors', async () => {
    const res = await ask('火星移民需要办理什么手续');
    expect(res.answers).toEqual([]);
    expect(res.fallback).toMatchObject({ reason: 'NO_CONFIDENT_ANSWER' });
    expect(res.suggestions.every((s) => s.confidence < QA_CONFIDENCE_MODEL.threshold)).toBe(true);
    const queue = await app!.get(UnansweredService).list({ page: 1, pageSize: 10 });
    expect(queue.items.map((c) => c.sample)).toContain('火星移民需要办理什么手续');
  });

  it("masks ID-card and mobile numbers before a question reaches the editors' list", async () => {
    const res = await ask(`身份证11010519491231002X手机13800138000，火星移民怎么登记（${engine.name}）`);
    expect(res.answers).toEqual([]);
    const samples = (await app!.get(UnansweredService).list({ page: 1, pageSize: 50 })).items.flatMap((c) => c.variants);
    expect(samples).toContain(`身份证[身份证号]手机[手机号]，火星移民怎么登记（${engine.name}）`);
    expect(samples.join('\n')).not.toMatch(/11010519491231002X|13800138000/);
  });

  it('adds a repeated question to its cluster, and files it afresh once the cluster is gone', async () => {
    const unanswered = app!.get(UnansweredService);
    const question = `火星上的户口怎么迁移（${engine.name}）`;
    const clusterOf = async () => (await unanswered.list({ page: 1, pageSize: 50 })).items.filter((c) => c.variants.includes(question));
    await ask(question);
    expect((await clusterOf()).map((c) => c.count)).toEqual([1]);
    await ask(question); // answered from the cache now, still counted
    await ask(question);
    const [cluster] = await clusterOf();
    expect(cluster!.count).toBe(3);
    await app!.get(PrismaService).unansweredCluster.delete({ where: { id: cluster!.id } });
    await ask(question);
    const again = await clusterOf();
    expect(again.map((c) => c.count)).toEqual([1]);
    expect(again[0]!.id).not.toBe(cluster!.id);
  });

  it('holds a pair effective from a later day without answering with it, so its day needs no edit', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
    const { pair } = await publishPair(app!.get(PairService), {
      question: `明年起高龄津贴怎么领取（${engine.name}）`,
      answer: '年满八十周岁的老年人到社区申领。',
      effectiveFrom: tomorrow,
    });
    const qaIndex = app!.get(QaIndexService);
    await eventually(async () => expect(qaIndex.matcher.has(pair.id)).toBe(true));
    expect(qaIndex.publicPair(pair.id)).toBeUndefined();
    expect((await ask('高龄津贴怎么领取')).answers.map((a) => a.id)).not.toContain(pair.id);
    await app!.get(PairService).transition(pair.id, 'RETIRE', admin); // leaves the index as the other tests expect it
    await eventually(async () => expect(qaIndex.matcher.has(pair.id)).toBe(false));
  });

  it('follows edits and retirements through the refresh loop', async () => {
    const pairs = app!.get(PairService);
    const loanId = ids.get(PAIRS[3]!.question)!;
    // An edited question (same external id: same pair, next version) is found by its new words.
    const edited = await publishPair(pairs, { ...PAIRS[3]!, question: '大学生开网店能申请创业贷款吗？' });
    expect([edited.outcome, edited.pair.id]).toEqual(['updated', loanId]);
    await eventually(async () => expect((await ask('大学生开网店贷款')).answers[0]?.id).toBe(loanId));
    // A retired pair leaves the answers; the others stay.
    await pairs.transition(loanId, 'RETIRE', admin);
    await eventually(async () => expect((await ask('大学生开网店贷款')).answers.map((a) => a.id)).not.toContain(loanId));
    // ask re-checks that a pair is still public, so the answer goes before the index refresh drops it
    await eventually(async () => expect(await app!.get(QaIndexService).index.count()).toBe(PAIRS.length - 1));
    expect((await ask('新生儿怎么落户')).answers[0]?.id).toBe(ids.get('新生儿怎么办理落户？'));
  });
});
