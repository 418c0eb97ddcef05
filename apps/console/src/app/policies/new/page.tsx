import type { Metadata } from 'next';
import { Forbidden } from '../../../components/forbidden';
import { Notice } from '../../../components/notice';
import { csrfToken, requireUser } from '../../../lib/auth';
import { hasAnyRole, EDITORS } from '@govdisc/contracts';
import { one, type SearchParams } from '../../../lib/site';
import { PolicyForm } from '../_components/policy-form';
import { PolicyTabs } from '../_components/policy-tabs';

export const metadata: Metadata = { title: '新建政策文件' };

/** An editor writes a new draft; a reviewer publishes it (there it shows in the list as 草稿（待审核发布）). */
export default async function NewPolicy({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const user = await requireUser('/policies/new');
  if (!hasAnyRole(user, EDITORS)) return <Forbidden />;
  const externalId = `console-${Date.now().toString(36)}`;
  return (
    <div className="stack">
      <h1>新建政策文件</h1>
      <PolicyTabs current="/policies/new" />
      <Notice done="" error={one(params.error)} />
      <PolicyForm
        csrf={await csrfToken()}
        sourceFixed={false}
        values={{ externalId, title: '', docNumber: '', agency: '', publishDate: '', docType: '', level: '', region: '', body: '' }}
      />
    </div>
  );
}
