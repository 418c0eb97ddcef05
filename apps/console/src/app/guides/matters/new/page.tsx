import type { Metadata } from 'next';
import { EDITORS, hasAnyRole } from '@govdisc/contracts';
import { Forbidden } from '../../../../components/forbidden';
import { Notice } from '../../../../components/notice';
import { api } from '../../../../lib/api';
import { csrfToken, requireUser } from '../../../../lib/auth';
import { one, type SearchParams } from '../../../../lib/site';
import { GuideTabs } from '../../_components/guide-tabs';
import { MatterForm } from '../../_components/matter-form';
import { siteChoices } from '../../_lib/data';

export const metadata: Metadata = { title: '新建事项' };

/** An editor writes a new service matter: it is a draft until a reviewer publishes it. */
export default async function NewMatter({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const user = await requireUser('/guides/matters/new');
  if (!hasAnyRole(user, EDITORS)) return <Forbidden />;
  return (
    <div className="stack">
      <h1>新建事项</h1>
      <GuideTabs current="" />
      <Notice done="" error={one(params.error)} />
      <MatterForm matter={null} csrf={await csrfToken()} sites={await siteChoices(await api())} />
    </div>
  );
}
