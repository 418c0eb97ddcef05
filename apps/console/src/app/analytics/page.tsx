import { Button, Card, Table } from 'antd';
import type { Metadata } from 'next';
import { DateRangeField } from '../../components/date-range-field';
import { ApiFailure, Forbidden } from '../../components/forbidden';
import { TableScroll } from '../../components/table-scroll';
import type { DataSet } from '../../lib/analytics';
import { requireUser } from '../../lib/auth';
import { mayOpen } from '../../lib/nav';
import { one, type SearchParams } from '../../lib/site';
import { Chart } from './chart';
import { type DateRange, PERIODS, loadAnalytics, periodOf, rangeOf } from './data';

export const metadata: Metadata = { title: '统计分析' };

/** A chart with the numbers behind it in a table beside it, and the same rows as CSV. */
function DataSetCard({ set, days, range }: { set: DataSet; days: number; range?: DateRange }) {
  const csv = `/analytics/export.csv?${new URLSearchParams({ set: set.key, days: String(days), ...range }).toString()}`;
  return (
    <Card
      title={<h3 className="card-title">{set.title}</h3>}
      extra={
        <a href={csv} download>
          导出 CSV
        </a>
      }
    >
      {set.rows.length === 0 ? (
        <p>所选期间暂无数据。</p>
      ) : (
        <div className="chart-with-table">
          <Chart set={set} />
          <TableScroll label={`${set.title}（数据）`}>
            <Table
              rowKey="key"
              size="small"
              pagination={false}
              columns={set.columns.map((title, i) => ({ title, dataIndex: `c${i}`, key: `c${i}` }))}
              dataSource={set.rows.map((row, r) => ({ key: r, ...Object.fromEntries(row.map((v, i) => [`c${i}`, v])) }))}
            />
          </TableScroll>
        </div>
      )}
    </Card>
  );
}

/** 统计分析: what people search and ask, what they could not find, how the answers are rated. */
export default async function AnalyticsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const user = await requireUser('/analytics');
  if (!mayOpen(user, '/analytics')) return <Forbidden />;
  const days = periodOf(one(params.days));
  const { groups, failures, slaRange } = await loadAnalytics(user, days, rangeOf(one(params.from), one(params.to)));
  return (
    <div className="stack">
      <h1>统计分析</h1>
      <form method="get" action="/analytics" className="filters">
        <div>
          <label htmlFor="days">统计期间</label>
          <select id="days" name="days" className="native" defaultValue={String(days)}>
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                最近 {p} 天
              </option>
            ))}
          </select>
        </div>
        <Button htmlType="submit">查看</Button>
      </form>
      {failures.map((f, i) => (
        <ApiFailure key={i} error={f} />
      ))}
      {groups.map((g) => (
        <section key={g.title} aria-labelledby={`g-${g.title}`} className="stack">
          <h2 id={`g-${g.title}`}>{g.title}</h2>
          {g.key === 'disclosure' && slaRange ? (
            <form method="get" action="/analytics" className="filters">
              <input type="hidden" name="days" value={String(days)} />
              <div>
                <label htmlFor="sla-from">答复统计期间（开始日期）</label>
                <label htmlFor="sla-to">至（结束日期，最长3年）</label>
                <DateRangeField id="sla" names={['from', 'to']} defaultValue={[slaRange.from, slaRange.to]} />
              </div>
              <Button htmlType="submit">查看</Button>
            </form>
          ) : null}
          {g.sets.map((set) => (
            <DataSetCard key={set.key} set={set} days={days} range={g.key === 'disclosure' ? slaRange : undefined} />
          ))}
        </section>
      ))}
    </div>
  );
}
