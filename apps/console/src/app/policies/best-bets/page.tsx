import { Button, Card, Checkbox, Input, Table } from 'antd';
import type { Metadata } from 'next';
import { EDITORS, hasAnyRole } from '@govdisc/contracts';
import { ApiFailure, Forbidden } from '../../../components/forbidden';
import { Notice } from '../../../components/notice';
import { TableScroll } from '../../../components/table-scroll';
import { api } from '../../../lib/api';
import { csrfToken, requireUser } from '../../../lib/auth';
import { one, type SearchParams } from '../../../lib/site';
import { deleteBestBet, saveBestBet } from '../actions';
import { PolicyTabs } from '../_components/policy-tabs';
import { shortTime } from '../_lib/labels';

export const metadata: Metadata = { title: '搜索置顶' };

/**
 * Best bets: documents an editor pins for a query (searches with the same normalised words show them first). To pin,
 * find documents by words, tick up to five in display order; 修改 opens a bet with its documents ticked.
 */
export default async function BestBets({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const user = await requireUser('/policies/best-bets');
  if (!hasAnyRole(user, EDITORS)) return <Forbidden />;
  const client = await api();
  const { data, error } = await client.GET('/api/v1/policies/best-bets', { params: { query: { page: 1, pageSize: 100 } } });
  const editing = data?.items.find((b) => b.id === one(params.edit));
  const find = one(params.find);
  const found = find
    ? ((await client.GET('/api/v1/policies/search', { params: { query: { q: find, pageSize: 10 } } })).data?.items ?? [])
    : [];
  const pinnedIds = [...new Set((data?.items ?? []).flatMap((b) => b.documentIds))];
  const titles = new Map<string, string>(found.map((f) => [f.id, f.title]));
  await Promise.all(
    pinnedIds
      .filter((pid) => !titles.has(pid))
      .map(async (documentId) => {
        const doc = await client.GET('/api/v1/policies/{documentId}', { params: { path: { documentId } } });
        titles.set(documentId, doc.data?.title ?? `（已不存在）${documentId}`);
      }),
  );
  const candidates = [...new Set([...(editing?.documentIds ?? []), ...found.map((f) => f.id)])];
  const csrf = await csrfToken();
  return (
    <div className="stack">
      <h1>搜索置顶</h1>
      <PolicyTabs current="/policies/best-bets" />
      <Notice done={one(params.done)} error={one(params.error)} />
      {error && <ApiFailure error={error} />}
      <Card title={editing ? `修改置顶：${editing.query}` : '新建置顶'}>
        <form method="get" action="/policies/best-bets" className="filters">
          {editing && <input type="hidden" name="edit" value={editing.id} />}
          <div>
            <label htmlFor="find">查找要置顶的文件</label>
            <Input id="find" name="find" defaultValue={find} />
          </div>
          <Button htmlType="submit">查找</Button>
        </form>
        <form action={saveBestBet} aria-label="保存置顶">
          <input type="hidden" name="csrf" value={csrf} />
          {editing && <input type="hidden" name="id" value={editing.id} />}
          <div className="field">
            <label htmlFor="query">查询词</label>
            <Input id="query" name="query" defaultValue={editing?.query ?? one(params.query)} required maxLength={100} />
          </div>
          <fieldset className="field">
            <legend>置顶文件（最多 5 个，按勾选顺序显示）</legend>
            {candidates.length === 0 && <p>请先查找文件。</p>}
            {candidates.map((cid) => (
              <div key={cid}>
                <Checkbox name="documentIds" value={cid} defaultChecked={editing?.documentIds.includes(cid)}>
                  {titles.get(cid) ?? cid}
                </Checkbox>
              </div>
            ))}
          </fieldset>
          <Button type="primary" htmlType="submit">
            保存置顶
          </Button>
        </form>
      </Card>
      <TableScroll label="置顶列表">
        <Table
          rowKey="key"
          pagination={false}
          locale={{ emptyText: '暂无置顶' }}
          columns={[
            { title: '查询词', dataIndex: 'query', key: 'query' },
            { title: '置顶文件', dataIndex: 'docs', key: 'docs' },
            { title: '修改人', dataIndex: 'updatedBy', key: 'updatedBy' },
            { title: '修改时间', dataIndex: 'updatedAt', key: 'updatedAt' },
            { title: '操作', dataIndex: 'actions', key: 'actions' },
          ]}
          dataSource={(data?.items ?? []).map((b) => ({
            key: b.id,
            query: b.query,
            docs: (
              <ol>
                {b.documentIds.map((d) => (
                  <li key={d}>
                    <a href={`/policies/${d}`}>{titles.get(d)}</a>
                  </li>
                ))}
              </ol>
            ),
            updatedBy: b.updatedBy,
            updatedAt: shortTime(b.updatedAt),
            actions: (
              <div className="filters">
                <a href={`/policies/best-bets?edit=${b.id}`} aria-label={`修改置顶：${b.query}`}>
                  修改
                </a>
                <form action={deleteBestBet}>
                  <input type="hidden" name="csrf" value={csrf} />
                  <input type="hidden" name="id" value={b.id} />
                  <Button htmlType="submit" size="small" aria-label={`删除置顶：${b.query}`}>
                    删除
                  </Button>
                </form>
              </div>
            ),
          }))}
        />
      </TableScroll>
    </div>
  );
}
