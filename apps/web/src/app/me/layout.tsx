import type { ReactNode } from 'react';

const LINKS: [string, string][] = [
  ['/me', '我的申请'],
  ['/me/inbox', '我的消息'],
  ['/me/subscriptions', '我的订阅'],
  ['/me/preferences', '通知设置'],
];

/** The signed-in area: each page, then links to the others (个人中心). Each page checks the session itself. */
export default function MeLayout({ children }: { children: ReactNode }) {
  return (
    <>
      {children}
      <nav aria-label="个人中心" className="me-nav">
        <h2>个人中心</h2>
        <ul>
          {LINKS.map(([href, label]) => (
            <li key={href}>
              <a href={href}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
