import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { csrfToken, currentUser } from '../lib/auth';
import { navFor } from '../lib/nav';

/** Header with the person and 退出, the menu of what their roles allow, and the page. */
export async function Shell({ children }: { children: ReactNode }) {
  const user = await currentUser();
  const path = (await headers()).get('x-console-path') ?? '';
  const items = navFor(user);
  return (
    <>
      <header className="shell-header">
        <a href="/">政务公开工作台</a>
        {user ? (
          <form method="post" action="/auth/logout">
            <span>{user.name}</span>
            <input type="hidden" name="csrf" value={await csrfToken()} />
            <button type="submit">退出</button>
          </form>
        ) : (
          <a href="/auth/login">登录</a>
        )}
      </header>
      <div className="shell">
        {items.length > 0 && (
          <nav className="shell-nav" aria-label="工作台菜单">
            <ul>
              {items.map((item) => (
                <li key={item.href}>
                  <a href={item.href} aria-current={path === item.href ? 'page' : undefined}>
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <main id="main">{children}</main>
      </div>
    </>
  );
}
