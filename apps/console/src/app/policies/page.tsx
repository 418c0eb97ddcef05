import { Button, Table, Tag } from 'antd';
import type { Metadata } from 'next';
import { ApiFailure, Forbidden } from '../../components/forbidden';
import { Notice } from '../../components/notice';
import { TableScroll } from '../../components/table-scroll';
import { api } from '../../lib/api';
import { requireUser } from '../../lib/auth';
import { mayOpen } from '../../lib/nav';
import { one, type SearchParams } from '../../lib/site';
import { PolicyTabs } from './_components/policy-tabs';
import { PENDING_COLOR, POLICY_STATUS_COLOR, POLICY_STATUS_ZH, shortTime } from './_lib/labels';

export const metadata: Metadata = { title: '政策文件' };

const STATUSES = ['DRAFT', 'PUBLISHED', 'AMENDED', 'EXPIRED', 'REPEALED'] as const;
type Status = (typeof STATUSES)[number];
const PAGE_SIZE = 50;

/**
 * Content staff's list of policy documents by state (drafts first: they wait for a reviewer); a published document
 * with an edit waiting for review is marked 待审核修改.
 */
export default async function PolicyList({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const user = await requireUser('/policies');
  if (!mayOpen(user, '/policies')) return <Forbidden />;
  const status: Status = STATUSES.find((s) => s === one(params.status)) ?? 'DRAFT';
  const page = Math.max(1, Math.min(1000, Number(one(params.page)) || 1));
  const { data, error } = await (await api()).GET('/api/v1/policies', { params: { query: { status, page, pageSize: PAGE_SIZE } } });
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  return (
    <div className="stack">
      <h1>政策文件</h1>
      <PolicyTabs current="/policies" />
      <Notice done={one(params.done)} error={one(params.error)} />
      <form method="get" action="/policies" className="filters">
        <div>
          <label htmlFor="status">文件状态</label>
          <select id="status" name="status" defaultValue={status} className="native">
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {POLICY_STATUS_ZH[s]}
              </option>
            ))}
          </select>
        </div>
        <Button htmlType="submit">筛选</Button>
      </form>
      {error && <ApiFailure error={error} />}
      {data && (
        <p>
          共 {data.total} 件，第 {page} / {pages} 页
        </p>
      )}
      <TableScroll label="政策文件列表">
        <Table
          rowKey="key"
          pagination={false}
          locale={{ emptyText: '没有该状态的文件' }}
          columns={[
            { title: '标题', dataIndex: 'title', key: 'title' },
            { title: '发文字号', dataIndex: 'docNumber', key: 'docNumber' },
            { title: '状态', dataIndex: 'status', key: 'status' },
            { title: '版本', dataIndex: 'version', key: 'version' },
            { title: '最后编写', dataIndex: 'editedBy', key: 'editedBy' },
            { title: '发布时间', dataIndex: 'publishedAt', key: 'publishedAt' },
          ]}
          dataSource={(data?.items ?? []).map((d) => ({
            key: d.id,
            title: <a href={`/policies/${d.id}`}>{d.title}</a>,
            docNumber: d.docNumber ?? '—',
            status: (
              <>
                <Tag color={POLICY_STATUS_COLOR[d.status]}>{POLICY_STATUS_ZH[d.status]}</Tag>
                {d.pendingEdit && <Tag color={PENDING_COLOR}>待审核修改</Tag>}
              </>
            ),
            version: d.version,
            editedBy: d.pendingEdit?.editedBy ?? d.editedBy ?? '—',
            publishedAt: shortTime(d.publishedAt),
          }))}
        />
      </TableScroll>
      {pages > 1 && (
        <nav aria-label="翻页" className="filters">
          {page > 1 && <a href={`/policies?status=${status}&page=${page - 1}`}>上一页</a>}
          {page < pages && <a href={`/policies?status=${status}&page=${page + 1}`}>下一页</a>}
        </nav>
      )}
    </div>
  );
}
