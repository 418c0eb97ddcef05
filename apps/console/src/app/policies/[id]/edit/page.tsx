import { Alert } from 'antd';
import type { Metadata } from 'next';
import { EDITORS, hasAnyRole } from '@govdisc/contracts';
import { ApiFailure, Forbidden } from '../../../../components/forbidden';
import { Notice } from '../../../../components/notice';
import { api } from '../../../../lib/api';
import { csrfToken, requireUser } from '../../../../lib/auth';
import { one, type SearchParams } from '../../../../lib/site';
import { PolicyForm } from '../../_components/policy-form';

export const metadata: Metadata = { title: '修改政策文件' };

/**
 * An editor changes a document: a draft is saved in place; a published one keeps serving and the change waits for a
 * reviewer (the form opens with that waiting edit when there is one).
 */
export default async function EditPolicy({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const { id } = await params;
  const query = await searchParams;
  const user = await requireUser(`/policies/${id}/edit`);
  if (!hasAnyRole(user, EDITORS)) return <Forbidden />;
  const client = await api();
  const { data: doc, error } = await client.GET('/api/v1/policies/{documentId}', { params: { path: { documentId: id } } });
  if (!doc) return <ApiFailure error={error} />;
  const pending = doc.pendingEdit
    ? (await client.GET('/api/v1/policies/{documentId}/versions/{version}', { params: { path: { documentId: id, version: 'pending' } } }))
        .data
    : null;
  return (
    <div className="stack">
      <h1>修改：{doc.title}</h1>
      <p>
        <a href={`/policies/${id}`}>返回文件详情</a>
      </p>
      <Notice done="" error={one(query.error)} />
      {doc.status !== 'DRAFT' && (
        <Alert type="info" showIcon title="该文件已公开：保存后原文继续对外显示，修改须由另一位审核人发布后生效。" />
      )}
      {doc.externalId ? (
        <PolicyForm
          csrf={await csrfToken()}
          sourceFixed
          values={{
            id,
            externalId: doc.externalId,
            title: pending?.title ?? doc.title,
            body: pending?.body ?? doc.body,
            docNumber: doc.docNumber ?? '',
            agency: doc.agency ?? '',
            publishDate: doc.publishDate ?? '',
            docType: doc.docType ?? '',
            level: doc.level ?? '',
            region: doc.region ?? '',
          }}
        />
      ) : (
        <Alert type="warning" showIcon title="该文件没有来源编号，不能在线修改；请通过批量导入按来源编号更新。" />
      )}
    </div>
  );
}
