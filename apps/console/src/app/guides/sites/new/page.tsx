import type { Metadata } from 'next';
import { EDITORS, hasAnyRole } from '@govdisc/contracts';
import { Forbidden } from '../../../../components/forbidden';
import { Notice } from '../../../../components/notice';
import { csrfToken, requireUser } from '../../../../lib/auth';
import { one, type SearchParams } from '../../../../lib/site';
import { GuideTabs } from '../../_components/guide-tabs';
import { SiteForm } from '../../_components/site-form';

export const metadata: Metadata = { title: '新建服务场所' };

export default async function NewSite({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const user = await requireUser('/guides/sites/new');
  if (!hasAnyRole(user, EDITORS)) return <Forbidden />;
  return (
    <div className="stack">
      <h1>新建服务场所</h1>
      <GuideTabs current="" />
      <Notice done="" error={one(params.error)} />
      <SiteForm site={null} csrf={await csrfToken()} />
    </div>
  );
}
