import type { GetOk } from './api';
/** The console's analytics as data sets: the same rows feed a chart, the table beside it and its CSV. */
export interface DataSet {
  key: string;
  title: string;
  /** what the chart shows: a line over time or bars per item */
  chart: 'line' | 'bar';
  columns: string[];
  /** first cell = label (day, month, query, topic), the rest numbers (null: no value, e.g. a median without replies) */
  rows: Array<[string, ...Array<number | null>]>;
  /** the columns drawn (default: every number column); the table and CSV always carry all of them */
  chartColumns?: string[];
  /** bar columns stacked on each other: column → stack name */
  stack?: Record<string, string>;
}

interface QueryCount {
  query: string;
  count: number;
}
export interface SearchDay {
  day: string;
  searches: number;
  clicks: number;
  topQueries: QueryCount[];
  zeroResultQueries: QueryCount[];
  noClickQueries: QueryCount[];
}

/** Counts of the same query summed over the days, most first (ties by query), the first `limit`. */
export function sumQueries(days: SearchDay[], pick: (d: SearchDay) => QueryCount[], limit: number): Array<[string, number]> {
  const sums = new Map<string, number>();
  for (const day of days) for (const q of pick(day)) sums.set(q.query, (sums.get(q.query) ?? 0) + q.count);
  return [...sums].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN')).slice(0, limit);
}

/** Click-through in percent with one decimal (0 without searches). */
export const rate = (part: number, whole: number): number => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);

/** Days (newest first, as the service answers) → one row per month, oldest first: searches, clicks, click rate. */
export function byMonth(days: SearchDay[]): Array<[string, number, number, number]> {
  const months = new Map<string, { searches: number; clicks: number }>();
  for (const d of [...days].sort((a, b) => a.day.localeCompare(b.day))) {
    const m = months.get(d.day.slice(0, 7)) ?? { searches: 0, clicks: 0 };
    m.searches += d.searches;
    m.clicks += d.clicks;
    months.set(d.day.slice(0, 7), m);
  }
  return [...months].map(([month, m]) => [month, m.searches, m.clicks, rate(m.clicks, m.searches)]);
}

/** The search data sets of the policy library: daily trend, monthly trend, hot, zero-result and no-click queries. */
export function searchDataSets(days: SearchDay[], limit = 20): DataSet[] {
  const oldestFirst = [...days].sort((a, b) => a.day.localeCompare(b.day));
  const list = (key: string, title: string, pick: (d: SearchDay) => QueryCount[]): DataSet => ({
    key,
    title,
    chart: 'bar',
    columns: ['查询词', '次数'],
    rows: sumQueries(days, pick, limit),
  });
  return [
    {
      key: 'search-daily',
      title: '每日检索量与点击量',
      chart: 'line',
      columns: ['日期', '检索次数', '点击次数', '点击率（%）'],
      rows: oldestFirst.map((d) => [d.day, d.searches, d.clicks, rate(d.clicks, d.searches)]),
    },
    {
      key: 'search-monthly',
      title: '月度趋势',
      chart: 'bar',
      columns: ['月份', '检索次数', '点击次数', '点击率（%）'],
      rows: byMonth(days),
    },
    list('hot', '热门查询', (d) => d.topQueries),
    list('zero-result', '无结果查询（词库、同义词待补充）', (d) => d.zeroResultQueries),
    list('no-click', '有结果但无人点击的查询', (d) => d.noClickQueries),
  ];
}

interface Feedback {
  helpful: number;
  notHelpful: number;
  ratingCount: number;
  ratingAverage: number | null;
  comments: number;
}

/** Q&A feedback per topic (topic names from the taxonomy) and the answers rated worst. */
export function feedbackDataSets(
  stats: { byTopic: Array<Feedback & { topic: string }>; byPair: Array<Feedback & { question: string }> },
  topicName: (code: string) => string,
  limit = 20,
): DataSet[] {
  const cells = (f: Feedback): [number, number, number, number] => [
    f.helpful,
    f.notHelpful,
    rate(f.helpful, f.helpful + f.notHelpful),
    f.ratingAverage === null ? 0 : Math.round(f.ratingAverage * 10) / 10,
  ];
  const columns = ['有用', '没用', '有用率（%）', '平均星级'];
  return [
    {
      key: 'feedback-topics',
      title: '各主题答复反馈',
      chart: 'bar',
      columns: ['主题', ...columns],
      rows: stats.byTopic.map((t) => [topicName(t.topic), ...cells(t)]),
    },
    {
      key: 'feedback-worst',
      title: '评价最差的答复',
      chart: 'bar',
      columns: ['标准问法', ...columns],
      rows: stats.byPair.slice(0, limit).map((p) => [p.question, ...cells(p)]),
    },
  ];
}

/** Questions 一号答 could not answer with confidence, most asked first. */
export function unansweredDataSet(items: Array<{ sample: string; count: number; variants: string[] }>): DataSet {
  return {
    key: 'unanswered',
    title: '一号答未能可靠回答的问题（按相似问题归并）',
    chart: 'bar',
    columns: ['问题', '提问次数', '不同问法数'],
    rows: items.map((c) => [c.sample, c.count, c.variants.length]),
  };
}

/** Published answers per topic service, in the editors' order. */
export function topicDataSet(items: Array<{ name: string; publishedCount: number }>): DataSet {
  return {
    key: 'topics',
    title: '各主题已发布的答复',
    chart: 'bar',
    columns: ['主题', '已发布答复数'],
    rows: items.map((t) => [t.name, t.publishedCount]),
  };
}

/** 一号答's counters for a day or a topic (the qa-svc's /qa/ask/stats). */
export interface AskCounts {
  asked: number;
  answered: number;
  suggestionsOnly: number;
  fallback: number;
}
const ASK_COLUMNS = ['提问数', '直接答复', '仅给出相似问题', '转政策检索', '未直接答复率（%）'];
const askCells = (c: AskCounts): [number, number, number, number, number] => [
  c.asked,
  c.answered,
  c.suggestionsOnly,
  c.fallback,
  rate(c.suggestionsOnly + c.fallback, c.asked),
];

/**
 * 一号答: asks per day (oldest first) with what they got and the fallback rate (no direct answer), and the traffic per
 * topic, most asked first ('' = no topic matched: 未归类).
 */
export function askDataSets(
  stats: { days: Array<AskCounts & { day: string }>; topics: Array<AskCounts & { topic: string }> },
  topicName: (code: string) => string,
): DataSet[] {
  return [
    {
      key: 'ask-daily',
      title: '一号答每日提问与未直接答复率',
      chart: 'line',
      columns: ['日期', ...ASK_COLUMNS],
      rows: [...stats.days].sort((a, b) => a.day.localeCompare(b.day)).map((d) => [d.day, ...askCells(d)]),
    },
    {
      key: 'ask-topics',
      title: '一号答各主题提问量',
      chart: 'bar',
      columns: ['主题', ...ASK_COLUMNS],
      rows: stats.topics.map((t) => [t.topic ? topicName(t.topic) : '未归类', ...askCells(t)]),
    },
  ];
}

/** One department's row of the SLA report, as the gateway's typed client describes it. */
export type SlaRow = GetOk<'/api/v1/disclosure-reports/sla'>['rows'][number];

/**
 * Disclosure reply deadlines per department: the chart stacks replies on time and late, with the requests overdue now
 * beside them; the table and CSV carry every figure. Department codes read as their names; unassigned requests last.
 */
export function slaDataSet(rows: SlaRow[], departmentName: (code: string) => string): DataSet {
  const sorted = [...rows].sort((a, b) =>
    a.department === null ? 1 : b.department === null ? -1 : a.department.localeCompare(b.department),
  );
  return {
    key: 'disclosure-sla',
    title: '依申请公开答复时限（按部门）',
    chart: 'bar',
    columns: ['承办部门', '收到申请', '已答复', '按期答复', '逾期答复', '延期答复', '答复用时中位数（工作日）', '当前在办', '当前逾期'],
    chartColumns: ['按期答复', '逾期答复', '当前逾期'],
    stack: { 按期答复: '已答复', 逾期答复: '已答复' },
    rows: sorted.map((r) => [
      r.department === null ? '未分配部门' : departmentName(r.department),
      r.assigned,
      r.replied,
      r.onTime,
      r.late,
      r.extended,
      r.medianWorkingDays,
      r.openNow,
      r.overdueNow,
    ]),
  };
}
