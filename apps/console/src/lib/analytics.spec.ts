import { askDataSets, byMonth, feedbackDataSets, rate, searchDataSets, slaDataSet, sumQueries, type SearchDay } from './analytics';

const day = (d: string, searches: number, clicks: number, top: Array<[string, number]> = []): SearchDay => ({
  day: d,
  searches,
  clicks,
  topQueries: top.map(([query, count]) => ({ query, count })),
  zeroResultQueries: [],
  noClickQueries: top.slice(0, 1).map(([query]) => ({ query, count: 1 })),
});

// newest first, as policy-svc answers
const days = [
  day('2026-07-02', 10, 4, [
    ['公积金', 5],
    ['社保', 2],
  ]),
  day('2026-07-01', 6, 0, [['社保', 4]]),
  day('2026-06-30', 4, 2, [
    ['公积金', 1],
    ['学位', 1],
  ]),
];

test('the same query is summed over the days, most asked first, ties in pinyin order', () => {
  expect(sumQueries(days, (d) => d.topQueries, 10)).toEqual([
    ['公积金', 6],
    ['社保', 6],
    ['学位', 1],
  ]);
  expect(sumQueries(days, (d) => d.topQueries, 1)).toHaveLength(1);
});

test('months are summed oldest first with their click rate; no searches means a rate of 0, not NaN', () => {
  expect(byMonth(days)).toEqual([
    ['2026-06', 4, 2, 50],
    ['2026-07', 16, 4, 25],
  ]);
  expect(rate(0, 0)).toBe(0);
  expect(rate(1, 3)).toBe(33.3);
});

test('the daily series runs oldest first so the line chart reads left to right', () => {
  const [daily, monthly, hot, zero, noClick] = searchDataSets(days);
  expect(daily!.rows.map((r) => r[0])).toEqual(['2026-06-30', '2026-07-01', '2026-07-02']);
  expect(daily!.rows[1]).toEqual(['2026-07-01', 6, 0, 0]);
  expect(monthly!.rows).toHaveLength(2);
  expect(hot!.rows[0]).toEqual(['公积金', 6]);
  expect(zero!.rows).toEqual([]);
  expect(noClick!.rows).toEqual([
    ['公积金', 2],
    ['社保', 1],
  ]);
});

test('feedback per topic shows the topic names and the helpful rate; an unrated answer has 0 stars', () => {
  const [topics, worst] = feedbackDataSets(
    {
      byTopic: [{ topic: 'housing-fund', helpful: 3, notHelpful: 1, ratingCount: 2, ratingAverage: 4.25, comments: 0 }],
      byPair: [{ question: '怎么提取公积金', helpful: 0, notHelpful: 2, ratingCount: 0, ratingAverage: null, comments: 1 }],
    },
    (code) => (code === 'housing-fund' ? '住房公积金' : code),
  );
  expect(topics!.rows).toEqual([['住房公积金', 3, 1, 75, 4.3]]);
  expect(worst!.rows).toEqual([['怎么提取公积金', 0, 2, 0, 0]]);
});

test('一号答: days oldest first with the rate of asks without a direct answer; topics by name, no topic as 未归类', () => {
  const counts = (asked: number, answered: number, suggestionsOnly: number, fallback: number) => ({
    asked,
    answered,
    suggestionsOnly,
    fallback,
  });
  const [daily, topics] = askDataSets(
    {
      days: [
        { day: '2026-12-06', ...counts(8, 6, 1, 1) },
        { day: '2026-12-05', ...counts(0, 0, 0, 0) },
      ],
      topics: [
        { topic: 'housing-fund', ...counts(5, 5, 0, 0) },
        { topic: '', ...counts(3, 1, 1, 1) },
      ],
    },
    (code) => (code === 'housing-fund' ? '住房公积金' : code),
  );
  expect(daily!.rows).toEqual([
    ['2026-12-05', 0, 0, 0, 0, 0],
    ['2026-12-06', 8, 6, 1, 1, 25],
  ]);
  expect(topics!.rows).toEqual([
    ['住房公积金', 5, 5, 0, 0, 0],
    ['未归类', 3, 1, 1, 1, 66.7],
  ]);
  expect(daily!.columns).toHaveLength(daily!.rows[0]!.length);
});

test('the disclosure SLA set: department names, unassigned last, every figure in the table, on time and late stacked in the chart', () => {
  const row = { assigned: 5, replied: 3, onTime: 2, late: 1, extended: 1, medianWorkingDays: 28, openNow: 2, overdueNow: 1 };
  const set = slaDataSet(
    [
      { ...row, department: null, medianWorkingDays: null },
      { ...row, department: 'finance' },
      { ...row, department: 'edu', onTime: 3, late: 0 },
    ],
    (code) => ({ finance: '市财政局', edu: '市教育局' })[code] ?? code,
  );
  expect(set.rows).toEqual([
    ['市教育局', 5, 3, 3, 0, 1, 28, 2, 1],
    ['市财政局', 5, 3, 2, 1, 1, 28, 2, 1],
    ['未分配部门', 5, 3, 2, 1, 1, null, 2, 1],
  ]);
  expect(set.columns[3]).toBe('按期答复');
  expect(set.chartColumns).toEqual(['按期答复', '逾期答复', '当前逾期']);
  expect(set.stack).toEqual({ 按期答复: '已答复', 逾期答复: '已答复' });
});
