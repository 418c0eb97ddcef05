import type { ReactNode } from 'react';

/** One value of a filter group: its label with the count of results it leaves, and the link that applies it. */
export interface FacetOption {
  value: string;
  label: string;
  count: number;
  href: string;
  current: boolean;
}

/** A result list's 筛选条件 beside the results (the narrow layout links to it as #facets). */
export function FacetNav({ children }: { children: ReactNode }) {
  return (
    <nav aria-label="筛选条件" className="facets" id="facets">
      {children}
    </nav>
  );
}

/** One filter group: "不限…" while it is set (clearHref), then its values; nothing when it has neither. */
export function FacetGroup({ label, clearHref, options }: { label: string; clearHref: string | null; options: FacetOption[] }) {
  if (options.length === 0 && !clearHref) return null;
  return (
    <div>
      <h2>{label}</h2>
      <ul>
        {clearHref && (
          <li>
            <a href={clearHref}>不限{label}</a>
          </li>
        )}
        {options.map((o) => (
          <li key={o.value}>
            <a href={o.href} aria-current={o.current ? 'true' : undefined}>
              {o.label}（{o.count}）
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
