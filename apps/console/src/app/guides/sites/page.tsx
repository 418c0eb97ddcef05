import type { Metadata } from 'next';
import { ApiFailure, Forbidden } from '../../../components/forbidden';
import { Notice } from '../../../components/notice';
import { api } from '../../../lib/api';
import { requireUser } from '../../../lib/auth';
import { mayOpen } from '../../../lib/nav';
import { one, type SearchParams } from '../../../lib/site';
import { GuideTabs } from '../_components/guide-tabs';
import { SimpleList } from '../_components/simple-list';

export const metadata: Metadata = { title: '服务场所' };

/** Service sites for content staff (drafts and waiting edits included). */
export default async function SiteList({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const user = await requireUser('/guides/sites');
  if (!mayOpen(user, '/guides')) return <Forbidden />;
  const { data, error } = await (await api()).GET('/api/v1/sites', { params: { query: { page: 1, pageSize: 100 } } });
  return (
    <div className="stack">
      <h1>服务场所</h1>
      <GuideTabs current="/guides/sites" />
      <Notice done={one(params.done)} error={one(params.error)} />
      <p>
        <a href="/guides/sites/new">新建服务场所</a>
      </p>
      {error && <ApiFailure error={error} />}
      <SimpleList
        label="服务场所列表"
        detailTitle="地址"
        rows={(data?.items ?? []).map((s) => ({
          ...s,
          key: s.id,
          href: `/guides/sites/${encodeURIComponent(s.id)}`,
          detail: `${s.district} ${s.address}`,
        }))}
      />
    </div>
  );
}
