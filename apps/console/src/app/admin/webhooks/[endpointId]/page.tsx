import { Button, Card, Descriptions, Table } from 'antd';
import type { Metadata } from 'next';
import { ApiFailure, Forbidden } from '../../../../components/forbidden';
import { Notice } from '../../../../components/notice';
import { TableScroll } from '../../../../components/table-scroll';
import { api } from '../../../../lib/api';
import { csrfToken, requireUser } from '../../../../lib/auth';
import { mayOpen } from '../../../../lib/nav';
import { one, type SearchParams } from '../../../../lib/site';
import { replayDelivery, rotateSecret, setEnabled } from '../actions';
import { DELIVERY_STATUS_ZH, EVENT_ZH } from '../labels';
import { SecretForm } from '../secret-form';

export const metadata: Metadata = { title: '接收端详情' };

const at = (iso: string | null) => (iso ? iso.slice(0, 19).replace('T', ' ') : '—');
const STATUS_CLASS: Record<string, string> = { SUCCEEDED: 'state-ok', PENDING: 'state-warn', DEAD: 'state-bad' };

/** One endpoint: its state, health, the delivery log (dead letters can be sent again), secret rotation, 停用/启用. */
export default async function WebhookEndpoint({
  params,
  searchParams,
}: {
  params: Promise<{ endpointId: string }>;
  searchParams: SearchParams;
}) {
  const { endpointId } = await params;
  const query = await searchParams;
  const user = await requireUser(`/admin/webhooks/${endpointId}`);
  if (!mayOpen(user, '/admin/webhooks')) return <Forbidden />;
  const client = await api();
  const path = { endpointId };
  const status = (['PENDING', 'SUCCEEDED', 'DEAD'] as const).find((s) => s === one(query.status));
  const [endpoint, health, deliveries] = await Promise.all([
    client.GET('/api/v1/webhooks/endpoints/{endpointId}', { params: { path } }),
    client.GET('/api/v1/webhooks/endpoints/{endpointId}/health', { params: { path } }),
    client.GET('/api/v1/webhooks/endpoints/{endpointId}/deliveries', {
      params: { path, query: { page: 1, pageSize: 100, ...(status ? { status } : {}) } },
    }),
  ]);
  const e = endpoint.data;
  if (!e) return <ApiFailure error={endpoint.error} />;
  const h = health.data;
  const csrf = await csrfToken();
  return (
    <div className="stack">
      <h1>接收端 {e.url}</h1>
      <p>
        <a href="/admin/webhooks">返回接收端列表</a>
      </p>
      <Notice done={one(query.done)} error={one(query.error)} />
      <Card title="基本情况">
        <Descriptions
          column={1}
          bordered
          size="small"
          items={[
            { key: 'state', label: '状态', children: e.enabled ? '启用' : `已停用${e.disabledReason ? `（${e.disabledReason}）` : ''}` },
            {
              key: 'events',
              label: '接收的事件',
              children: e.eventTypes.map((t) => EVENT_ZH[t as keyof typeof EVENT_ZH] ?? t).join('、') || '全部事件',
            },
            { key: 'ok', label: '最近一次成功', children: at(h?.lastSuccessAt ?? null) },
            { key: 'failing', label: '连续失败起始', children: at(h?.failingSince ?? null) },
            { key: 'counts', label: '投递统计', children: h ? `成功 ${h.succeeded}，待重试 ${h.pending}，失败 ${h.dead}` : '—' },
            { key: 'rotation', label: '旧密钥有效至', children: at(e.previousSecretExpiresAt) },
          ]}
        />
        <form action={setEnabled} aria-label={e.enabled ? '停用接收端' : '启用接收端'} className="filters" style={{ marginTop: 12 }}>
          <input type="hidden" name="csrf" value={csrf} />
          <input type="hidden" name="endpointId" value={e.id} />
          <input type="hidden" name="enabled" value={String(!e.enabled)} />
          <Button htmlType="submit">{e.enabled ? '停用' : '启用'}</Button>
        </form>
      </Card>
      <Card title="更换签名密钥">
        <SecretForm action={rotateSecret} label="更换签名密钥" submit="更换密钥">
          <input type="hidden" name="csrf" value={csrf} />
          <input type="hidden" name="endpointId" value={e.id} />
          <div className="field">
            <label htmlFor="hours">旧密钥继续有效的小时数（0–168）</label>
            <input id="hours" name="hours" type="number" min={0} max={168} defaultValue={24} className="native" />
          </div>
        </SecretForm>
      </Card>
      <Card title="投递记录">
        <form method="get" action={`/admin/webhooks/${e.id}`} className="filters">
          <div>
            <label htmlFor="status">投递状态</label>
            <select id="status" name="status" className="native" defaultValue={status ?? ''}>
              <option value="">全部</option>
              {Object.entries(DELIVERY_STATUS_ZH).map(([code, zh]) => (
                <option key={code} value={code}>
                  {zh}
                </option>
              ))}
            </select>
          </div>
          <Button htmlType="submit">筛选</Button>
        </form>
        {deliveries.error && <ApiFailure error={deliveries.error} />}
        <TableScroll label="投递记录">
          <Table
            rowKey="key"
            size="small"
            pagination={false}
            locale={{ emptyText: '暂无投递记录' }}
            columns={[
              { title: '时间', dataIndex: 'createdAt', key: 'createdAt' },
              { title: '事件', dataIndex: 'event', key: 'event' },
              { title: '申请编号', dataIndex: 'requestNumber', key: 'requestNumber' },
              { title: '状态', dataIndex: 'status', key: 'status' },
              { title: '尝试次数', dataIndex: 'attempts', key: 'attempts' },
              { title: '最近错误', dataIndex: 'error', key: 'error' },
              { title: '操作', dataIndex: 'replay', key: 'replay' },
            ]}
            dataSource={(deliveries.data?.items ?? []).map((d) => ({
              key: d.id,
              createdAt: at(d.createdAt),
              event: EVENT_ZH[d.eventType as keyof typeof EVENT_ZH] ?? d.eventType,
              requestNumber: d.requestNumber,
              status: <span className={STATUS_CLASS[d.status]}>{DELIVERY_STATUS_ZH[d.status] ?? d.status}</span>,
              attempts: d.attempts,
              error: [d.lastStatusCode, d.lastError].filter((x) => x !== null).join(' ') || '—',
              replay:
                d.status === 'DEAD' ? (
                  <form action={replayDelivery} aria-label={`重新投递 ${d.requestNumber}`}>
                    <input type="hidden" name="csrf" value={csrf} />
                    <input type="hidden" name="endpointId" value={e.id} />
                    <input type="hidden" name="deliveryId" value={d.id} />
                    <Button htmlType="submit" size="small">
                      重新投递
                    </Button>
                  </form>
                ) : (
                  '—'
                ),
            }))}
          />
        </TableScroll>
      </Card>
    </div>
  );
}
