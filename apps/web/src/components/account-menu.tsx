import { cookies } from 'next/headers';
import { webAuth } from '../lib/auth';

/** 登录 / the person's name and 退出 (a form with the CSRF token: works without JavaScript). */
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
  const csrf = (await webAuth().csrfToken(jar)) ?? '';
  return (
    <form method="post" action="/auth/logout" className="account-menu">
      <span className="account-name">{user.name}</span>
      <input type="hidden" name="csrf" value={csrf} />
      <button type="submit" className="button-secondary">
        退出
      </button>
    </form>
  );
}
