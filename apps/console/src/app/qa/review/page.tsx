import { Button, Card, Input } from 'antd';
import type { Metadata } from 'next';
import { ApiFailure, Forbidden } from '../../../components/forbidden';
import { Notice } from '../../../components/notice';
import { api } from '../../../lib/api';
import { csrfToken, requireUser } from '../../../lib/auth';
import { mayOpen } from '../../../lib/nav';
import { one, type SearchParams } from '../../../lib/site';
import { reviewPair } from '../actions';

export const metadata: Metadata = { title: '问答审核' };

/** Reviewer: pairs waiting for sign-off with their cited clauses; publishing one's own is refused (four eyes). */
export default async function ReviewQueue({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const user = await requireUser('/qa/review');
  if (!mayOpen(user, '/qa/review')) return <Forbidden />;
  const { data, error } = await (
    await api()
  ).GET('/api/v1/qa/pairs', { params: { query: { status: 'IN_REVIEW', page: 1, pageSize: 50 } } });
  const csrf = await csrfToken();
  return (
    <div className="stack">
      <h1>问答审核</h1>
      <Notice done={one(params.done)} error={one(params.error)} />
      {error && <ApiFailure error={error} />}
      {data?.items.length === 0 && <p>暂无待审核的问答。</p>}
      {data?.items.map((p) => (
        <Card key={p.id} title={p.question}>
          <article className="stack" aria-label={p.question}>
            <p>{p.answer}</p>
            {p.citations.map((c, i) => (
              <figure key={i}>
                <blockquote>{c.quote}</blockquote>
                <figcaption>
                  依据条款：{c.anchorLabel ?? c.anchor ?? '—'}（
                  {c.state === 'VERIFIED' ? '已核对原文' : c.state === 'STALE' ? '原文已变化' : '未核对'}）
                </figcaption>
              </figure>
            ))}
            <form action={reviewPair} className="filters">
              <input type="hidden" name="csrf" value={csrf} />
              <input type="hidden" name="pairId" value={p.id} />
              <div>
                <label htmlFor={`note-${p.id}`}>审核意见（退回时填写）</label>
                <Input id={`note-${p.id}`} name="note" maxLength={1000} />
              </div>
              <Button type="primary" htmlType="submit" name="decision" value="approve">
                发布
              </Button>
              <Button htmlType="submit" name="decision" value="reject">
                退回
              </Button>
            </form>
          </article>
        </Card>
      ))}
    </div>
  );
}
