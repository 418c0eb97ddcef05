import type { ReactNode } from 'react';
import { SITE_NAME } from '../lib/site';

const NAV: [string, string][] = [
  ['/', '首页'],
  ['/search', '政策查询'],
  ['/ask', '一号答'],
  ['/bundles', '一件事'],
  ['/guides', '办事指南'],
  ['/sites', '服务网点'],
  ['/disclosure/new', '申请公开'],
  ['/disclosure/track', '进度查询'],
];

function NavList({ className }: { className?: string }) {
  return (
    <ul className={className ? `nav-list ${className}` : 'nav-list'}>
      {NAV.map(([href, label]) => (
        <li key={href}>
          <a href={href}>{label}</a>
        </li>
      ))}
    </ul>
  );
}

/**
 * Everything inside `<body>` around a page: skip link, header (长辈版 switch, the account part), navigation,
 * `<main>`, footer. Plain markup with no hooks, so the App Router's layout and the Pages Router's policy page
 * (ADR 0034) render the same chrome.
 */
export function SiteChrome({ elder, account, children }: { elder: boolean; account: ReactNode; children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        跳到主要内容
      </a>
      <header className="site-header">
        <div className="wrap header-row">
          <a className="brand" href="/">
            <img src="/icon.svg" alt="" width="32" height="32" />
            <span>{SITE_NAME}</span>
          </a>
          <div className="header-tools">
            <form method="post" action="/elder" className="elder-switch">
              <input type="hidden" name="on" value={elder ? '0' : '1'} />
              <button type="submit" className="button-secondary">
                {elder ? '切换到标准版' : '长辈版（大字）'}
              </button>
            </form>
            {account}
          </div>
        </div>
        {/* On a phone the links fold under 菜单 (<details>: no JavaScript needed); from 48rem they show in a row. */}
        <nav aria-label="主导航" className="wrap">
          <details className="nav-menu">
            <summary>菜单</summary>
            <NavList />
          </details>
          <NavList className="nav-wide" />
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="wrap">
        {children}
      </main>
      <footer className="site-footer">
        <div className="wrap">
          <p>{SITE_NAME} · 依据《中华人民共和国政府信息公开条例》提供政府信息公开服务</p>
          <p>
            <a href="/disclosure/new">申请政府信息公开</a> · <a href="/disclosure/track">查询申请进度</a> ·{' '}
            <a href="/sitemap.xml">站点地图</a>
          </p>
        </div>
      </footer>
    </>
  );
}
