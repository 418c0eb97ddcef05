import { Table, Tag } from 'antd';
import { TableScroll } from '../../../components/table-scroll';
import { GUIDE_STATUS_COLOR, GUIDE_STATUS_ZH, PENDING_COLOR } from '../_lib/labels';

interface Row {
  key: string;
  href: string;
  name: string;
  detail: string;
  status: string;
  pendingEdit?: unknown;
  updatedAt: string;
}

/** A list of bundles or sites with their state (drafts and waiting edits marked). */
export function SimpleList({ label, detailTitle, rows }: { label: string; detailTitle: string; rows: Row[] }) {
  return (
    <TableScroll label={label}>
      <Table
        rowKey="key"
        pagination={false}
        locale={{ emptyText: '暂无' }}
        columns={[
          { title: '名称', dataIndex: 'name', key: 'name' },
          { title: '编码', dataIndex: 'key', key: 'key' },
          { title: detailTitle, dataIndex: 'detail', key: 'detail' },
          { title: '状态', dataIndex: 'status', key: 'status' },
          { title: '更新时间', dataIndex: 'updatedAt', key: 'updatedAt' },
        ]}
        dataSource={rows.map((r) => ({
          key: r.key,
          name: <a href={r.href}>{r.name}</a>,
          detail: r.detail,
          status: (
            <>
              <Tag color={GUIDE_STATUS_COLOR[r.status]}>{GUIDE_STATUS_ZH[r.status] ?? r.status}</Tag>
              {!!r.pendingEdit && <Tag color={PENDING_COLOR}>待审核修改</Tag>}
            </>
          ),
          updatedAt: r.updatedAt.slice(0, 16).replace('T', ' '),
        }))}
      />
    </TableScroll>
  );
}
