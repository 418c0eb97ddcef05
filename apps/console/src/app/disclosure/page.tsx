import { Button, Table, Tag } from 'antd';
import type { Metadata } from 'next';
import { TableScroll } from '../../components/table-scroll';
import { DISCLOSURE_DEPARTMENTS, DISCLOSURE_STATUS_ZH, DisclosureStatus } from '@govdisc/contracts';
import { ApiFailure, Forbidden } from '../../components/forbidden';
import { api } from '../../lib/api';
import { requireUser } from '../../lib/auth';
import { byTimeLeft, timeLeftZh, urgencyOf } from '../../lib/disclosure';
import { mayOpen } from '../../lib/nav';
import { one, type SearchParams } from '../../lib/site';

export const metadata: Metadata = { title: '依申请公开' };

const departmentName = (code: string | null) => DISCLOSURE_DEPARTMENTS.find((d) => d.code === code)?.name ?? code ?? '未分办';
const URGENCY_TAG = { overdue: ['red', '已超期'], 'due-soon': ['orange', '即将到期'], paused: ['default', '暂停'], normal: null } as const;

/** The request queue: least working days left first, filtered by department and state. */
export default async function DisclosureQueue({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const user = await requireUser('/disclosure');
  if (!mayOpen(user, '/disclosure')) return <Forbidden />;
  const status = DisclosureStatus.safeParse(one(params.status)).data;
  const department = one(params.department);
  const { data, error } = await (
    await api()
  ).GET('/api/v1/disclosure-requests', { params: { query: { page: 1, pageSize: 100, ...(status ? { status } : {}) } } });
  const rows = byTimeLeft((data?.items ?? []).filter((r) => !department || r.department === department));
  return (
    <div className="stack">
      <h1>依申请公开办理</h1>
      <form method="get" action="/disclosure" className="filters">
        <div>
          <label htmlFor="department">承办部门</label>
          <select id="department" name="department" defaultValue={department} className="native">
            <option value="">全部部门</option>
            {DISCLOSURE_DEPARTMENTS.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="status">办理状态</label>
          <select id="status" name="status" defaultValue={status ?? ''} className="native">
            <option value="">全部状态</option>
            {DisclosureStatus.options.map((s) => (
              <option key={s} value={s}>
                {DISCLOSURE_STATUS_ZH[s]}
              </option>
            ))}
          </select>
        </div>
        <Button htmlType="submit">筛选</Button>
      </form>
      {error && <ApiFailure error={error} />}
      <TableScroll label="申请列表">
        <Table
          rowKey="key"
          pagination={false}
          locale={{ emptyText: '没有符合条件的申请' }}
          columns={[
            { title: '申请编号', dataIndex: 'number', key: 'number' },
            { title: '剩余时限', dataIndex: 'left', key: 'left' },
            { title: '状态', dataIndex: 'status', key: 'status' },
            { title: '承办部门', dataIndex: 'department', key: 'department' },
            { title: '申请人', dataIndex: 'applicant', key: 'applicant' },
            { title: '所需信息', dataIndex: 'description', key: 'description' },
          ]}
          dataSource={rows.map((r) => {
            const urgency = urgencyOf(r);
            const tag = URGENCY_TAG[urgency];
            return {
              key: r.requestNumber,
              number: <a href={`/disclosure/${encodeURIComponent(r.requestNumber)}`}>{r.requestNumber}</a>,
              left: (
                <span
                  className={urgency === 'overdue' ? 'row-overdue' : urgency === 'due-soon' ? 'row-due-soon' : undefined}
                  data-urgency={urgency}
                >
                  {tag && <Tag color={tag[0]}>{tag[1]}</Tag>}
                  {timeLeftZh(r)}
                  {r.dueDate ? `（${r.dueDate}${r.dueProvisional ? '，暂定' : ''}）` : ''}
                </span>
              ),
              status: DISCLOSURE_STATUS_ZH[r.status],
              department: departmentName(r.department),
              applicant: r.applicantName,
              description: r.description.length > 40 ? `${r.description.slice(0, 40)}…` : r.description,
            };
          })}
        />
      </TableScroll>
    </div>
  );
}
