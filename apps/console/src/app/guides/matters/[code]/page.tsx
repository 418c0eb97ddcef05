import { Alert } from 'antd';
import type { Metadata } from 'next';
import { EDITORS, REVIEWERS, hasAnyRole } from '@govdisc/contracts';
import { ApiFailure, Forbidden } from '../../../../components/forbidden';
import { Notice } from '../../../../components/notice';
import { api } from '../../../../lib/api';
import { csrfToken, requireUser } from '../../../../lib/auth';
import { mayOpen } from '../../../../lib/nav';
import { one, type SearchParams } from '../../../../lib/site';
import { GuideTabs } from '../../_components/guide-tabs';
import { MatterForm } from '../../_components/matter-form';
import { MatterSummary } from '../../_components/matter-summary';
import { StatusAndPublish } from '../../_components/status-and-publish';
import { siteChoices } from '../../_lib/data';
import { NEEDS_UPDATE_ZH } from '../../_lib/labels';

export const metadata: Metadata = { title: '编辑事项' };

/** One service matter: its state, 发布 for a reviewer, and the guide editor for an editor. */
export default async function MatterPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: SearchParams }) {
  const { code } = await params;
  const query = await searchParams;
  const user = await requireUser(`/guides/matters/${code}`);
  if (!mayOpen(user, '/guides')) return <Forbidden />;
  const client = await api();
  const { data: matter, error } = await client.GET('/api/v1/guides/{code}', { params: { path: { code: decodeURIComponent(code) } } });
  if (!matter) return <ApiFailure error={error} />;
  const csrf = await csrfToken();
  return (
    <div className="stack">
      <h1>{matter.name}</h1>
      <GuideTabs current="" />
      <Notice done={one(query.done)} error={one(query.error)} />
      {matter.needsUpdate && (
        <Alert
          type="warning"
          showIcon
          title={`${NEEDS_UPDATE_ZH[matter.needsUpdate.reason]}（${matter.needsUpdate.policyId}）：请核对设定依据并更新本指南。`}
        />
      )}
      <StatusAndPublish kind="matter" id={matter.code} item={matter} csrf={csrf} reviewer={hasAnyRole(user, REVIEWERS)} />
      {hasAnyRole(user, EDITORS) ? (
        <MatterForm matter={matter} csrf={csrf} sites={await siteChoices(client)} />
      ) : (
        <MatterSummary m={matter} />
      )}
    </div>
  );
}
