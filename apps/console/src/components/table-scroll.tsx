import type { ReactNode } from 'react';

/** A wide table scrolls sideways on a phone inside a region keyboard users can focus and scroll. */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
