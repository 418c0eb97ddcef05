import type { Metadata } from 'next';
import { EDITORS, hasAnyRole } from '@govdisc/contracts';
import { Forbidden } from '../../../../components/forbidden';
import { Notice } from '../../../../components/notice';
import { api } from '../../../../lib/api';
import { csrfToken, requireUser } from '../../../../lib/auth';
import { one, type SearchParams } from '../../../../lib/site';
import { BundleForm } from '../../_components/bundle-form';
import { GuideTabs } from '../../_components/guide-tabs';
import { matterChoices } from '../../_lib/data';

export const metadata: Metadata = { title: '新建一件事' };

export default async function NewBundle({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const user = await requireUser('/guides/bundles/new');
  if (!hasAnyRole(user, EDITORS)) return <Forbidden />;
  return (
    <div className="stack">
      <h1>新建一件事</h1>
      <GuideTabs current="" />
      <Notice done="" error={one(params.error)} />
      <BundleForm bundle={null} csrf={await csrfToken()} matters={await matterChoices(await api())} />
    </div>
  );
}
