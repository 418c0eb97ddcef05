import { Alert, Button, Card, Descriptions, Table, Tag } from 'antd';
import type { Metadata } from 'next';
import { EDITORS, REVIEWERS, hasAnyRole } from '@govdisc/contracts';
import { ApiFailure, Forbidden } from '../../../components/forbidden';
import { Notice } from '../../../components/notice';
import { TableScroll } from '../../../components/table-scroll';
import { api } from '../../../lib/api';
import { csrfToken, requireUser } from '../../../lib/auth';
import { mayOpen } from '../../../lib/nav';
import { one, type SearchParams } from '../../../lib/site';
import { publishPolicy } from '../actions';
import { DiffView } from '../_components/diff-view';
import { ValidityForms } from '../_components/validity-forms';
import { PENDING_COLOR, POLICY_STATUS_COLOR, POLICY_STATUS_ZH, shortTime } from '../_lib/labels';

export const metadata: Metadata = { title: '政策文件详情' };

type Client = Awaited<ReturnType<typeof api>>;
const versionLabel = (v: string) => (v === 'pending' ? '待审核修改' : `第 ${v} 版`);

/** Two versions' texts for the comparison (`pending` = the edit waiting for review). */
async function compared(client: Client, documentId: string, from: string, to: string) {
  const get = (version: string) =>
    client.GET('/api/v1/policies/{documentId}/versions/{version}', {
      params: { path: { documentId, version: version === 'pending' ? version : Number(version) } },
    });
  const [a, b] = await Promise.all([get(from), get(to)]);
  if (!a.data || !b.data) return { error: a.error ?? b.error };
  return {
    before: { label: versionLabel(from), title: a.data.title, body: a.data.body },
    after: { label: versionLabel(to), title: b.data.title, body: b.data.body },
  };
}

/**
 * One document for content staff: its state and authorship, 发布 for a reviewer (the author is refused: four eyes),
 * 修改 for an editor, validity changes for a published one, and its versions compared.
 */
export default async function PolicyDetail({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const { id } = await params;
  const query = await searchParams;
  const user = await requireUser(`/policies/${id}`);
  if (!mayOpen(user, '/policies')) return <Forbidden />;
  const client = await api();
  const { data: doc, error } = await client.GET('/api/v1/policies/{documentId}/detail', { params: { path: { documentId: id } } });
  if (!doc) return <ApiFailure error={error} />;
  const reviewer = hasAnyRole(user, REVIEWERS);
  const versions = doc.versions.map((v) => String(v.version));
  const choices = [...versions, ...(doc.pendingEdit ? ['pending'] : [])];
  const to = choices.includes(one(query.to)) ? one(query.to) : (choices.at(-1) ?? '');
  const from = choices.includes(one(query.from)) ? one(query.from) : (choices.at(-2) ?? '');
  const comparison = from && to && from !== to ? await compared(client, id, from, to) : null;
  const others =
    reviewer && doc.status === 'PUBLISHED'
      ? ((await client.GET('/api/v1/policies', { params: { query: { status: 'PUBLISHED', page: 1, pageSize: 100 } } })).data?.items ?? [])
          .filter((d) => d.id !== id)
          .map((d) => ({ id: d.id, title: d.title }))
      : [];
  const csrf = await csrfToken();
  const publishable = doc.status === 'DRAFT' || !!doc.pendingEdit;
  return (
    <div className="stack">
      <p>
        <a href="/policies">返回政策文件列表</a>
      </p>
      <h1>{doc.title}</h1>
      <Notice done={one(query.done)} error={one(query.error)} />
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'status',
            label: '状态',
            children: (
              <>
                <Tag color={POLICY_STATUS_COLOR[doc.status]}>{POLICY_STATUS_ZH[doc.status] ?? doc.status}</Tag>
                {doc.pendingEdit && <Tag color={PENDING_COLOR}>待审核修改</Tag>}
              </>
            ),
          },
          { key: 'validity', label: '效力', children: doc.validity },
          { key: 'docNumber', label: '发文字号', children: doc.docNumber ?? '—' },
          { key: 'agency', label: '发文机关', children: doc.agencies.join('、') || '—' },
          { key: 'externalId', label: '来源编号', children: doc.externalId ?? '—' },
          { key: 'version', label: '版本', children: `第 ${doc.version} 版` },
          { key: 'editedBy', label: '编写人', children: doc.editedBy ?? '—' },
          { key: 'publishedBy', label: '发布人', children: doc.publishedBy ?? '—' },
        ]}
      />
      {doc.pendingEdit && (
        <Alert
          type="warning"
          showIcon
          title={`待审核修改：《${doc.pendingEdit.title}》，由 ${doc.pendingEdit.editedBy} 于 ${shortTime(doc.pendingEdit.editedAt)} 提交；发布前公众仍看到当前版本。`}
        />
      )}
      <Card title="审核与发布">
        <div className="filters">
          {hasAnyRole(user, EDITORS) && <a href={`/policies/${id}/edit`}>{doc.status === 'DRAFT' ? '修改草稿' : '修改（发布后生效）'}</a>}
          {reviewer && publishable && (
            <form action={publishPolicy} aria-label="发布">
              <input type="hidden" name="csrf" value={csrf} />
              <input type="hidden" name="id" value={id} />
              <Button type="primary" htmlType="submit">
                {doc.status === 'DRAFT' ? '发布' : '发布修改'}
              </Button>
            </form>
          )}
        </div>
        <p>四眼原则：编写或最后修改某一版本的人不能发布该版本，须由另一位审核人发布。</p>
        {!publishable && <p>当前没有待发布的草稿或修改。</p>}
      </Card>
      {reviewer && doc.status === 'PUBLISHED' && (
        <Card title="效力变更">
          <ValidityForms id={id} csrf={csrf} others={others} />
        </Card>
      )}
      <Card title="版本">
        <TableScroll label="版本列表">
          <Table
            rowKey="key"
            pagination={false}
            columns={[
              { title: '版本', dataIndex: 'version', key: 'version' },
              { title: '标题', dataIndex: 'title', key: 'title' },
              { title: '效力', dataIndex: 'validity', key: 'validity' },
              { title: '编写人', dataIndex: 'editedBy', key: 'editedBy' },
              { title: '保存时间', dataIndex: 'createdAt', key: 'createdAt' },
            ]}
            dataSource={[
              ...doc.versions.map((v) => ({
                key: String(v.version),
                version: `第 ${v.version} 版`,
                title: v.title,
                validity: v.validity,
                editedBy: v.editedBy ?? '—',
                createdAt: shortTime(v.createdAt),
              })),
              ...(doc.pendingEdit
                ? [
                    {
                      key: 'pending',
                      version: '待审核修改',
                      title: doc.pendingEdit.title,
                      validity: '—',
                      editedBy: doc.pendingEdit.editedBy,
                      createdAt: shortTime(doc.pendingEdit.editedAt),
                    },
                  ]
                : []),
            ]}
          />
        </TableScroll>
        {choices.length > 1 && (
          <form method="get" action={`/policies/${id}`} className="filters" aria-label="比较版本">
            {(
              [
                ['from', '原版本', from],
                ['to', '新版本', to],
              ] as const
            ).map(([name, label, value]) => (
              <div key={name}>
                <label htmlFor={`v-${name}`}>{label}</label>
                <select id={`v-${name}`} name={name} defaultValue={value} className="native">
                  {choices.map((c) => (
                    <option key={c} value={c}>
                      {versionLabel(c)}
                    </option>
                  ))}
                </select>
              </div>
            ))}
            <Button htmlType="submit">比较</Button>
          </form>
        )}
        {comparison && ('error' in comparison ? <ApiFailure error={comparison.error} /> : <DiffView {...comparison} />)}
      </Card>
    </div>
  );
}
