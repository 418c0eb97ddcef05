import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { Pager } from '../../../components/pager';
import { api } from '../../../lib/api';
import { webAuth } from '../../../lib/auth';
import { formatDate, one } from '../../../lib/site';
import { loginHref, pageParam, signedInOrLogin } from '../../../lib/signed-in';

export const metadata: Metadata = { title: '我的消息', robots: { index: false, follow: false } };

const PAGE_SIZE = 20;
const DONE: Record<string, string> = { one: '已标记为已读。', all: '全部消息已标记为已读。' };

/**
 * The inbox: the signed-in person's notices, newest first, paged. Marking read is a plain form POST
 * to /me/inbox/read with the session's CSRF token, so it works without JavaScript.
 */
export default async function InboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await signedInOrLogin('/me/inbox');
  const sp = await searchParams;
  const page = pageParam(one(sp.page));
  const { data, response } = await (await api()).GET('/api/v1/notifications', { params: { query: { page, pageSize: PAGE_SIZE } } });
  if (response.status === 401) redirect(loginHref('/me/inbox'));
  const csrf = (await webAuth().csrfToken(await cookies())) ?? '';
  const done = DONE[one(sp.done)];
  const failed = one(sp.failed) === '1';
  return (
    <>
      <h1>我的消息</h1>
      {done && (
        <p className="banner banner-ok" role="status">
          {done}
        </p>
      )}
      {failed && (
        <p className="banner banner-bad" role="alert">
          操作没有成功，请刷新页面后重试。
        </p>
      )}
      {!data ? (
        <p className="banner banner-bad" role="alert">
          暂时无法读取您的消息，请稍后再试。
        </p>
      ) : (
        <>
          <p data-testid="unread-summary">
            共 {data.total} 条，其中未读 {data.unread} 条。
          </p>
          {data.unread > 0 && (
            <form method="post" action="/me/inbox/read">
              <input type="hidden" name="csrf" value={csrf} />
              <input type="hidden" name="all" value="1" />
              <button type="submit" className="button-secondary">
                全部标为已读
              </button>
            </form>
          )}
          {data.total === 0 ? (
            <p>暂无消息。提交政府信息公开申请后，办理进展会发到这里。</p>
          ) : (
            <ol className="results inbox">
              {data.items.map((n) => (
                <li key={n.id} className={n.read ? 'notice-read' : 'notice-unread'}>
                  <h2>
                    {!n.read && <span className="badge">未读</span>} {n.title}
                  </h2>
                  <p className="meta">{formatDate(n.createdAt)}</p>
                  <p className="notice-body">{n.body}</p>
                  {!n.read && (
                    <form method="post" action="/me/inbox/read">
                      <input type="hidden" name="csrf" value={csrf} />
                      <input type="hidden" name="id" value={n.id} />
                      <input type="hidden" name="page" value={String(page)} />
                      <button type="submit" className="button-secondary" aria-label={`标为已读：${n.title}`}>
                        标为已读
                      </button>
                    </form>
                  )}
                </li>
              ))}
            </ol>
          )}
          <Pager page={page} pages={Math.ceil(data.total / PAGE_SIZE)} href={(n) => (n > 1 ? `/me/inbox?page=${n}` : '/me/inbox')} />
        </>
      )}
    </>
  );
}
