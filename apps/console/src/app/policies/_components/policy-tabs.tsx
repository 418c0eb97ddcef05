import css from './policy.module.css';
/** The policy screens' own sub-navigation (the console menu has one entry for them). */
const TABS = [
  { href: '/policies', label: '文件列表' },
  { href: '/policies/new', label: '新建草稿' },
  { href: '/policies/import', label: '批量导入' },
  { href: '/policies/best-bets', label: '搜索置顶' },
] as const;

export function PolicyTabs({ current }: { current: (typeof TABS)[number]['href'] | '' }) {
  return (
    <nav aria-label="政策文件功能" className={css.subnav}>
      <ul>
        {TABS.map((t) => (
          <li key={t.href}>
            <a href={t.href} aria-current={t.href === current ? 'page' : undefined}>
              {t.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
