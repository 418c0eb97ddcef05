import { Alert, Button, Input, Table } from 'antd';
import type { Metadata } from 'next';
import { ApiFailure, Forbidden } from '../../../components/forbidden';
import { TableScroll } from '../../../components/table-scroll';
import { api } from '../../../lib/api';
import { requireUser } from '../../../lib/auth';
import { mayOpen } from '../../../lib/nav';
import { reportQuery } from '../../../lib/report';
import type { SearchParams } from '../../../lib/site';

export const metadata: Metadata = { title: '年度报告表三' };

/** 政府信息公开工作年度报告 Table 3 (收到和处理政府信息公开申请情况), counted by the service, with its CSV. */
export default async function Table3Page({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const user = await requireUser('/disclosure/report');
  if (!mayOpen(user, '/disclosure/report')) return <Forbidden />;
  const { year, agency } = reportQuery(params);
  const { data: report, error } = await (await api()).GET('/api/v1/disclosure-reports/table3', { params: { query: { year, agency } } });
  const csvHref = `/disclosure/report/table3.csv?year=${year}&agency=${encodeURIComponent(agency)}`;
  return (
    <div className="stack">
      <h1>年度报告：收到和处理政府信息公开申请情况（表三）</h1>
      <form method="get" action="/disclosure/report" className="filters">
        <div>
          <label htmlFor="year">年度</label>
          <Input id="year" name="year" type="number" min={2008} max={2100} defaultValue={year} />
        </div>
        <div>
          <label htmlFor="agency">机关名称</label>
          <Input id="agency" name="agency" defaultValue={agency} />
        </div>
        <Button htmlType="submit">生成</Button>
      </form>
      {error && <ApiFailure error={error} />}
      {report && (
        <>
          <p>
            {report.agency} {report.year} 年度（格式 {report.formatVersion}）。<a href={csvHref}>导出 CSV（Excel 可直接打开）</a>
          </p>
          <TableScroll label="表三">
            <Table
              rowKey="key"
              size="small"
              pagination={false}
              columns={[
                { title: '项目', dataIndex: 'label', key: 'label' },
                ...report.columns.map((title, i) => ({ title, dataIndex: `c${i}`, key: `c${i}` })),
              ]}
              dataSource={report.rows.map((row) => ({
                key: row.key,
                label: row.label,
                ...Object.fromEntries(row.values.map((v, i) => [`c${i}`, v])),
              }))}
            />
          </TableScroll>
          <h2>校验</h2>
          <ul>
            {report.checks.map((c) => (
              <li key={c.rule}>
                <span className={c.ok ? 'state-ok' : 'state-bad'}>{c.ok ? '✓ 通过' : '✗ 不通过'}</span> {c.rule}
                {c.detail ? `：${c.detail}` : ''}
              </li>
            ))}
          </ul>
          {report.assumptions.length > 0 && <Alert type="info" title="统计口径" description={report.assumptions.join('；')} />}
        </>
      )}
    </div>
  );
}
