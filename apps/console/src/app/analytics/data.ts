import {
  CONTENT_STAFF,
  DISCLOSURE_DEPARTMENTS,
  DISCLOSURE_STAFF,
  EDITORS,
  UNANSWERED_READERS,
  hasAnyRole,
  shanghaiDate,
} from '@govdisc/contracts';
import type { SignedInUser } from '@govdisc/web-auth';
import { api } from '../../lib/api';
import {
  type DataSet,
  askDataSets,
  feedbackDataSets,
  searchDataSets,
  slaDataSet,
  topicDataSet,
  unansweredDataSet,
} from '../../lib/analytics';

export const PERIODS = [7, 30, 90] as const;
export const periodOf = (value: string): number => PERIODS.find((p) => String(p) === value) ?? 30;

/** A date range from the query string (YYYY-MM-DD each, else absent: the service's default, the last 12 months). */
export interface DateRange {
  from?: string;
  to?: string;
}
const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const rangeOf = (from: string | undefined, to: string | undefined): DateRange => ({
  ...(from && DAY.test(from) ? { from } : {}),
  ...(to && DAY.test(to) ? { to } : {}),
});

export interface Analytics {
  groups: Array<{ key: string; title: string; sets: DataSet[] }>;
  failures: Array<{ code?: string; message?: string }>;
  /** the range the disclosure figures cover (as the service applied it), when the person may read them */
  slaRange?: { from: string; to: string };
}

const departmentName = (code: string) => DISCLOSURE_DEPARTMENTS.find((d) => d.code === code)?.name ?? code;

/** Every data set the person's roles may read (the gateway checks each call again), for the last `days` days (disclosure: `range`). */
export async function loadAnalytics(user: SignedInUser, days: number, range: DateRange = {}): Promise<Analytics> {
  const client = await api();
  // the last `days` Shanghai days, today included
  const from = shanghaiDate(new Date(Date.now() - (days - 1) * 86_400_000));
  const [search, feedback, topics, unanswered, asks, sla] = await Promise.all([
    hasAnyRole(user, EDITORS) ? client.GET('/api/v1/policies/analytics', { params: { query: { days, limit: 20 } } }) : null,
    hasAnyRole(user, CONTENT_STAFF) ? client.GET('/api/v1/qa/feedback/stats', { params: { query: {} } }) : null,
    client.GET('/api/v1/qa/topics'),
    hasAnyRole(user, UNANSWERED_READERS) ? client.GET('/api/v1/qa/unanswered', { params: { query: { page: 1, pageSize: 20 } } }) : null,
    hasAnyRole(user, UNANSWERED_READERS) ? client.GET('/api/v1/qa/ask/stats', { params: { query: { from } } }) : null,
    hasAnyRole(user, DISCLOSURE_STAFF) ? client.GET('/api/v1/disclosure-reports/sla', { params: { query: range } }) : null,
  ]);
  const failures = [search, feedback, topics, unanswered, asks, sla].flatMap((r) => (r?.error ? [r.error] : []));
  const topicItems = topics.data?.items ?? [];
  const topicName = (code: string) => topicItems.find((t) => t.code === code)?.name ?? code;
  const groups: Analytics['groups'] = [];
  if (search?.data) groups.push({ key: 'search', title: '政策文件检索', sets: searchDataSets(search.data.days) });
  const qa: DataSet[] = [];
  if (asks?.data) qa.push(...askDataSets(asks.data, topicName));
  if (unanswered?.data) qa.push(unansweredDataSet(unanswered.data.items));
  if (feedback?.data) qa.push(...feedbackDataSets(feedback.data, topicName));
  if (topicItems.length) qa.push(topicDataSet(topicItems));
  if (qa.length) groups.push({ key: 'qa', title: '问答与一号答', sets: qa });
  if (sla?.data) groups.push({ key: 'disclosure', title: '依申请公开', sets: [slaDataSet(sla.data.rows, departmentName)] });
  return { groups, failures, ...(sla?.data ? { slaRange: { from: sla.data.from, to: sla.data.to } } : {}) };
}
