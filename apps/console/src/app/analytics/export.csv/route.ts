import { currentUser } from '../../../lib/auth';
import { csvResponse, toCsv } from '../../../lib/csv';
import { mayOpen } from '../../../lib/nav';
import { loadAnalytics, periodOf } from '../data';

/** One analytics data set as CSV (UTF-8 with BOM for Excel): exactly the rows of the table beside its chart. */
export async function GET(request: Request): Promise<Response> {
  const user = await currentUser();
  if (!user || !mayOpen(user, '/analytics')) return new Response('您的账号没有使用此功能的权限。', { status: 403 });
  const query = new URL(request.url).searchParams;
  const days = periodOf(query.get('days') ?? '');
  const { groups } = await loadAnalytics(user, days);
  const set = groups.flatMap((g) => g.sets).find((s) => s.key === query.get('set'));
  if (!set) return new Response('未找到该统计数据，或您的账号无权查看。', { status: 404 });
  return csvResponse(`${set.title}（最近${days}天）.csv`, toCsv([set.columns, ...set.rows]));
}
