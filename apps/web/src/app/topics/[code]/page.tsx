import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { type ReactNode, cache } from 'react';
import { Pager } from '../../../components/pager';
import { api, type GetOk } from '../../../lib/api';
import { one } from '../../../lib/site';

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
type Topic = GetOk<'/api/v1/topics/{code}'>;
const PAGE_SIZE = 10;
const CODE = /^[a-z0-9-]{1,50}$/;

const load = cache(async (code: string, page: number): Promise<Topic | null> => {
  const decoded = decodeURIComponent(code);
  if (!CODE.test(decoded)) return null;
  const { data } = await (
    await api()
  ).GET('/api/v1/topics/{code}', { params: { path: { code: decoded }, query: { page, pageSize: PAGE_SIZE } } });
  return data ?? null;
});

const pageOf = (sp: Record<string, string | string[] | undefined>) => Math.min(500, Math.max(1, Number.parseInt(one(sp.page), 10) || 1));

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const page = pageOf(await searchParams);
  const topic = await load((await params).code, page);
  if (!topic) return { title: '未找到该主题服务' };
  return {
    title: `${topic.name} · 主题服务`,
    description: `${topic.name}（${topic.description}）相关的政策文件、政策问答和办事指南。`,
    alternates: { canonical: `/topics/${topic.code}` },
    robots: page > 1 ? { index: false, follow: true } : undefined,
  };
}

/** One kind of content on the page: its heading with the total, its list, or why it is empty. */
function Part<T>(props: {
  id: string;
  title: string;
  part: { items: T[]; total: number; available: boolean };
  empty: string;
  item: (x: T) => ReactNode;
  more?: ReactNode;
}) {
  const { id, title, part } = props;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {title}（{part.available ? part.total : '—'}）
      </h2>
      {!part.available && <p className="banner banner-bad">{title}暂时无法显示，请稍后再试。</p>}
      {part.available && part.total === 0 && <p className="meta">{props.empty}</p>}
      {part.items.length > 0 && <ul className="results">{part.items.map(props.item)}</ul>}
      {props.more}
    </section>
  );
}

export default async function TopicPage({ params, searchParams }: Props) {
  const page = pageOf(await searchParams);
  const topic = await load((await params).code, page);
  if (!topic) notFound();
  const pages = Math.min(500, Math.ceil(Math.max(topic.policies.total, topic.qa.total, topic.guides.total) / PAGE_SIZE));
  return (
    <>
      <nav aria-label="当前位置" className="meta">
        <a href="/">首页</a> › 主题服务
      </nav>
      <h1>{topic.name}</h1>
      <p>{topic.description}</p>
      <p className="meta">
        看政策、问答案、办事情：本主题的现行政策文件、政策问答和办事指南{pages > 1 ? `（第 ${page}/${pages} 页）` : ''}。
      </p>
      <Part
        id="policies-h"
        title="政策文件"
        part={topic.policies}
        empty="本主题暂无政策文件。"
        item={(p) => (
          <li key={p.id}>
            <a href={`/policies/${p.id}`}>{p.title}</a>
            {(p.docNumber || p.publishDate) && <p className="meta">{[p.docNumber, p.publishDate].filter(Boolean).join(' · ')}</p>}
          </li>
        )}
      />
      <Part
        id="qa-h"
        title="政策问答"
        part={topic.qa}
        empty="本主题暂无政策问答。"
        item={(q) => (
          <li key={q.id}>
            <a href={`/ask?q=${encodeURIComponent(q.question)}`}>{q.question}</a>
          </li>
        )}
        more={
          <p>
            没找到？<a href="/ask">到“一号答”直接提问</a>
          </p>
        }
      />
      <Part
        id="guides-h"
        title="办事指南"
        part={topic.guides}
        empty="本主题暂无办事指南。"
        item={(g) => (
          <li key={g.code}>
            <a href={`/guides/${encodeURIComponent(g.code)}`}>{g.name}</a>
            <p className="meta">{g.department}</p>
          </li>
        )}
      />
      <Pager page={page} pages={pages} href={(n) => (n > 1 ? `/topics/${topic.code}?page=${n}` : `/topics/${topic.code}`)} />
    </>
  );
}
