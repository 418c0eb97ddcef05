import css from './sub-nav.module.css';

export interface SubNavTab {
  href: string;
  label: string;
}

/** A section's own sub-navigation (the console menu has one entry per section); `current` is marked for screen readers. */
export function SubNav({ label, tabs, current }: { label: string; tabs: readonly SubNavTab[]; current: string }) {
  return (
    <nav aria-label={label} className={css.subnav}>
      <ul>
        {tabs.map((t) => (
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
