import { api } from '../../../../lib/api';
import { currentUser } from '../../../../lib/auth';
import { csvResponse } from '../../../../lib/csv';
import { mayOpen } from '../../../../lib/nav';
import { reportQuery } from '../../../../lib/report';

/** Table 3 as the service writes it, as a download Excel opens in Chinese (UTF-8 with BOM). */
export async function GET(request: Request): Promise<Response> {
  if (!mayOpen(await currentUser(), '/disclosure/report')) return new Response('您的账号没有使用此功能的权限。', { status: 403 });
  const { year, agency } = reportQuery(Object.fromEntries(new URL(request.url).searchParams));
  const { data, error } = await (await api()).GET('/api/v1/disclosure-reports/table3', { params: { query: { year, agency } } });
  if (!data) return new Response(error?.message ?? '服务暂时不可用，请稍后再试。', { status: 502 });
  return csvResponse(`${agency}${year}年度政府信息公开工作年度报告表三.csv`, data.csv);
}
