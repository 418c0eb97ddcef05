import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { api } from '../../../lib/api';
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

export default async function GuidePage({ params }: Props) {
  const guide = await load((await params).code);
  if (!guide) notFound();
  return (
    <article>
      <h1>{guide.name}</h1>
      <dl className="doc-meta">
        <dt>事项编码</dt>
        <dd>{guide.code}</dd>
        <dt>实施部门</dt>
        <dd>{guide.department}</dd>
        <dt>承诺时限</dt>
        <dd>{guide.timeLimitDays == null ? '以部门公布为准' : `${guide.timeLimitDays} 个工作日`}</dd>
        <dt>更新日期</dt>
        <dd>{formatDate(guide.updatedAt)}</dd>
      </dl>
      <h2>办理说明</h2>
      {guide.summary.split(/\n+/).map((line, i) => (
        <p key={i}>{line}</p>
      ))}
      {guide.materials.length > 0 && (
        <>
          <h2>申请材料</h2>
          <ol>
            {guide.materials.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ol>
        </>
      )}
      {guide.policyRefs.length > 0 && (
        <>
          <h2>政策依据</h2>
          <ul>
            {guide.policyRefs.map((ref) => (
              // The guide API gives references as they were entered: a document number is searchable, an internal id is not.
              <li key={ref}>{/[〔号]/.test(ref) ? <a href={`/search?q=${encodeURIComponent(ref)}`}>{ref}</a> : `政策编号 ${ref}`}</li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
