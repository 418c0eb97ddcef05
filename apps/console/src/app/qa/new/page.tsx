import { Alert, Button, Card, Input, Radio } from 'antd';
import type { Metadata } from 'next';
import { RadioGroup, TextArea } from '../../../components/antd-parts';
import { Forbidden } from '../../../components/forbidden';
import { Notice } from '../../../components/notice';
import { api } from '../../../lib/api';
import { csrfToken, requireUser } from '../../../lib/auth';
import { mayOpen } from '../../../lib/nav';
import { one, type SearchParams } from '../../../lib/site';
import { draftPair } from '../actions';
import { TopicChecks } from '../topic-checks';

export const metadata: Metadata = { title: '新建问答' };

/** Editor: find the policy, pick the clause the answer rests on (its words are quoted), write the pair, submit for review. */
export default async function NewPair({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const q = one(params.q);
  const policy = one(params.policy);
  // a question carried from the unanswered queue (转为问答) into the form
  const question = one(params.question);
  const carry = question ? `&question=${encodeURIComponent(question)}` : '';
  const user = await requireUser('/qa/new');
  if (!mayOpen(user, '/qa')) return <Forbidden />;
  const client = await api();
  const found = q ? await client.GET('/api/v1/policies/search', { params: { query: { q, pageSize: 10 } } }) : null;
  const [detail, topics] = await Promise.all([
    policy ? client.GET('/api/v1/policies/{documentId}/detail', { params: { path: { documentId: policy } } }) : null,
    client.GET('/api/v1/qa/topics'),
  ]);
  // Every paragraph but headings can be cited: by its anchor (第三条) when it has one, else by its position.
  const clauses = (detail?.data?.paragraphs ?? []).map((p, i) => ({ ...p, key: p.anchor ?? `i-${i}` })).filter((p) => p.kind !== 'chapter');
  return (
    <div className="stack">
      <h1>新建问答</h1>
      {question && <Alert type="info" showIcon title={`来自未解答问题：${question}`} />}
      <Notice done="" error={one(params.error)} />
      <Card title="1. 查找依据的政策文件">
        <form method="get" action="/qa/new" className="filters">
          <div>
            <label htmlFor="policy-q">政策文件关键词</label>
            <Input id="policy-q" name="q" defaultValue={q} required />
          </div>
          {question && <input type="hidden" name="question" value={question} />}
          <Button htmlType="submit">查找</Button>
        </form>
        {found?.data && (
          <ul>
            {found.data.items.map((p) => (
              <li key={p.id}>
                <a href={`/qa/new?policy=${encodeURIComponent(p.id)}${carry}`}>{p.title}</a>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {detail?.error && <Alert type="error" showIcon title={detail.error.message} />}
      {detail?.data && (
        <Card title={`2. 编写问答：依据《${detail.data.title}》`}>
          <form action={draftPair}>
            <input type="hidden" name="csrf" value={await csrfToken()} />
            <input type="hidden" name="policy" value={detail.data.id} />
            <fieldset className="field">
              <legend>依据条款（答复引用该条原文）</legend>
              <RadioGroup name="anchor" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
                {clauses.map((c) => (
                  <Radio key={c.key} value={c.key}>
                    {c.text.length > 80 ? `${c.text.slice(0, 80)}…` : c.text}
                  </Radio>
                ))}
              </RadioGroup>
            </fieldset>
            <div className="field">
              <label htmlFor="question">标准问法</label>
              <Input id="question" name="question" maxLength={500} required defaultValue={question} />
            </div>
            <div className="field">
              <label htmlFor="answer">答复</label>
              <TextArea id="answer" name="answer" rows={5} required />
            </div>
            <TopicChecks topics={topics.data?.items ?? []} />
            <Button type="primary" htmlType="submit">
              保存并提交审核
            </Button>
          </form>
        </Card>
      )}
    </div>
  );
}
