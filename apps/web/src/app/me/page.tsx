import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Pager } from '../../components/pager';
import { api } from '../../lib/api';
import { DISCLOSURE_STATUS_ZH } from '@govdisc/contracts';
import { labelOf } from '../../lib/labels';
import { formatDate, one } from '../../lib/site';
import { loginHref, pageParam, signedInOrLogin } from '../../lib/signed-in';

export const metadata: Metadata = { title: '我的申请', robots: { index: false, follow: false } };

const PAGE_SIZE = 10;

/** How much time is left, in working days, as the applicant needs to read it. */
function clock(item: { workingDaysLeft: number | null; overdue: boolean; paused: boolean; status: string }): string {
  if (item.status === 'REPLIED' || item.status === 'CLOSED') return '已办结';
  if (item.paused) return '期限暂停计算';
  if (item.workingDaysLeft === null) return '尚未开始计算';
  if (item.overdue) return `已超过答复期限 ${-item.workingDaysLeft} 个工作日`;
  return item.workingDaysLeft === 0 ? '今天到期' : `还剩 ${item.workingDaysLeft} 个工作日`;
}

/** "My requests": what the signed-in person filed while signed in, newest first, each linking to its page. */
export default async function MyRequestsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await signedInOrLogin('/me');
  const page = pageParam(one((await searchParams).page));
  const { data, response } = await (
    await api()
  ).GET('/api/v1/disclosure-requests/mine', { params: { query: { page, pageSize: PAGE_SIZE } } });
  if (response.status === 401) redirect(loginHref('/me'));
  return (
    <>
      <h1>我的申请</h1>
      <p>
        {user.name}，这里列出您登录后提交的政府信息公开申请。查看消息请到<a href="/me/inbox">我的消息</a>。
      </p>
      {!data ? (
        <p className="banner banner-bad" role="alert">
          暂时无法读取您的申请，请稍后再试。
        </p>
      ) : data.total === 0 ? (
        <section aria-labelledby="none-h">
          <h2 id="none-h">您还没有提交过申请</h2>
          <p>
            登录后提交的申请会显示在这里。<a href="/disclosure/new">申请政府信息公开</a>
          </p>
        </section>
      ) : (
        <>
          <p className="meta">共 {data.total} 件</p>
          <ol className="results my-requests">
            {data.items.map((r) => (
              <li key={r.requestNumber}>
                <h2>
                  <a href={`/me/requests/${encodeURIComponent(r.requestNumber)}`}>申请 {r.requestNumber}</a>
                </h2>
                <p>{r.description}</p>
                <dl className="doc-meta">
                  <dt>状态</dt>
                  <dd>{labelOf(DISCLOSURE_STATUS_ZH, r.status)}</dd>
                  <dt>提交时间</dt>
                  <dd>{formatDate(r.submittedAt)}</dd>
                  <dt>答复期限</dt>
                  <dd>
                    {formatDate(r.dueDate)}
                    {r.dueProvisional ? '（暂定）' : ''} · {clock(r)}
                  </dd>
                </dl>
              </li>
            ))}
          </ol>
          <Pager page={page} pages={Math.ceil(data.total / PAGE_SIZE)} href={(n) => (n > 1 ? `/me?page=${n}` : '/me')} />
        </>
      )}
    </>
  );
}
