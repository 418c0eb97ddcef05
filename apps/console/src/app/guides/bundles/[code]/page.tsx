import type { Metadata } from 'next';
import { EDITORS, REVIEWERS, hasAnyRole } from '@govdisc/contracts';
import { ApiFailure, Forbidden } from '../../../../components/forbidden';
import { Notice } from '../../../../components/notice';
import { api } from '../../../../lib/api';
import { csrfToken, requireUser } from '../../../../lib/auth';
import { mayOpen } from '../../../../lib/nav';
import { one, type SearchParams } from '../../../../lib/site';
import { BundleForm } from '../../_components/bundle-form';
import { GuideTabs } from '../../_components/guide-tabs';
import { StatusAndPublish } from '../../_components/status-and-publish';
import { matterChoices } from '../../_lib/data';

export const metadata: Metadata = { title: '编辑一件事' };

/** One 一件事 bundle: state, 发布 for a reviewer, the editor for an editor, the merged materials for everyone. */
export default async function BundlePage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: SearchParams }) {
  const { code } = await params;
  const query = await searchParams;
  const user = await requireUser(`/guides/bundles/${code}`);
  if (!mayOpen(user, '/guides')) return <Forbidden />;
  const client = await api();
  const { data: bundle, error } = await client.GET('/api/v1/bundles/{code}', { params: { path: { code: decodeURIComponent(code) } } });
  if (!bundle) return <ApiFailure error={error} />;
  const csrf = await csrfToken();
  return (
    <div className="stack">
      <h1>{bundle.name}</h1>
      <GuideTabs current="" />
      <Notice done={one(query.done)} error={one(query.error)} />
      <StatusAndPublish kind="bundle" id={bundle.code} item={bundle} csrf={csrf} reviewer={hasAnyRole(user, REVIEWERS)} />
      <p>
        合并后的申请材料 {bundle.materials.length} 项，承诺办结共 {bundle.totalPromisedDays} 个工作日。
      </p>
      {hasAnyRole(user, EDITORS) && <BundleForm bundle={bundle} csrf={csrf} matters={await matterChoices(client)} />}
    </div>
  );
}
