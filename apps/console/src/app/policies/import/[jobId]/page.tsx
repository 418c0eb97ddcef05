import { Button, Card, Progress, Table } from 'antd';
import type { Metadata } from 'next';
import { EDITORS, REVIEWERS, hasAnyRole } from '@govdisc/contracts';
import { ApiFailure, Forbidden } from '../../../../components/forbidden';
import { Notice } from '../../../../components/notice';
import { TableScroll } from '../../../../components/table-scroll';
import { api } from '../../../../lib/api';
import { csrfToken, requireUser } from '../../../../lib/auth';
import { one, type SearchParams } from '../../../../lib/site';
import { publishImport } from '../../actions';
import { AutoRefresh } from '../../_components/auto-refresh-client';
import { PolicyTabs } from '../../_components/policy-tabs';

export const metadata: Metadata = { title: '导入任务' };

const JOB_STATUS_ZH: Record<string, string> = { RUNNING: '导入中', DONE: '已完成' };
// underlined: a link inside a sentence must not be told by its colour alone (axe link-in-text-block)
const docLink = (id: string) => (
  <a href={`/policies/${id}`} style={{ textDecoration: 'underline' }}>
    {id.slice(0, 8)}
  </a>
);

/** An import job: progress while its chunks arrive (the page refreshes itself), then the report; a reviewer publishes it. */
export default async function ImportJob({ params, searchParams }: { params: Promise<{ jobId: string }>; searchParams: SearchParams }) {
  const { jobId } = await params;
  const query = await searchParams;
  const user = await requireUser(`/policies/import/${jobId}`);
  if (!hasAnyRole(user, [...EDITORS, ...REVIEWERS])) return <Forbidden />;
  const { data: job, error } = await (await api()).GET('/api/v1/policies/import/jobs/{jobId}', { params: { path: { jobId } } });
  if (!job) return <ApiFailure error={error} />;
  const lines = Number(one(query.lines)) || 0;
  const running = job.status === 'RUNNING' && (!lines || job.lastLine < lines);
  const percent = job.status === 'DONE' ? 100 : lines ? Math.min(99, Math.floor((job.lastLine / lines) * 100)) : 0;
  const r = job.report;
  const rows = [
    [
      '完全重复',
      r.exactDuplicates.map((d) => ({
        key: `e${d.line}`,
        line: d.line,
        externalId: d.externalId ?? '—',
        detail: <>与已有文件 {docLink(d.duplicateOf)} 相同</>,
      })),
    ],
    [
      '近似重复',
      r.nearDuplicates.map((d) => ({
        key: `n${d.line}`,
        line: d.line,
        externalId: d.externalId ?? '—',
        detail: (
          <>
            与 {docLink(d.canonicalId)} 相似度 {Math.round(d.similarity * 100)}%
          </>
        ),
      })),
    ],
    ['被拒绝的行', r.rejected.map((d) => ({ key: `r${d.line}`, line: d.line, externalId: d.externalId ?? '—', detail: d.reason }))],
  ] as const;
  return (
    <div className="stack">
      <h1>导入任务</h1>
      <PolicyTabs current="" />
      <Notice done={one(query.done)} error={one(query.error)} />
      <AutoRefresh active={running} />
      <Card title="进度">
        <p role="status" aria-live="polite">
          {JOB_STATUS_ZH[job.status] ?? job.status}：已处理到第 {job.lastLine} 行{lines ? `，共 ${lines} 行` : ''}（来源：{job.source}）
        </p>
        <Progress percent={percent} status={running ? 'active' : 'normal'} aria-label="导入进度" />
      </Card>
      <Card title="导入报告">
        <p>
          新增 {r.imported} 件，更新 {r.updated} 件，未变 {r.unchanged} 件；完全重复 {r.exactDuplicates.length} 行，近似重复{' '}
          {r.nearDuplicates.length} 行，被拒绝 {r.rejected.length} 行。
        </p>
        {rows.map(([label, data]) => (
          <section key={label} aria-label={label}>
            <h2>
              {label}（{data.length}）
            </h2>
            {data.length > 0 && (
              <TableScroll label={`${label}列表`}>
                <Table
                  rowKey="key"
                  pagination={false}
                  size="small"
                  columns={[
                    { title: '行号', dataIndex: 'line', key: 'line' },
                    { title: '来源编号', dataIndex: 'externalId', key: 'externalId' },
                    { title: '说明', dataIndex: 'detail', key: 'detail' },
                  ]}
                  dataSource={[...data]}
                />
              </TableScroll>
            )}
          </section>
        ))}
      </Card>
      {hasAnyRole(user, REVIEWERS) && !running && (
        <Card title="审核发布">
          <p>发布本批次导入的草稿和修改；您本人导入或最后修改的，须由另一位审核人发布。</p>
          <form action={publishImport} aria-label="发布本批次">
            <input type="hidden" name="csrf" value={await csrfToken()} />
            <input type="hidden" name="jobId" value={job.id} />
            <Button type="primary" htmlType="submit">
              发布本批次
            </Button>
          </form>
        </Card>
      )}
    </div>
  );
}
