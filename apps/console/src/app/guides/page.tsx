import { Button, Table, Tag } from 'antd';
import type { Metadata } from 'next';
import { ApiFailure, Forbidden } from '../../components/forbidden';
import { Notice } from '../../components/notice';
import { TableScroll } from '../../components/table-scroll';
import { api } from '../../lib/api';
import { requireUser } from '../../lib/auth';
import { mayOpen } from '../../lib/nav';
import { one, type SearchParams } from '../../lib/site';
import { GuideTabs } from './_components/guide-tabs';
import { GUIDE_STATUS_COLOR, GUIDE_STATUS_ZH, NEEDS_UPDATE_ZH, PENDING_COLOR } from './_lib/labels';

export const metadata: Metadata = { title: '办事指南' };

/** Service matters for content staff: drafts, waiting edits and guides flagged because a cited policy changed. */
export default async function GuideList({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const user = await requireUser('/guides');
  if (!mayOpen(user, '/guides')) return <Forbidden />;
  const q = one(params.q);
  const flagged = one(params.needsUpdate) === 'true';
  const { data, error } = await (
    await api()
  ).GET('/api/v1/guides', {
    params: { query: { page: 1, pageSize: 100, ...(q ? { q } : {}), ...(flagged ? { needsUpdate: 'true' } : {}) } },
  });
  return (
    <div className="stack">
      <h1>办事指南</h1>
      <GuideTabs current="/guides" />
      <Notice done={one(params.done)} error={one(params.error)} />
      <p>
        <a href="/guides/matters/new">新建事项</a>
      </p>
      <form method="get" action="/guides" className="filters">
        <div>
          <label htmlFor="q">名称或编码</label>
          <input id="q" name="q" defaultValue={q} className="native" />
        </div>
        <label>
          <input type="checkbox" name="needsUpdate" value="true" defaultChecked={flagged} /> 仅显示依据已变化、待更新的
        </label>
        <Button htmlType="submit">筛选</Button>
      </form>
      {error && <ApiFailure error={error} />}
      <TableScroll label="事项列表">
        <Table
          rowKey="key"
          pagination={false}
          locale={{ emptyText: '没有符合条件的事项' }}
          columns={[
            { title: '事项名称', dataIndex: 'name', key: 'name' },
            { title: '编码', dataIndex: 'code', key: 'code' },
            { title: '实施主体', dataIndex: 'department', key: 'department' },
            { title: '状态', dataIndex: 'status', key: 'status' },
            { title: '更新时间', dataIndex: 'updatedAt', key: 'updatedAt' },
          ]}
          dataSource={(data?.items ?? []).map((m) => ({
            key: m.code,
            name: <a href={`/guides/matters/${encodeURIComponent(m.code)}`}>{m.name}</a>,
            code: m.code,
            department: m.department,
            status: (
              <>
                <Tag color={GUIDE_STATUS_COLOR[m.status]}>{GUIDE_STATUS_ZH[m.status]}</Tag>
                {m.pendingEdit && <Tag color={PENDING_COLOR}>待审核修改</Tag>}
                {m.needsUpdate && <Tag color="#a8071a">{NEEDS_UPDATE_ZH[m.needsUpdate.reason]}</Tag>}
              </>
            ),
            updatedAt: m.updatedAt.slice(0, 16).replace('T', ' '),
          }))}
        />
      </TableScroll>
    </div>
  );
}
