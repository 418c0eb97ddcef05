import { Button, Input, Table, Tag } from 'antd';
import type { Metadata } from 'next';
import { TableScroll } from '../../../components/table-scroll';
import { ApiFailure, Forbidden } from '../../../components/forbidden';
import { api } from '../../../lib/api';
import { requireUser } from '../../../lib/auth';
import { mayOpen } from '../../../lib/nav';
import { one, type SearchParams } from '../../../lib/site';

export const metadata: Metadata = { title: '审计日志' };

const PAGE_SIZE = 50;

/** Admin: the staff writes the gateway recorded, newest first, optionally for one account (read-only). */
export default async function AuditLog({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const user = await requireUser('/admin/audit');
  if (!mayOpen(user, '/admin/audit')) return <Forbidden />;
  const actorSub = one(params.actor);
  const page = Math.max(1, Number(one(params.page)) || 1);
  const { data, error } = await (
    await api()
  ).GET('/api/v1/audit-log', { params: { query: { page, pageSize: PAGE_SIZE, ...(actorSub ? { actorSub } : {}) } } });
  const log = data;
  const more = log ? log.page * log.pageSize < log.total : false;
  return (
    <div className="stack">
      <h1>审计日志</h1>
      <form method="get" action="/admin/audit" className="filters">
        <div>
          <label htmlFor="actor">操作账号（标识）</label>
          <Input id="actor" name="actor" defaultValue={actorSub} />
        </div>
        <Button htmlType="submit">查询</Button>
      </form>
      {error && <ApiFailure error={error} />}
      {log && (
        <>
          <p>共 {log.total} 条，仅可查看，不可修改或删除。</p>
          <TableScroll label="审计记录">
            <Table
              rowKey="key"
              pagination={false}
              columns={[
                { title: '时间', dataIndex: 'at', key: 'at' },
                { title: '账号', dataIndex: 'actor', key: 'actor' },
                { title: '角色', dataIndex: 'roles', key: 'roles' },
                { title: '操作', dataIndex: 'route', key: 'route' },
                { title: '结果', dataIndex: 'status', key: 'status' },
                { title: '请求编号', dataIndex: 'requestId', key: 'requestId' },
              ]}
              dataSource={log.items.map((e) => ({
                key: e.id,
                at: e.at.slice(0, 19).replace('T', ' '),
                actor: e.actorSub,
                roles: e.actorRoles.join('、'),
                route: `${e.method} ${e.path}`,
                status: <Tag color={e.status < 400 ? undefined : 'red'}>{e.status}</Tag>,
                requestId: e.requestId,
              }))}
            />
          </TableScroll>
          <p>
            {page > 1 && <a href={`/admin/audit?page=${page - 1}&actor=${encodeURIComponent(actorSub)}`}>上一页</a>}{' '}
            {more && <a href={`/admin/audit?page=${page + 1}&actor=${encodeURIComponent(actorSub)}`}>下一页</a>}
          </p>
        </>
      )}
    </div>
  );
}
