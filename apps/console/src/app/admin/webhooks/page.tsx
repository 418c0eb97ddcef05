import { Card, Input, Table } from 'antd';
import type { Metadata } from 'next';
import { ADMINS, DEPARTMENT_EVENT_TYPES, DISCLOSURE_DEPARTMENTS, hasAnyRole } from '@govdisc/contracts';
import { ApiFailure, Forbidden } from '../../../components/forbidden';
import { TableScroll } from '../../../components/table-scroll';
import { api } from '../../../lib/api';
import { csrfToken, requireUser } from '../../../lib/auth';
import { mayOpen } from '../../../lib/nav';
import { registerEndpoint } from './actions';
import { EVENT_ZH } from './labels';
import { SecretForm } from './secret-form';

export const metadata: Metadata = { title: '部门接收端' };

const departmentName = (code: string) => DISCLOSURE_DEPARTMENTS.find((d) => d.code === code)?.name ?? code;

/** Webhook endpoints of department systems: the list, and registering a new one (its secret shown once). */
export default async function Webhooks() {
  const user = await requireUser('/admin/webhooks');
  if (!mayOpen(user, '/admin/webhooks')) return <Forbidden />;
  const admin = hasAnyRole(user, ADMINS);
  const { data, error } = await (await api()).GET('/api/v1/webhooks/endpoints', { params: { query: { page: 1, pageSize: 100 } } });
  return (
    <div className="stack">
      <h1>部门接收端（Webhook）</h1>
      <p>部门系统在此登记接收地址，平台按办理进度推送不含申请人个人信息的事件，并以签名密钥签名。</p>
      {error && <ApiFailure error={error} />}
      {data && (
        <TableScroll label="接收端列表">
          <Table
            rowKey="key"
            pagination={false}
            locale={{ emptyText: '尚未登记接收端' }}
            columns={[
              { title: '接收地址', dataIndex: 'url', key: 'url' },
              { title: '部门', dataIndex: 'department', key: 'department' },
              { title: '说明', dataIndex: 'description', key: 'description' },
              { title: '事件', dataIndex: 'events', key: 'events' },
              { title: '状态', dataIndex: 'enabled', key: 'enabled' },
            ]}
            dataSource={data.items.map((e) => ({
              key: e.id,
              url: <a href={`/admin/webhooks/${e.id}`}>{e.url}</a>,
              department: departmentName(e.department),
              description: e.description || '—',
              events: e.eventTypes.length ? e.eventTypes.map((t) => EVENT_ZH[t as keyof typeof EVENT_ZH] ?? t).join('、') : '全部事件',
              enabled: e.enabled ? (
                <span className="state-ok">启用</span>
              ) : (
                <span className="state-bad">已停用{e.disabledReason ? `：${e.disabledReason}` : ''}</span>
              ),
            }))}
          />
        </TableScroll>
      )}
      <Card title="登记接收端">
        <SecretForm action={registerEndpoint} label="登记接收端" submit="登记">
          <input type="hidden" name="csrf" value={await csrfToken()} />
          {admin && (
            <div className="field">
              <label htmlFor="wh-department">部门</label>
              <select id="wh-department" name="department" className="native" required>
                {DISCLOSURE_DEPARTMENTS.map((d) => (
                  <option key={d.code} value={d.code}>
                    {d.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor="wh-url">接收地址（http 或 https）</label>
            <Input id="wh-url" name="url" type="url" required placeholder="https://oa.example.gov.cn/govdisc/events" />
          </div>
          <div className="field">
            <label htmlFor="wh-description">说明（可选）</label>
            <Input id="wh-description" name="description" maxLength={500} />
          </div>
          <fieldset className="checks">
            <legend>接收的事件（不选则接收全部）</legend>
            {DEPARTMENT_EVENT_TYPES.map((t) => (
              <label key={t}>
                <input type="checkbox" name="eventTypes" value={t} /> {EVENT_ZH[t]}
              </label>
            ))}
          </fieldset>
        </SecretForm>
      </Card>
    </div>
  );
}
