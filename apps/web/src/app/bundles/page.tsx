import type { Metadata } from 'next';
import { Pager } from '../../components/pager';
import { api } from '../../lib/api';
import { one } from '../../lib/site';

type Params = Record<string, string | string[] | undefined>;
const PAGE_SIZE = 20;

export const metadata: Metadata = {
  title: '一件事',
  description: '“一件事一次办”：把一件事涉及的多个办事事项合在一起，一次告知材料、一表申请、一次办好。',
  alternates: { canonical: '/bundles' },
};

export default async function BundlesPage({ searchParams }: { searchParams: Promise<Params> }) {
  const page = Math.min(500, Math.max(1, Number.parseInt(one((await searchParams).page), 10) || 1));
  const { data, error } = await (await api()).GET('/api/v1/bundles', { params: { query: { page, pageSize: PAGE_SIZE } } });
  const pages = data ? Math.min(500, Math.ceil(data.total / PAGE_SIZE)) : 0;
  return (
    <>
      <h1>一件事一次办</h1>
      <p>一件事往往要到几个部门办几项手续。这里把它们合在一起：按顺序列出要办的事项，合并列出要准备的材料，告诉您从哪里开始。</p>
      {!data && (
        <div className="banner banner-bad" role="alert">
          {(error as { message?: string } | undefined)?.message ?? '“一件事”暂时无法查询，请稍后再试。'}
        </div>
      )}
      {data && data.total === 0 && <p>暂无已发布的“一件事”。</p>}
      {data && data.total > 0 && (
        <>
          <ul className="card-list bundle-list">
            {data.items.map((b) => (
              <li key={b.code}>
                <h2>
                  <a href={`/bundles/${encodeURIComponent(b.code)}`}>{b.name}</a>
                </h2>
                {b.description && <p>{b.description}</p>}
                <p className="meta">包含 {b.matterCodes.length} 个办事事项</p>
              </li>
            ))}
          </ul>
          <Pager page={page} pages={pages} href={(n) => (n > 1 ? `/bundles?page=${n}` : '/bundles')} />
        </>
      )}
      <p>
        只办一件事项？请到<a href="/guides">办事指南</a>查找。
      </p>
    </>
  );
}
