import type { Metadata } from 'next';
import { EDITORS, REVIEWERS, hasAnyRole } from '@govdisc/contracts';
import { ApiFailure, Forbidden } from '../../../../components/forbidden';
import { Notice } from '../../../../components/notice';
import { api } from '../../../../lib/api';
import { csrfToken, requireUser } from '../../../../lib/auth';
import { mayOpen } from '../../../../lib/nav';
import { one, type SearchParams } from '../../../../lib/site';
import { GuideTabs } from '../../_components/guide-tabs';
import { SiteForm } from '../../_components/site-form';
import { StatusAndPublish } from '../../_components/status-and-publish';

export const metadata: Metadata = { title: '编辑服务场所' };

/** One service site: state, 发布 for a reviewer, the editor for an editor. */
export default async function SitePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const { id } = await params;
  const query = await searchParams;
  const user = await requireUser(`/guides/sites/${id}`);
  if (!mayOpen(user, '/guides')) return <Forbidden />;
  const { data: site, error } = await (await api()).GET('/api/v1/sites/{id}', { params: { path: { id: decodeURIComponent(id) } } });
  if (!site) return <ApiFailure error={error} />;
  const csrf = await csrfToken();
  return (
    <div className="stack">
      <h1>{site.name}</h1>
      <GuideTabs current="" />
      <Notice done={one(query.done)} error={one(query.error)} />
      <StatusAndPublish kind="site" id={site.id} item={site} csrf={csrf} reviewer={hasAnyRole(user, REVIEWERS)} />
      <p>在此办理的已发布事项：{site.matters.map((m) => m.name).join('、') || '暂无'}</p>
      {hasAnyRole(user, EDITORS) && <SiteForm site={site} csrf={csrf} />}
    </div>
  );
}
