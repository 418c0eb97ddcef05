import { Table } from 'antd';
import type { Metadata } from 'next';
import { CONTENT_STAFF, hasAnyRole } from '@govdisc/contracts';
import { ApiFailure, Forbidden } from '../../../components/forbidden';
import { TableScroll } from '../../../components/table-scroll';
import { api } from '../../../lib/api';
import { requireUser } from '../../../lib/auth';
import { mayOpen } from '../../../lib/nav';
import { one, type SearchParams } from '../../../lib/site';

export const metadata: Metadata = { title: '未解答问题' };

const PAGE_SIZE = 50;

/** Questions 一号答 could not answer, grouped by similarity, most asked first; editors turn one into a new pair. */
export default async function Unanswered({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const user = await requireUser('/qa/unanswered');
  if (!mayOpen(user, '/qa/unanswered')) return <Forbidden />;
  const page = Math.max(1, Number(one(params.page)) || 1);
  const { data, error } = await (await api()).GET('/api/v1/qa/unanswered', { params: { query: { page, pageSize: PAGE_SIZE } } });
  const editor = hasAnyRole(user, CONTENT_STAFF);
  return (
    <div className="stack">
      <h1>未解答问题</h1>
      <p>来电和网上提问中一号答没有可靠答复的问题，相似问法已归并，提问最多的在前。</p>
      {error && <ApiFailure error={error} />}
      {data && (
        <>
          <TableScroll label="未解答问题">
            <Table
              rowKey="key"
              pagination={false}
              locale={{ emptyText: '暂无未解答的问题' }}
              columns={[
                { title: '问题', dataIndex: 'sample', key: 'sample' },
                { title: '提问次数', dataIndex: 'count', key: 'count' },
                { title: '其他问法', dataIndex: 'variants', key: 'variants' },
                { title: '最近提问', dataIndex: 'last', key: 'last' },
                ...(editor ? [{ title: '操作', dataIndex: 'make', key: 'make' }] : []),
              ]}
              dataSource={data.items.map((c) => ({
                key: c.id,
                sample: c.sample,
                count: c.count,
                variants: c.variants.filter((v) => v !== c.sample).join('；') || '—',
                last: c.lastAskedAt.slice(0, 16).replace('T', ' '),
                make: (
                  <a href={`/qa/new?question=${encodeURIComponent(c.sample)}`} aria-label={`转为问答：${c.sample}`}>
                    转为问答
                  </a>
                ),
              }))}
            />
          </TableScroll>
          <p>
            共 {data.total} 组。{page > 1 && <a href={`/qa/unanswered?page=${page - 1}`}>上一页</a>}{' '}
            {page * PAGE_SIZE < data.total && <a href={`/qa/unanswered?page=${page + 1}`}>下一页</a>}
          </p>
        </>
      )}
    </div>
  );
}
