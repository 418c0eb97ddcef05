import type { Metadata } from 'next';
import { ApiFailure, Forbidden } from '../../../components/forbidden';
import { Notice } from '../../../components/notice';
import { api } from '../../../lib/api';
import { requireUser } from '../../../lib/auth';
import { mayOpen } from '../../../lib/nav';
import { one, type SearchParams } from '../../../lib/site';
import { GuideTabs } from '../_components/guide-tabs';
import { SimpleList } from '../_components/simple-list';

export const metadata: Metadata = { title: '一件事' };

/** 一件事 bundles for content staff (drafts and waiting edits included). */
export default async function BundleList({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const user = await requireUser('/guides/bundles');
  if (!mayOpen(user, '/guides')) return <Forbidden />;
  const { data, error } = await (await api()).GET('/api/v1/bundles', { params: { query: { page: 1, pageSize: 100 } } });
  return (
    <div className="stack">
      <h1>一件事</h1>
      <GuideTabs current="/guides/bundles" />
      <Notice done={one(params.done)} error={one(params.error)} />
      <p>
        <a href="/guides/bundles/new">新建一件事</a>
      </p>
      {error && <ApiFailure error={error} />}
      <SimpleList
        label="一件事列表"
        detailTitle="包含事项"
        rows={(data?.items ?? []).map((b) => ({
          ...b,
          key: b.code,
          href: `/guides/bundles/${encodeURIComponent(b.code)}`,
          detail: `${b.matterCodes.length} 个`,
        }))}
      />
    </div>
  );
}
