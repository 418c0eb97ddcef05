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
  const { data } = await (await api()).GET('/api/v1/guides/{code}', { params: { path: { code: decoded } } });
  return data ?? null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const guide = await load((await params).code);
  if (!guide) return { title: '未找到该办事指南' };
  return {
    title: `${guide.name} · 办事指南`,
    description: `${guide.department}：${guide.summary.slice(0, 100)}`,
    alternates: { canonical: `/guides/${encodeURIComponent(guide.code)}` },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A legal basis cites a policy by its ID or its source system's ID: the page links by ID, with the policy's title. */
async function resolvePolicy(policyId: string): Promise<{ id: string; title: string } | null> {
  const client = await api();
  const { data } = UUID.test(policyId)
    ? await client.GET('/api/v1/policies/{documentId}', { params: { path: { documentId: policyId } } })
    : await client.GET('/api/v1/policies/by-external-id/{externalId}', { params: { path: { externalId: policyId } } });
  return data ? { id: data.id, title: data.title } : null;
}

export default async function GuidePage({ params }: Props) {
  const guide = await load((await params).code);
  if (!guide) notFound();
  const policies = await Promise.all(guide.legalBasis.map((ref) => resolvePolicy(ref.policyId)));
  return (
    <article className="guide">
      <h1>{guide.name}</h1>
      <dl className="doc-meta">
        <dt>事项类型</dt>
        <dd>{guide.type}</dd>
        <dt>实施部门</dt>
        <dd>{guide.department}</dd>
        <dt>事项编码</dt>
        <dd>{guide.code}</dd>
        <dt>法定时限</dt>
        <dd>{days(guide.statutoryDays)}</dd>
        <dt>承诺时限</dt>
        <dd>{days(guide.promisedDays)}</dd>
        <dt>收费</dt>
        <dd>{guide.free ? '不收费' : guide.fees.map((f) => `${f.name} ${f.amountYuan} 元`).join('；')}</dd>
        <dt>办理方式</dt>
        <dd>{guide.onlineDepth}</dd>
        <dt>更新日期</dt>
        <dd>{formatDate(guide.updatedAt)}</dd>
      </dl>
      {guide.onlineUrl && (
        <p>
          <a className="button" href={guide.onlineUrl} rel="noopener">
            网上办理
          </a>
        </p>
      )}
      {guide.summary && (
        <>
          <h2>办理说明</h2>
          {guide.summary.split(/\n+/).map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </>
      )}
      {guide.conditions.length > 0 && (
        <>
          <h2>受理条件</h2>
          <ul>
            {guide.conditions.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </>
      )}
      {guide.materials.length > 0 && (
        <section aria-labelledby="materials-h" className="checklist">
          <h2 id="materials-h">申请材料清单</h2>
          <p className="hint">可打印本页，逐项核对后再去办理。</p>
          <ol>
            {guide.materials.map((m, i) => (
              <li key={`${m.name}-${i}`}>
                <strong>{m.name}</strong>
                {m.required ? '' : '（视情形提供）'}
                <span className="meta">
                  {' '}
                  {copiesText(m)}
                  {m.condition ? `；${m.condition}` : ''}
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
              </li>
            ))}
          </ol>
        </section>
      )}
      {guide.steps.length > 0 && (
        <>
          <h2>办理流程</h2>
          <ol>
            {guide.steps.map((s, i) => (
              <li key={i}>
                <strong>{s.name}</strong>
                {s.description ? `：${s.description}` : ''}
              </li>
            ))}
          </ol>
        </>
      )}
      {(guide.sites.length > 0 || guide.whereText || guide.hoursText) && (
        <>
          <h2>办理地点和时间</h2>
          {guide.whereText && <p>{guide.whereText}</p>}
          {guide.hoursText && <p>{guide.hoursText}</p>}
          {guide.sites.length > 0 && (
            <ul>
              {guide.sites.map((s) => (
                <li key={s.id}>
                  {s.name}（{s.district}）：{s.address}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {guide.legalBasis.length > 0 && (
        <>
          <h2>设定依据</h2>
          <ul>
            {guide.legalBasis.map((ref, i) => {
              const policy = policies[i];
              const text = ref.label ?? ([policy ? `《${policy.title}》` : '', ref.clause ?? ''].join('') || '政策原文');
              return (
                <li key={`${ref.policyId}-${i}`}>
                  {policy ? <a href={`/policies/${policy.id}${ref.anchor ? `#${ref.anchor}` : ''}`}>{text}</a> : text}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {(guide.consultPhones.length > 0 || guide.complaintPhones.length > 0) && (
        <dl className="doc-meta">
          {guide.consultPhones.length > 0 && (
            <>
              <dt>咨询电话</dt>
              <dd>{guide.consultPhones.join('、')}</dd>
            </>
          )}
          {guide.complaintPhones.length > 0 && (
            <>
              <dt>投诉电话</dt>
              <dd>{guide.complaintPhones.join('、')}</dd>
            </>
          )}
        </dl>
      )}
    </article>
  );
}
