import { currentUser } from '../../../lib/auth';
import { csvResponse, toCsv } from '../../../lib/csv';
import { mayOpen } from '../../../lib/nav';
import { loadAnalytics, periodOf, rangeOf } from '../data';

/** One analytics data set as CSV (UTF-8 with BOM for Excel): exactly the rows of the table beside its chart. */
export async function GET(request: Request): Promise<Response> {
  const user = await currentUser();
  if (!user || !mayOpen(user, '/analytics')) return new Response('您的账号没有使用此功能的权限。', { status: 403 });
  const query = new URL(request.url).searchParams;
  const days = periodOf(query.get('days') ?? '');
  const { groups, slaRange } = await loadAnalytics(user, days, rangeOf(query.get('from') ?? undefined, query.get('to') ?? undefined));
  const group = groups.find((g) => g.sets.some((s) => s.key === query.get('set')));
  const set = group?.sets.find((s) => s.key === query.get('set'));
  if (!group || !set) return new Response('未找到该统计数据，或您的账号无权查看。', { status: 404 });
  const period = group.key === 'disclosure' && slaRange ? `${slaRange.from}至${slaRange.to}` : `最近${days}天`;
  return csvResponse(`${set.title}（${period}）.csv`, toCsv([set.columns, ...set.rows]));
}
