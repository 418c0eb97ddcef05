import type { Metadata } from 'next';
import { FacetGroup, FacetNav } from '../../components/facets';
import { Pager } from '../../components/pager';
import { api, type GetOk } from '../../lib/api';
import { days } from '../../lib/guide';
import { GUIDE_TOPIC_LABEL } from '../../lib/labels';
import { one } from '../../lib/site';

type Params = Record<string, string | string[] | undefined>;
type Guides = GetOk<'/api/v1/guides'>;
interface Query {
  q: string;
  topic: string;
  department: string;
}
const PAGE_SIZE = 20;

function href({ q, topic, department }: Query, page = 1): string {
  const p = new URLSearchParams();
  if (q) p.set('q', q);
  if (topic) p.set('topic', topic);
  if (department) p.set('department', department);
  if (page > 1) p.set('page', String(page));
  const s = p.toString();
  return s ? `/guides?${s}` : '/guides';
}

export async function generateMetadata({ searchParams }: { searchParams: Promise<Params> }): Promise<Metadata> {
  const sp = await searchParams;
  const filtered = ['q', 'topic', 'department', 'page'].some((k) => one(sp[k]) !== '');
  return {
    title: '办事指南',
    description: '查找本市政务服务事项的办事指南：实施部门、承诺时限、网上办理程度、申请材料和办理地点。',
    alternates: { canonical: '/guides' },
    robots: filtered ? { index: false, follow: true } : undefined,
  };
}

/** Topic and department filter values with counts, from the published guides (at most 500 looked at). */
async function filterValues(): Promise<{ topics: [string, number][]; departments: [string, number][] }> {
  const client = await api();
  const topics = new Map<string, number>();
  const departments = new Map<string, number>();
  for (let page = 1; page <= 5; page++) {
    const { data } = await client.GET('/api/v1/guides', { params: { query: { page, pageSize: 100 } } });
    if (!data) break;
    for (const g of data.items) {
      departments.set(g.department, (departments.get(g.department) ?? 0) + 1);
      for (const t of g.topics) topics.set(t, (topics.get(t) ?? 0) + 1);
    }
    if (page * data.pageSize >= data.total) break;
  }
  const byCount = (a: [string, number], b: [string, number]) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN');
  return { topics: [...topics].sort(byCount), departments: [...departments].sort(byCount) };
}

export default async function GuidesPage({ searchParams }: { searchParams: Promise<Params> }) {
  const sp = await searchParams;
  const query: Query = { q: one(sp.q).slice(0, 100), topic: one(sp.topic).slice(0, 50), department: one(sp.department).slice(0, 200) };
  const page = Math.min(500, Math.max(1, Number.parseInt(one(sp.page), 10) || 1));
  const client = await api();
  const [{ data, error: err }, filters, topicNames] = await Promise.all([
    client.GET('/api/v1/guides', {
      params: {
        query: {
          page,
          pageSize: PAGE_SIZE,
          q: query.q || undefined,
          topic: query.topic || undefined,
          department: query.department || undefined,
        },
      },
    }),
    filterValues().catch(() => ({ topics: [], departments: [] })),
    client
      .GET('/api/v1/qa/topics')
      .then((r) => new Map((r.data?.items ?? []).map((t) => [t.code, t.name])))
      .catch(() => new Map<string, string>()),
  ]);
  const results: Guides | undefined = data;
  const error = results ? undefined : ((err as { message?: string } | undefined)?.message ?? '办事指南暂时无法查询，请稍后再试。');
  const topicName = (code: string) => topicNames.get(code) ?? GUIDE_TOPIC_LABEL[code] ?? code;
  const pages = results ? Math.min(500, Math.ceil(results.total / PAGE_SIZE)) : 0;
  const filtered = query.q !== '' || query.topic !== '' || query.department !== '';

  return (
    <>
      <h1>办事指南</h1>
      <form method="get" action="/guides" role="search" className="search-form">
        <div className="grow">
          <label htmlFor="guides-q">搜索办事事项</label>
          <input id="guides-q" type="search" name="q" defaultValue={query.q} maxLength={100} placeholder="如：公积金、社保卡" />
        </div>
        {query.topic && <input type="hidden" name="topic" value={query.topic} />}
        {query.department && <input type="hidden" name="department" value={query.department} />}
        <button type="submit">搜索</button>
      </form>
      {error && (
        <div className="banner banner-bad" role="alert">
          {error}
        </div>
      )}
      {results && (
        <div className="layout-2">
          <section aria-labelledby="results-h">
            <h2 id="results-h">
              {filtered ? `找到 ${results.total} 项办事事项` : `共 ${results.total} 项办事事项`}
              {pages > 1 ? `，第 ${page}/${pages} 页` : ''}
            </h2>
            <p className="meta only-narrow">
              <a href="#facets">按主题或部门筛选</a>
            </p>
            {results.total === 0 && (
              <ul>
                <li>换个说法试试，比如只输入“公积金”或“社保卡”。</li>
                {filtered && (
                  <li>
                    <a href="/guides">查看全部办事指南</a>
                  </li>
                )}
                {query.q && (
                  <li>
                    直接提问：<a href={`/ask?q=${encodeURIComponent(query.q)}`}>到“一号答”问一问“{query.q}”</a>
                  </li>
                )}
              </ul>
            )}
            <ol className="results" start={(page - 1) * PAGE_SIZE + 1}>
              {results.items.map((g) => (
                <li key={g.code}>
                  <h3>
                    <a href={`/guides/${encodeURIComponent(g.code)}`}>{g.name}</a>
                  </h3>
                  <p className="meta">
                    {g.department} · 承诺时限：{days(g.promisedDays)} · <span className="badge badge-depth">{g.onlineDepth}</span>
                  </p>
                </li>
              ))}
            </ol>
            <Pager page={page} pages={pages} href={(n) => href(query, n)} />
          </section>
          <FacetNav>
            {(
              [
                ['topic', '主题', filters.topics],
                ['department', '实施部门', filters.departments],
              ] as const
            ).map(([key, label, values]) => (
              <FacetGroup
                key={key}
                label={label}
                clearHref={query[key] ? href({ ...query, [key]: '' }) : null}
                options={values.map(([value, count]) => ({
                  value,
                  label: key === 'topic' ? topicName(value) : value,
                  count,
                  href: href({ ...query, [key]: value }),
                  current: query[key] === value,
                }))}
              />
            ))}
          </FacetNav>
        </div>
      )}
      <p>
        几件事要一起办？看看<a href="/bundles">“一件事”套餐服务</a>；要到现场办理，可以查找<a href="/sites">附近的服务网点</a>。
      </p>
    </>
  );
}
