import { Button, Card, Input } from 'antd';
import type { Metadata } from 'next';
import { TextArea } from '../../../components/antd-parts';
import { ApiFailure, Forbidden } from '../../../components/forbidden';
import { Notice } from '../../../components/notice';
import { api } from '../../../lib/api';
import { csrfToken, requireUser } from '../../../lib/auth';
import { mayOpen } from '../../../lib/nav';
import { one, type SearchParams } from '../../../lib/site';
import { sendDrafts } from '../actions';
import { TopicChecks } from '../topic-checks';

export const metadata: Metadata = { title: '问答提取助手' };

/** Extraction assistant: draft pairs proposed clause by clause from one policy; the editor keeps, edits and sends them to review. */
export default async function ExtractDrafts({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const user = await requireUser('/qa/extract');
  if (!mayOpen(user, '/qa')) return <Forbidden />;
  const q = one(params.q);
  const policy = one(params.policy);
  const client = await api();
  const [found, proposed, topics] = await Promise.all([
    q ? client.GET('/api/v1/policies/search', { params: { query: { q, pageSize: 10 } } }) : null,
    policy ? client.POST('/api/v1/qa/extract', { body: { documentId: policy, limit: 10 } as never }) : null,
    client.GET('/api/v1/qa/topics'),
  ]);
  const drafts = proposed?.data?.drafts ?? [];
  return (
    <div className="stack">
      <h1>问答提取助手</h1>
      <Notice done="" error={one(params.error)} />
      <Card title="1. 选择政策文件">
        <form method="get" action="/qa/extract" className="filters">
          <div>
            <label htmlFor="extract-q">政策文件关键词</label>
            <Input id="extract-q" name="q" defaultValue={q} required />
          </div>
          <Button htmlType="submit">查找</Button>
        </form>
        {found?.data && (
          <ul>
            {found.data.items.map((p) => (
              <li key={p.id}>
                <a href={`/qa/extract?policy=${encodeURIComponent(p.id)}`}>{p.title}</a>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {proposed?.error && <ApiFailure error={proposed.error} />}
      {proposed?.data && (
        <Card title={`2. 逐条核对草稿（共 ${drafts.length} 条），勾选采用的提交审核`}>
          {proposed.data.skipped > 0 && (
            <p>另有 {proposed.data.skipped} 条条款无法生成通顺、可由条文回答的问题，已跳过，请按需人工编写。</p>
          )}
          {drafts.length === 0 ? (
            <p>该文件没有可提取的条款。</p>
          ) : (
            <form action={sendDrafts} aria-label="提取的问答草稿" className="stack">
              <input type="hidden" name="csrf" value={await csrfToken()} />
              <input type="hidden" name="policy" value={proposed.data.documentId} />
              {drafts.map((d, i) => (
                <fieldset key={i} className="draft">
                  <legend>
                    <label>
                      <input type="checkbox" name="pick" value={i} defaultChecked /> 采用草稿 {i + 1}
                      {d.citation.anchor ? `（${d.citation.anchor}）` : ''}
                    </label>
                  </legend>
                  <input type="hidden" name={`anchor-${i}`} value={d.citation.anchor ?? ''} />
                  <input type="hidden" name={`version-${i}`} value={d.citation.documentVersion} />
                  <input type="hidden" name={`quote-${i}`} value={d.citation.quote} />
                  <blockquote>{d.citation.quote}</blockquote>
                  <div className="field">
                    <label htmlFor={`question-${i}`}>标准问法（草稿 {i + 1}）</label>
                    <Input id={`question-${i}`} name={`question-${i}`} defaultValue={d.question} maxLength={500} required />
                  </div>
                  <div className="field">
                    <label htmlFor={`answer-${i}`}>答复（草稿 {i + 1}）</label>
                    <TextArea id={`answer-${i}`} name={`answer-${i}`} defaultValue={d.answer} rows={3} required />
                  </div>
                </fieldset>
              ))}
              <TopicChecks topics={topics.data?.items ?? []} />
              <div>
                <Button type="primary" htmlType="submit">
                  提交所选草稿审核
                </Button>
              </div>
            </form>
          )}
        </Card>
      )}
    </div>
  );
}
