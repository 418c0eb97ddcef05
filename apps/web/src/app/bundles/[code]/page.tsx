import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { api } from '../../../lib/api';
import { copiesText, days } from '../../../lib/guide';
import { formatDate } from '../../../lib/site';

type Props = { params: Promise<{ code: string }> };

const load = cache(async (code: string) => {
  const decoded = decodeURIComponent(code);
  if (!decoded || decoded.length > 100) return null;
  const { data } = await (await api()).GET('/api/v1/bundles/{code}', { params: { path: { code: decoded } } });
  return data ?? null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const bundle = await load((await params).code);
  if (!bundle) return { title: '未找到该“一件事”' };
  return {
    title: bundle.name,
    description: bundle.description.slice(0, 120) || `${bundle.name}：办理事项、合并材料清单和承诺时限。`,
    alternates: { canonical: `/bundles/${encodeURIComponent(bundle.code)}` },
  };
}

export default async function BundlePage({ params }: Props) {
  const bundle = await load((await params).code);
  if (!bundle) notFound();
  const first = bundle.matters.find((m) => m.code === bundle.start.matterCode);
  const unknown = bundle.matters.filter((m) => bundle.daysUnknownFor.includes(m.code)).map((m) => m.name);
  return (
    <article className="guide">
      <h1>{bundle.name}</h1>
      {bundle.description && <p>{bundle.description}</p>}
      <dl className="doc-meta">
        <dt>办理事项</dt>
        <dd>{bundle.matters.length} 项</dd>
        <dt>承诺时限合计</dt>
        <dd>
          {days(bundle.totalPromisedDays)}
          {unknown.length > 0 && `（不含${unknown.join('、')}，其时限以部门公布为准）`}
          <span className="meta">（各事项承诺时限相加；并联办理的，实际用时可能更短）</span>
        </dd>
        <dt>所需材料</dt>
        <dd>{bundle.materials.length} 种（已合并重复材料）</dd>
        <dt>更新日期</dt>
        <dd>{formatDate(bundle.updatedAt)}</dd>
      </dl>

      <section aria-labelledby="start-h" className="answer start">
        <h2 id="start-h">从这里开始</h2>
        <p>
          第一步：{first ? <a href={`/guides/${encodeURIComponent(first.code)}`}>{first.name}</a> : bundle.start.matterCode}（
          {bundle.start.onlineDepth}）
        </p>
        {bundle.start.onlineUrl && (
          <p>
            <a className="button" href={bundle.start.onlineUrl} rel="noopener">
              网上申请
            </a>
          </p>
        )}
        {bundle.start.site && (
          <p>
            {bundle.start.onlineUrl ? '也可以到现场办理：' : '到现场办理：'}
            {bundle.start.site.name}，{bundle.start.site.address}（<a href="/sites">查看开放时间和其他网点</a>）
          </p>
        )}
      </section>

      <section aria-labelledby="matters-h">
        <h2 id="matters-h">办理事项（按办理顺序）</h2>
        <ol className="steps">
          {bundle.matters.map((m) => (
            <li key={m.code}>
              <a href={`/guides/${encodeURIComponent(m.code)}`}>{m.name}</a>
              <p className="meta">
                {m.department} · 承诺时限：{days(m.promisedDays)} · {m.onlineDepth}
              </p>
            </li>
          ))}
        </ol>
      </section>

      {bundle.materials.length > 0 && (
        <section aria-labelledby="materials-h" className="checklist">
          <h2 id="materials-h">合并材料清单</h2>
          <p className="hint">几个事项都要的材料只列一次，并注明用于哪些事项。可打印本页，逐项核对后再去办理。</p>
          <ol>
            {bundle.materials.map((m, i) => (
              <li key={`${m.name}-${i}`}>
                <strong>{m.name}</strong>
                {m.required ? '' : '（视情形提供）'}
                <span className="meta">
                  {' '}
                  {copiesText(m)}
                  {m.conditions.length > 0 ? `；${m.conditions.join('；')}` : ''}
                  {m.exemptedBySharedData ? '；可通过数据共享免于提交' : ''}
                </span>
                {m.templateUrl && (
                  <>
                    {' '}
                    <a href={m.templateUrl} rel="noopener">
                      下载空白表格
                    </a>
                  </>
                )}
                <p className="meta needed-by">用于：{m.neededBy.map((n) => n.name).join('、')}</p>
              </li>
            ))}
          </ol>
        </section>
      )}
    </article>
  );
}
