import type { HeaderAccount } from '../lib/header-account';

/**
 * 登录, or the person's name with 我的申请, 消息 (with the unread count) and 退出 (a form with the CSRF
 * token: works without JavaScript).
 */
export function AccountMenuView({ account }: { account: HeaderAccount | null }) {
  if (!account) {
    return (
      <a className="account-link" href="/auth/login">
        登录
      </a>
    );
  }
  return (
    <form method="post" action="/auth/logout" className="account-menu">
      <span className="account-name">{account.name}</span>
      <a className="account-link" href="/me">
        我的申请
      </a>
      <a className="account-link" href="/me/inbox" data-testid="inbox-link">
        消息
        {account.unread ? (
          <span className="count" data-testid="unread-count">
            {account.unread}
            <span className="visually-hidden"> 条未读</span>
          </span>
        ) : null}
      </a>
      <input type="hidden" name="csrf" value={account.csrf} />
      <button type="submit" className="button-secondary">
        退出
      </button>
    </form>
  );
}
