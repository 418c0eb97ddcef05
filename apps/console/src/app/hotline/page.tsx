import { Alert, Button, Card, Input, Tag } from 'antd';
import type { Metadata } from 'next';
import { TextArea } from '../../components/antd-parts';
import { Forbidden, ApiFailure } from '../../components/forbidden';
import { CopyButton } from '../../components/copy-button';
import { api } from '../../lib/api';
import { csrfToken, requireUser } from '../../lib/auth';
import { mayOpen } from '../../lib/nav';
import { one, type SearchParams } from '../../lib/site';
import { recordOutcome } from './actions';

export const metadata: Metadata = { title: '一号答（热线）' };

const RECORDED: Record<string, { type: 'success' | 'error'; text: string }> = {
  solved: { type: 'success', text: '已记录：来电问题已解答。' },
  unsolved: { type: 'success', text: '已记录：答复未解决来电问题，编辑将复核此问答。' },
  failed: { type: 'error', text: '结果未能记录，请稍后再试。' },
  csrf: { type: 'error', text: '页面已过期，请刷新后重新记录。' },
};

/** The 12345 operator's screen: the caller's question in, the best answer with its citation out, copy, record the outcome. */
export default async function Hotline({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const q = one(params.q);
  const user = await requireUser(`/hotline${q ? `?q=${encodeURIComponent(q)}` : ''}`);
  if (!mayOpen(user, '/hotline')) return <Forbidden />;
  const client = await api();
  const asked = q.length >= 2 ? await client.POST('/api/v1/qa/ask', { body: { question: q, limit: 3 } }) : null;
  const unanswered = await client.GET('/api/v1/qa/unanswered', { params: { query: { page: 1, pageSize: 5 } } });
  const recorded = RECORDED[one(params.recorded)];
  const csrf = await csrfToken();
  const best = asked?.data?.answers[0];
  const citationText = (c: { anchorLabel: string | null; quote: string }) => `${c.anchorLabel ? `${c.anchorLabel}：` : ''}${c.quote}`;
  return (
    <div className="stack">
      <h1>一号答（热线）</h1>
      <form method="get" action="/hotline" className="stack">
        <div className="field">
          <label htmlFor="q">来电人的问题（可直接粘贴）</label>
          <TextArea id="q" name="q" defaultValue={q} rows={3} maxLength={300} required />
        </div>
        <Button type="primary" htmlType="submit">
          查找答复
        </Button>
      </form>
      {recorded && <Alert type={recorded.type} showIcon title={recorded.text} role="status" />}
      {asked?.error && <ApiFailure error={asked.error} />}
      {best && (
        <Card title={`答复：${best.question}`} extra={<Tag color="blue">匹配度 {Math.round(best.confidence * 100)}%</Tag>}>
          <section className="answer stack" aria-label="答复">
            <p>{best.answer}</p>
            {best.citations.map((c, i) => (
              <figure key={i}>
                <blockquote>{c.quote}</blockquote>
                <figcaption>
                  依据：{best.related?.policies.find((p) => p.id === c.documentId)?.title ?? c.documentId}
                  {c.anchorLabel ? ` ${c.anchorLabel}` : ''}
                </figcaption>
              </figure>
            ))}
            <CopyButton text={[best.answer, ...best.citations.map((c) => `依据：${citationText(c)}`)].join('\n')} />
            <form action={recordOutcome} className="filters">
              <input type="hidden" name="csrf" value={csrf} />
              <input type="hidden" name="q" value={q} />
              <input type="hidden" name="pairId" value={best.id} />
              <div>
                <label htmlFor="note">备注（可选）</label>
                <Input id="note" name="note" maxLength={200} />
              </div>
              <Button htmlType="submit" name="outcome" value="solved" type="primary">
                已解答
              </Button>
              <Button htmlType="submit" name="outcome" value="unsolved">
                未解答
              </Button>
            </form>
          </section>
        </Card>
      )}
      {asked?.data && !best && (
        <Alert
          type="warning"
          showIcon
          title="暂无可靠答复"
          description="该问题已自动记入“未答问题”待办，由问答编辑补充答复。可先参考下列相近问题或政策文件。"
        />
      )}
      {asked?.data && asked.data.suggestions.length > 0 && (
        <Card title="您是不是想问">
          <ul>
            {asked.data.suggestions.map((s) => (
              <li key={s.id}>
                <a href={`/hotline?q=${encodeURIComponent(s.question)}`}>{s.question}</a>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {asked?.data?.fallback && asked.data.fallback.policies.length > 0 && (
        <Card title="相关政策文件">
          <ul>
            {asked.data.fallback.policies.map((p) => (
              <li key={p.id}>
                {p.title}
                {p.docNumber ? `（${p.docNumber}）` : ''}
              </li>
            ))}
          </ul>
        </Card>
      )}
      {unanswered.data && (
        <Card title={`未答问题（编辑待办，共 ${unanswered.data.total} 条）`} size="small">
          <ul>
            {unanswered.data.items.map((c) => (
              <li key={c.id}>
                {c.sample}（{c.count} 次）
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
