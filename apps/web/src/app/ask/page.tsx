import type { Metadata } from 'next';
import { api, type PostOk } from '../../lib/api';
import { one } from '../../lib/site';
import { sendFeedback } from './actions';

type Params = Record<string, string | string[] | undefined>;
type Answer = PostOk<'/api/v1/qa/ask'>;

export async function generateMetadata({ searchParams }: { searchParams: Promise<Params> }): Promise<Metadata> {
  const q = one((await searchParams).q);
  return {
    title: q ? `一号答：${q.slice(0, 40)}` : '一号答 · 有问题直接问',
    description: '用大白话提问，得到一个权威答案，并附上政策原文出处和相关办事指南。',
    alternates: { canonical: '/ask' },
    robots: q ? { index: false, follow: true } : undefined,
  };
}

export default async function AskPage({ searchParams }: { searchParams: Promise<Params> }) {
  const sp = await searchParams;
  const q = one(sp.q).slice(0, 300);
  const fb = one(sp.fb);
  let result: Answer | undefined;
  let error: string | undefined;
  if (q.length === 1) error = '问题太短了，请至少输入两个字。';
  else if (q) {
    const { data, error: err } = await (await api()).POST('/api/v1/qa/ask', { body: { question: q, limit: 4 } });
    if (data) result = data;
    else error = (err as { message?: string } | undefined)?.message ?? '暂时无法回答，请稍后再试。';
  }
  const [best, ...others] = result?.answers ?? [];
  // "您是不是想问": the other confident answers, or, when none is confident, the closest stored questions
  const choices = [...others, ...(result?.suggestions ?? [])];
  return (
    <>
      <h1>一号答</h1>
      <form action="/ask" method="get" className="search-form">
        <div className="grow">
          <label htmlFor="question">您想问什么？</label>
          <p className="hint" id="question-hint">
            用平时说话的方式提问，例如“租房能提公积金吗？每个月能取多少”
          </p>
          <input id="question" name="q" type="text" maxLength={300} defaultValue={q} aria-describedby="question-hint" />
        </div>
        <button type="submit">提问</button>
      </form>
      {error && (
        <div className="banner banner-bad" role="alert">
          {error}
        </div>
      )}
      {best && (
        <section aria-labelledby="answer-h" className="answer">
          <h2 id="answer-h">问：{best.question}</h2>
          <p>
            <strong>答：</strong>
            {best.answer}
          </p>
          {best.citations.length > 0 && (
            <>
              <h3>政策依据</h3>
              {best.citations.map((c, i) => (
                <figure key={i} style={{ margin: 0 }}>
                  <blockquote>{c.quote}</blockquote>
                  <figcaption>
                    <a href={`/policies/${encodeURIComponent(c.documentId)}${c.anchor ? `#${encodeURIComponent(c.anchor)}` : ''}`}>
                      查看原文{c.anchorLabel ? `（${c.anchorLabel}）` : ''}
                      {best.related?.policies.find((p) => p.id === c.documentId)?.title
                        ? `：${best.related?.policies.find((p) => p.id === c.documentId)?.title}`
                        : ''}
                    </a>
                  </figcaption>
                </figure>
              ))}
            </>
          )}
          {best.related && best.related.guides.length > 0 && (
            <>
              <h3>怎么办理</h3>
              <ul>
                {best.related.guides.map((g) => (
                  <li key={g.id}>
                    <a href={`/guides/${encodeURIComponent(g.code)}`}>{g.name}</a>
                  </li>
                ))}
              </ul>
            </>
          )}
          {best.related && best.related.policies.length > 0 && (
            <>
              <h3>相关政策</h3>
              <ul>
                {best.related.policies.map((p) => (
                  <li key={p.id}>
                    <a href={`/policies/${encodeURIComponent(p.id)}`}>{p.title}</a>
                    {p.docNumber ? `（${p.docNumber}）` : ''}
                  </li>
                ))}
              </ul>
            </>
          )}
          {fb === 'ok' ? (
            <p role="status">感谢您的反馈！</p>
          ) : (
            <form action={sendFeedback} className="feedback">
              <input type="hidden" name="pairId" value={best.id} />
              <input type="hidden" name="q" value={q} />
              <span id="fb-label">这个回答对您有帮助吗？</span>
              <button type="submit" name="helpful" value="yes" className="button-secondary" aria-describedby="fb-label">
                有用
              </button>
              <button type="submit" name="helpful" value="no" className="button-secondary" aria-describedby="fb-label">
                没用
              </button>
            </form>
          )}
          {fb === 'fail' && <p role="alert">反馈没有提交成功，请稍后再试。</p>}
        </section>
      )}
      {choices.length > 0 && (
        <section aria-labelledby="dym-h">
          <h2 id="dym-h">您是不是想问</h2>
          <ul>
            {choices.map((a) => (
              <li key={a.id}>
                <a href={`/ask?q=${encodeURIComponent(a.question)}`}>{a.question}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {result && !best && (
        <section aria-labelledby="fallback-h">
          <h2 id="fallback-h">暂时没有找到确定的答案</h2>
          <p>{result.fallback?.message ?? '换个说法试试，或者查看下面的政策文件。'}</p>
          {result.fallback && result.fallback.policies.length > 0 && (
            <ul className="results">
              {result.fallback.policies.map((p) => (
                <li key={p.id}>
                  <a href={`/policies/${encodeURIComponent(p.id)}`}>{p.title}</a>
                  {p.docNumber && <p className="meta">{p.docNumber}</p>}
                </li>
              ))}
            </ul>
          )}
          <p>
            还是找不到？<a href={`/search?q=${encodeURIComponent(q)}`}>在政策文件库中搜索“{q}”</a>，或
            <a href="/disclosure/new">申请政府信息公开</a>。
          </p>
        </section>
      )}
    </>
  );
}
