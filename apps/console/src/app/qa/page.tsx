import { Table, Tag } from 'antd';
import type { Metadata } from 'next';
import { TableScroll } from '../../components/table-scroll';
import { ApiFailure, Forbidden } from '../../components/forbidden';
import { Notice } from '../../components/notice';
import { api } from '../../lib/api';
import { requireUser } from '../../lib/auth';
import { mayOpen } from '../../lib/nav';
import { one, type SearchParams } from '../../lib/site';

export const metadata: Metadata = { title: '问答编辑' };

const QA_STATUS_ZH: Record<string, string> = {
  DRAFT: '草稿',
  IN_REVIEW: '待审核',
  PUBLISHED: '已发布',
  NEEDS_UPDATE: '依据已变化，待更新',
  RETIRED: '已下线',
};

/** The editor's desk: drafts, pairs waiting for review and pairs whose cited policy changed; a new pair. */
export default async function QaDesk({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const user = await requireUser('/qa');
  if (!mayOpen(user, '/qa')) return <Forbidden />;
  const client = await api();
  // 引用待核对: pairs (any status) without a citation confirmed in its clause, for an editor to cite or check
  const unverifiedOnly = one(params.citation) === 'UNVERIFIED';
  const lists = unverifiedOnly
    ? [await client.GET('/api/v1/qa/pairs', { params: { query: { citation: 'UNVERIFIED', page: 1, pageSize: 50 } } })]
    : await Promise.all(
        (['DRAFT', 'IN_REVIEW', 'NEEDS_UPDATE'] as const).map((status) =>
          client.GET('/api/v1/qa/pairs', { params: { query: { status, page: 1, pageSize: 50 } } }),
        ),
      );
  const failed = lists.find((l) => l.error)?.error;
  const rows = lists.flatMap((l) => l.data?.items ?? []);
  return (
    <div className="stack">
      <h1>问答编辑</h1>
      <Notice done={one(params.done)} error={one(params.error)} />
      <p>
        <a href="/qa/new">新建问答（选择政策条款作为依据）</a>
        {' · '}
        <a href="/qa/extract">从政策文件提取问答</a>
        {' · '}
        <a href="/qa/unanswered">未解答问题</a>
        {' · '}
        {unverifiedOnly ? <a href="/qa">待处理的问答</a> : <a href="/qa?citation=UNVERIFIED">引用待核对的问答</a>}
      </p>
      {unverifiedOnly && <p>以下问答没有经原文核对的条款引用：请补充或核对依据条款。</p>}
      {failed && <ApiFailure error={failed} />}
      <TableScroll label="问答列表">
        <Table
          rowKey="key"
          pagination={false}
          locale={{ emptyText: unverifiedOnly ? '没有引用待核对的问答' : '暂无待处理的问答' }}
          columns={[
            { title: '标准问法', dataIndex: 'question', key: 'question' },
            { title: '状态', dataIndex: 'status', key: 'status' },
            { title: '依据', dataIndex: 'citations', key: 'citations' },
            { title: '更新时间', dataIndex: 'updatedAt', key: 'updatedAt' },
            { title: '操作', dataIndex: 'edit', key: 'edit' },
          ]}
          dataSource={rows.map((p) => ({
            key: p.id,
            question: p.question,
            status: <Tag color={p.status === 'NEEDS_UPDATE' ? 'red' : undefined}>{QA_STATUS_ZH[p.status] ?? p.status}</Tag>,
            citations: (
              <>
                {p.citations.map((c) => `${c.anchorLabel ?? '引文'}${c.state === 'STALE' ? '（政策已变化）' : ''}`).join('、') || '—'}
                {!p.citationVerified && <Tag className="state-warn">引用待核对</Tag>}
              </>
            ),
            updatedAt: p.updatedAt.slice(0, 16).replace('T', ' '),
            // drafts and flagged pairs are fixed in place; one in review waits for its reviewer
            edit:
              p.status === 'IN_REVIEW' ? (
                '—'
              ) : (
                <a href={`/qa/${p.id}/edit`} aria-label={`修改：${p.question}`}>
                  {p.status === 'NEEDS_UPDATE' ? '按现行政策修改' : '修改'}
                </a>
              ),
          }))}
        />
      </TableScroll>
    </div>
  );
}
