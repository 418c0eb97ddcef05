import css from './guides.module.css';

const TABS = [
  { href: '/guides', label: '事项与办事指南' },
  { href: '/guides/bundles', label: '一件事' },
  { href: '/guides/sites', label: '服务场所' },
] as const;

/** The guide screens' own sub-navigation (the console menu has one entry for them). */
export function GuideTabs({ current }: { current: (typeof TABS)[number]['href'] | '' }) {
  return (
    <nav aria-label="办事指南功能" className={css.subnav}>
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
