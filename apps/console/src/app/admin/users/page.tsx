import { Alert, Button, Input } from 'antd';
import type { Metadata } from 'next';
import { TableScroll } from '../../../components/table-scroll';
import { ApiFailure, Forbidden } from '../../../components/forbidden';
import { api } from '../../../lib/api';
import { requireUser } from '../../../lib/auth';
import { mayOpen } from '../../../lib/nav';
import { roleLabel } from '../../../lib/roles';
import { one, type SearchParams } from '../../../lib/site';
import { type UserRow, UsersTable } from './users-table-client';

export const metadata: Metadata = { title: '用户与角色' };

const PAGE_SIZE = 10;

/** Admin: users and their realm roles as the identity provider reports them (read-only: roles are changed there). */
export default async function UsersAndRoles({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const user = await requireUser('/admin/users');
  if (!mayOpen(user, '/admin/users')) return <Forbidden />;
  const q = one(params.q).slice(0, 100);
  const page = Math.min(10_000, Math.max(1, Number(one(params.page)) || 1));
  const { data, error } = await (
    await api()
  ).GET('/api/v1/admin/users', { params: { query: { page, pageSize: PAGE_SIZE, ...(q ? { q } : {}) } } });
  const rows: UserRow[] =
    data?.items.map((u) => ({
      username: u.username,
      name: u.name ?? '—',
      department: u.department ?? '—',
      roles: u.roles.map(roleLabel),
    })) ?? [];
  return (
    <div className="stack">
      <h1>用户与角色</h1>
      {data && <ProviderNote adminConsoleUrl={data.provider.adminConsoleUrl} />}
      <form method="get" action="/admin/users" className="filters" role="search" aria-label="查找用户">
        <div>
          <label htmlFor="q">用户名或姓名</label>
          <Input id="q" name="q" defaultValue={q} maxLength={100} />
        </div>
        <Button htmlType="submit">查询</Button>
      </form>
      {error && <ApiFailure error={error} />}
      {data && (
        <TableScroll label="用户列表">
          <UsersTable rows={rows} total={data.total} page={data.page} pageSize={data.pageSize} q={q} />
        </TableScroll>
      )}
    </div>
  );
}

function ProviderNote({ adminConsoleUrl }: { adminConsoleUrl: string | null }) {
  return (
    <Alert
      type="info"
      showIcon
      title="角色在身份认证系统中管理，此处只读，不能修改。"
      description={
        adminConsoleUrl ? (
          <>
            请在{' '}
            <a href={adminConsoleUrl} target="_blank" rel="noopener noreferrer">
              Keycloak 管理控制台（新窗口打开）
            </a>{' '}
            中为用户分配或撤销角色，变更在用户下次登录后生效。
          </>
        ) : (
          '当前使用网关内置的演示身份认证：用户与角色来自 realm 文件（infra/keycloak/realm-govdisc.json），修改后重启网关生效。'
        )
      }
    />
  );
}
