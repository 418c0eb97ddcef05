import { cookies } from 'next/headers';
import { webAuth } from '../lib/auth';
import { unreadCount } from '../lib/unread-count';

/**
 * 登录, or the person's name with 我的申请, 消息 (with the unread count) and 退出 (a form with the CSRF
 * token: works without JavaScript).
 */
export async function AccountMenu() {
  const jar = await cookies();
  const user = await webAuth().user(jar);
  if (!user) {
    return (
      <a className="account-link" href="/auth/login">
        登录
      </a>
    );
  }
  const [csrf, unread] = await Promise.all([webAuth().csrfToken(jar), unreadCount()]);
  return (
    <form method="post" action="/auth/logout" className="account-menu">
      <span className="account-name">{user.name}</span>
      <a className="account-link" href="/me">
        我的申请
      </a>
      <a className="account-link" href="/me/inbox" data-testid="inbox-link">
        消息
        {unread ? (
          <span className="count" data-testid="unread-count">
            {unread}
            <span className="visually-hidden"> 条未读</span>
          </span>
        ) : null}
      </a>
      <input type="hidden" name="csrf" value={csrf ?? ''} />
      <button type="submit" className="button-secondary">
        退出
      </button>
    </form>
  );
}
