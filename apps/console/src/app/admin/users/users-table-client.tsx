'use client';
import { Table, Tag } from 'antd';
import { useRouter } from 'next/navigation';

export interface UserRow {
  username: string;
  name: string;
  department: string;
  /** Chinese labels, in the vocabulary's order */
  roles: string[];
}

/** The users of one page; the pager asks the server page for another (search kept). */
export function UsersTable({
  rows,
  total,
  page,
  pageSize,
  q,
}: {
  rows: UserRow[];
  total: number;
  page: number;
  pageSize: number;
  q: string;
}) {
  const router = useRouter();
  const hrefOf = (p: number) => `/admin/users?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) }).toString()}`;
  return (
    <Table<UserRow>
      rowKey="username"
      dataSource={rows}
      locale={{ emptyText: '没有符合条件的用户' }}
      columns={[
        { title: '用户名', dataIndex: 'username', key: 'username' },
        { title: '姓名', dataIndex: 'name', key: 'name' },
        { title: '部门', dataIndex: 'department', key: 'department' },
        {
          title: '角色',
          dataIndex: 'roles',
          key: 'roles',
          render: (roles: string[]) => (roles.length ? roles.map((r) => <Tag key={r}>{r}</Tag>) : '无平台角色'),
        },
      ]}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: false,
        showTotal: (t) => `共 ${t} 人`,
        onChange: (p) => router.push(hrefOf(p)),
      }}
    />
  );
}
