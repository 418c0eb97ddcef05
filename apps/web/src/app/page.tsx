import type { Metadata } from 'next';
import { SearchBox } from '../components/search-box';
import { api } from '../lib/api';

export const metadata: Metadata = {
  title: { absolute: '政务公开平台 · 查政策 问答案 办事情' },
  description: '搜索本市现行政策文件，用大白话提问获得带出处的答案，查看办事指南，在线申请政府信息公开。',
  alternates: { canonical: '/' },
};

/** 政策 12 · 问答 5 · 指南 3 (a part whose service did not answer is left out). */
function topicCounts(counts: { policy: number | null; qa: number | null; guide: number | null }): string {
  return (
    [
      ['政策', counts.policy],
      ['问答', counts.qa],
      ['指南', counts.guide],
    ] as const
  )
    .filter(([, n]) => n !== null)
    .map(([label, n]) => `${label} ${n}`)
    .join(' · ');
}

export default async function Home() {
  const client = await api();
  const [topics, pairs] = await Promise.all([
    // The home page stays up when a service is down: the search box needs nothing.
    client
      .GET('/api/v1/topics')
      .then((r) => r.data?.items ?? [])
      .catch(() => []),
    client
      .GET('/api/v1/qa/pairs', { params: { query: { page: 1, pageSize: 6 } } })
      .then((r) => r.data?.items ?? [])
      .catch(() => []),
  ]);
  return (
    <>
      <div className="hero">
        <h1>查政策、问答案、办事情</h1>
        <SearchBox label="搜索政策文件" />
        <p>
          有具体问题？<a href="/ask">到“一号答”直接提问</a>，答案附政策原文出处。
        </p>
      </div>
      {topics.length > 0 && (
        <section aria-labelledby="topics-h">
          <h2 id="topics-h">主题服务</h2>
          <ul className="card-list topic-list">
            {topics.map((t) => (
              <li key={t.code}>
                <a href={`/topics/${t.code}`}>{t.name}</a>
                {t.description && <p className="meta">{t.description}</p>}
                <p className="meta">{topicCounts(t.counts)}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="do-h">
        <h2 id="do-h">办事服务</h2>
        <ul className="card-list">
          <li>
            <a href="/bundles">一件事一次办</a>
            <p className="meta">开办企业、新生儿出生、退休等：几项手续一次告知、合并材料。</p>
          </li>
          <li>
            <a href="/guides">办事指南</a>
            <p className="meta">按事项查申请材料、承诺时限、网上办理入口和办理地点。</p>
          </li>
          <li>
            <a href="/sites">服务网点</a>
            <p className="meta">政务服务中心和便民服务站的地址、电话、开放时间，找离您最近的网点。</p>
          </li>
        </ul>
      </section>
      {pairs.length > 0 && (
        <section aria-labelledby="hot-h">
          <h2 id="hot-h">大家都在问</h2>
          <ul className="results">
            {pairs.map((p) => (
              <li key={p.id}>
                <a href={`/ask?q=${encodeURIComponent(p.question)}`}>{p.question}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="services-h">
        <h2 id="services-h">依申请公开</h2>
        <ul className="card-list">
          <li>
            <a href="/disclosure/new">申请政府信息公开</a>
            <p className="meta">在网上提交申请，收到受理编号和查询码。</p>
          </li>
          <li>
            <a href="/disclosure/track">查询申请进度</a>
            <p className="meta">凭查询码和手机号后四位查看办理进度。</p>
          </li>
        </ul>
      </section>
    </>
  );
}
